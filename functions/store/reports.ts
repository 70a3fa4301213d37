/**
 * Report items. Each write is one conditional single-item operation, never a transaction
 * (dynalite has none, and none is needed).
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ReportInput } from '../domain/report.ts';
import { dayOf, type OfficeStatus, type TimelineEntry } from '../domain/status.ts';
import type { UrgentReason } from '../domain/triage.ts';
import { call, conditionally, documentClient, tableName } from './client.ts';
import { hourOf, reportKey } from './keys.ts';

/** How a report arrived: the site's script (JSON with proof of work) or the plain HTML form. */
export type Channel = 'api' | 'form';

/** A report as stored: the validated fields, the office's view of it, and nothing about the caller. */
export interface ReportItem extends ReportInput {
  pk: string;
  sk: 'REPORT';
  type: 'report';
  ref: string;
  status: OfficeStatus;
  urgent: boolean;
  urgentReasons: UrgentReason[];
  createdAt: string;
  updatedAt: string;
  /** When the status last changed. */
  statusChangedAt: string;
  /** What the reporter sees of the status's history, by day. */
  timeline: TimelineEntry[];
  /** When the reporter last added a message; the office queue shows it. */
  reporterUpdatedAt?: string;
  version: number;
  queuePk: string;
  queueSk: string;
  /** The clock hour it arrived, and `<community>#<channel>#<createdAt>#<ref>`: the caps count these. */
  hourlyPk: string;
  hourlySk: string;
  /**
   * The idempotency record's derived name, when the client sent a key: it lets a retry prove a
   * report is its own without reading it. It reveals nothing of the key or the reporter.
   */
  submission?: string;
}

/** Builds the stored item for a validated report. */
export function reportItem(
  report: ReportInput,
  fields: {
    receiptHash: string;
    ref: string;
    urgent: boolean;
    urgentReasons: UrgentReason[];
    channel: Channel;
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
    statusChangedAt: createdAt,
    timeline: [{ status: 'received', on: dayOf(createdAt) }],
    version: 1,
    queuePk: report.community,
    queueSk: `${fields.urgent ? 0 : 1}#${createdAt}#${fields.ref}`,
    hourlyPk: hourOf(fields.now),
    hourlySk: `${report.community}#${fields.channel}#${createdAt}#${fields.ref}`,
    ...(fields.submission ? { submission: fields.submission } : {}),
  };
}

/** Writes a report unless one with the same key exists. */
export async function putReportIfAbsent(item: ReportItem): Promise<'created' | 'exists'> {
  const created = await conditionally(() =>
    documentClient.send(
      new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
    ),
  );
  return created ? 'created' : 'exists';
}

/**
 * True when the report under `receiptHash` exists and was stored by `submission`. A conditional
 * write that changes nothing, so the public function needs no read permission to ask.
 */
export function isOwnSubmission(receiptHash: string, submission: string): Promise<boolean> {
  return conditionally(() =>
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
}

/** The report a receipt hash opens, read strongly consistent, or undefined. */
export async function getReport(receiptHash: string): Promise<ReportItem | undefined> {
  const result = await call(() =>
    documentClient.send(
      new GetCommand({ TableName: tableName, Key: reportKey(receiptHash), ConsistentRead: true }),
    ),
  );
  return result.Item as ReportItem | undefined;
}

/**
 * Marks a report as updated by its reporter, so the office queue shows it and retention keeps
 * it. Staff's optimistic lock (`version`) is untouched: a message is not a change of state.
 * False when the report no longer exists.
 */
export function markReporterUpdate(receiptHash: string, at: string): Promise<boolean> {
  return conditionally(() =>
    documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: reportKey(receiptHash),
        UpdateExpression: 'SET reporterUpdatedAt = :at, updatedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at },
      }),
    ),
  );
}
