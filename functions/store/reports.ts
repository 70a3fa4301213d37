/**
 * Report items. Each write is one conditional single-item operation, never a transaction
 * (dynalite has none, and none is needed).
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ReportInput } from '../domain/report.ts';
import { dayOf, type OfficeStatus, type TimelineEntry } from '../domain/status.ts';
import type { UrgentReason } from '../domain/triage.ts';
import type { Outcome, Priority } from '../domain/workflow.ts';
import { call, conditionally, documentClient, tableName } from './client.ts';
import type { SealedContact } from './contact-keyring.ts';
import { hourOf, reportKey } from './keys.ts';
import { indexAttributes } from './report-indexes.ts';

/** How a report arrived: the site's script (JSON with proof of work) or the plain HTML form. */
export type Channel = 'api' | 'form';

/**
 * A report as stored: the validated fields, the office's view of it, and nothing about the
 * caller. The contact the reporter left is stored only sealed.
 */
export interface ReportItem extends Omit<ReportInput, 'contact'> {
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
  /** The contact the reporter chose to leave, sealed for the office (`contact-keyring.ts`). */
  sealedContact?: SealedContact;
  /** A contact stored in the clear before contacts were sealed: only in old local data. */
  contact?: string;
  /** Present while the report is open: the queue index is sparse. */
  queuePk?: string;
  queueSk?: string;
  statusPk: string;
  statusSk: string;
  monthPk: string;
  monthSk: string;
  /** Urgent only: `pending` until the alert is sent, `sent` until the reminder, then `reminded`; staff acting removes it. */
  alertPk?: 'pending' | 'sent' | 'reminded';
  alertSk?: string;
  /** The clock hour it arrived, and `<community>#<channel>#<createdAt>#<ref>`: the caps count these. */
  hourlyPk: string;
  hourlySk: string;
  /**
   * The idempotency record's derived name, when the client sent a key: it lets a retry prove a
   * report is its own without reading it. It reveals nothing of the key or the reporter.
   */
  submission?: string;
  // What the office records as it works the report:
  priority?: Priority;
  assignee?: string;
  acknowledgedAt?: string;
  firstReplyAt?: string;
  closedAt?: string;
  outcome?: Outcome;
  duplicateOf?: string;
  duplicates?: string[];
  /** Agency ids, one per referral: the month index carries them to the statistics. */
  referralAgencies?: string[];
  /** When staff last acted on it; the queue marks reporter updates newer than this. */
  staffActedAt?: string;
  /** The last staff change, recorded with the change itself so its audit event can't be lost. */
  lastEvent?: AuditEvent;
}

/** One entry of the audit trail. */
export interface AuditEvent {
  id: string;
  at: string;
  actor: string;
  action: string;
  from?: OfficeStatus;
  to?: OfficeStatus;
  details?: Record<string, string>;
  /** An item the action adds beside the report (a note, a reply, a referral), to re-create it if lost. */
  adds?: { sk: string; item: Record<string, unknown> };
}

/** Builds the stored item for a validated report, its contact (if any) already sealed. */
export function reportItem(
  { contact: _plaintext, ...report }: ReportInput,
  fields: {
    receiptHash: string;
    ref: string;
    urgent: boolean;
    urgentReasons: UrgentReason[];
    channel: Channel;
    now: Date;
    submission: string | undefined;
    /** The contact, sealed by `sealContact`; absent when the reporter left none. */
    sealedContact?: SealedContact | undefined;
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
    ...(fields.sealedContact ? { sealedContact: fields.sealedContact } : {}),
    ...(indexAttributes({
      community: report.community,
      ref: fields.ref,
      status: 'new',
      urgent: fields.urgent,
      createdAt,
      statusChangedAt: createdAt,
    }).set as {
      queuePk: string;
      queueSk: string;
      statusPk: string;
      statusSk: string;
      monthPk: string;
      monthSk: string;
    }),
    // An urgent report waits in the alert dispatcher's list until its alert is sent.
    ...(fields.urgent ? { alertPk: 'pending', alertSk: createdAt } : {}),
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
