/**
 * Report and idempotency items: each write is one conditional single-item operation, never a
 * transaction (dynalite has none, and none is needed).
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../domain/errors.ts';
import type { ReportInput } from '../domain/report.ts';
import type { UrgentReason } from '../domain/triage.ts';
import { documentClient, isConditionFailure } from './client.ts';
import { requireEnv } from './env.ts';
import { mainTable } from './tables.ts';

const tableName = requireEnv(mainTable.envVar);

/** How long an idempotency record is honoured, at least. */
const idempotencyHours = 24;

/** A report as stored: the validated fields, the office's view of it, and nothing about the caller. */
export interface ReportItem extends ReportInput {
  pk: string;
  sk: 'REPORT';
  type: 'report';
  ref: string;
  status: 'new';
  urgent: boolean;
  urgentReasons: UrgentReason[];
  createdAt: string;
  updatedAt: string;
  version: number;
  queuePk: string;
  queueSk: string;
  /**
   * The idempotency record's derived name, when the client sent a key: it lets a retry prove a
   * report is its own without reading it. It reveals nothing of the key or the reporter.
   */
  submission?: string;
}

/** The key of the report a receipt hash opens. */
function reportKey(receiptHash: string): { pk: string; sk: 'REPORT' } {
  return { pk: `REPORT#${receiptHash}`, sk: 'REPORT' };
}

/** Builds the stored item for a validated report. */
export function reportItem(
  report: ReportInput,
  fields: {
    receiptHash: string;
    ref: string;
    urgent: boolean;
    urgentReasons: UrgentReason[];
    now: Date;
    submission: string | undefined;
  },
): ReportItem {
  const createdAt = fields.now.toISOString();
  return {
    ...reportKey(fields.receiptHash),
    type: 'report',
    ...report,
    ref: fields.ref,
    status: 'new',
    urgent: fields.urgent,
    urgentReasons: fields.urgentReasons,
    createdAt,
    updatedAt: createdAt,
    version: 1,
    queuePk: report.community,
    queueSk: `${fields.urgent ? 0 : 1}#${createdAt}#${fields.ref}`,
    ...(fields.submission ? { submission: fields.submission } : {}),
  };
}

async function write<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isConditionFailure(error)) throw error;
    throw new StoreUnavailableError(error);
  }
}

/** Writes a report unless one with the same key exists. */
export async function putReportIfAbsent(item: ReportItem): Promise<'created' | 'exists'> {
  try {
    await write(() =>
      documentClient.send(
        new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
      ),
    );
    return 'created';
  } catch (error) {
    if (isConditionFailure(error)) return 'exists';
    throw error;
  }
}

/**
 * True when the report under `receiptHash` exists and was stored by `submission`. A conditional
 * write that changes nothing, so the public function needs no read permission to ask.
 */
export async function isOwnSubmission(receiptHash: string, submission: string): Promise<boolean> {
  try {
    await write(() =>
      documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: reportKey(receiptHash),
          UpdateExpression: 'SET submission = :submission',
          ConditionExpression: 'submission = :submission',
          ExpressionAttributeValues: { ':submission': submission },
        }),
      ),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** What an idempotency record holds: the sealed receipt and the body's fingerprint. */
export interface IdempotencyRecord {
  sealed: string;
  fingerprint: string;
}

/**
 * Claims an idempotency record, or reads the existing claim, in one write: every attribute is
 * set only if absent, and the record as it now stands comes back. Needs no read permission.
 */
export async function claimIdempotency(
  name: string,
  claim: IdempotencyRecord,
  now: Date,
): Promise<IdempotencyRecord> {
  const result = await write(() =>
    documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: `IDEM#${name}`, sk: 'IDEM' },
        UpdateExpression:
          'SET #type = if_not_exists(#type, :type), sealed = if_not_exists(sealed, :sealed), ' +
          'fingerprint = if_not_exists(fingerprint, :fingerprint), createdAt = if_not_exists(createdAt, :now), ' +
          '#ttl = if_not_exists(#ttl, :ttl)',
        ExpressionAttributeNames: { '#type': 'type', '#ttl': mainTable.ttlAttribute },
        ExpressionAttributeValues: {
          ':type': 'idempotency',
          ':sealed': claim.sealed,
          ':fingerprint': claim.fingerprint,
          ':now': now.toISOString(),
          ':ttl': Math.floor(now.getTime() / 1000) + idempotencyHours * 3600,
        },
        ReturnValues: 'ALL_NEW',
      }),
    ),
  );
  return { sealed: String(result.Attributes?.sealed), fingerprint: String(result.Attributes?.fingerprint) };
}

/** Replaces the sealed receipt of a record we own; used only after a receipt collision. */
export async function resealIdempotency(name: string, previous: string, sealed: string): Promise<void> {
  await write(() =>
    documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: `IDEM#${name}`, sk: 'IDEM' },
        UpdateExpression: 'SET sealed = :sealed',
        ConditionExpression: 'sealed = :previous',
        ExpressionAttributeValues: { ':sealed': sealed, ':previous': previous },
      }),
    ),
  );
}
