/**
 * The office's reads: the queue (one Query per page, whatever the table's size), counts per
 * status, a report by its office reference, and everything under a report's key.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { InvalidRequestError } from '../domain/errors.ts';
import type { Language } from '../domain/languages.ts';
import type { Category, ChildAgeBand } from '../domain/report.ts';
import { type OfficeStatus, officeStatuses } from '../domain/status.ts';
import { call, documentClient, queryPages, tableName } from './client.ts';
import type { ReportItem } from './reports.ts';
import { keyPrefixes } from './tables.ts';

/** What the queue can be narrowed to. */
export interface QueueFilters {
  status?: OfficeStatus | undefined;
  category?: Category | undefined;
  ageBand?: ChildAgeBand | undefined;
}

/** A queue row: what the queue and status indexes project. */
export type QueueRow = Pick<
  ReportItem,
  | 'ref'
  | 'status'
  | 'urgent'
  | 'priority'
  | 'categories'
  | 'childAgeBand'
  | 'createdAt'
  | 'updatedAt'
  | 'reporterUpdatedAt'
  | 'assignee'
  | 'acknowledgedAt'
  | 'firstReplyAt'
  | 'closedAt'
>;

const cursorKeys = new Set(['pk', 'sk', 'queuePk', 'queueSk', 'statusPk', 'statusSk']);

function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

/** Reads a cursor back, refusing one that was tampered with or belongs to another partition. */
function decodeCursor(
  cursor: string | undefined,
  partition: { name: string; value: string },
  language: Language,
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const refuse = () =>
    new InvalidRequestError('invalid_request', {
      language,
      issues: [{ path: ['cursor'], message: 'cursor' }],
    });
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!key || typeof key !== 'object' || Array.isArray(key)) throw refuse();
  const entries = Object.entries(key);
  if (!entries.every(([name, value]) => cursorKeys.has(name) && typeof value === 'string')) throw refuse();
  if ((key as Record<string, string>)[partition.name] !== partition.value) throw refuse();
  return key as Record<string, string>;
}

/**
 * One page of a community's queue: its open reports by priority then age, or, with a status,
 * the reports in that status by when they entered it. Category and age band narrow the page.
 */
export async function queuePage(
  community: string,
  filters: QueueFilters,
  options: { cursor?: string | undefined; limit: number; language: Language },
): Promise<{ items: QueueRow[]; cursor: string | undefined }> {
  const partition = filters.status
    ? { index: 'by-status', name: 'statusPk', value: `${community}#${filters.status}` }
    : { index: 'queue', name: 'queuePk', value: community };
  const conditions: string[] = [];
  const values: Record<string, unknown> = { ':partition': partition.value };
  if (filters.category) {
    conditions.push('contains(categories, :category)');
    values[':category'] = filters.category;
  }
  if (filters.ageBand) {
    conditions.push('childAgeBand = :ageBand');
    values[':ageBand'] = filters.ageBand;
  }
  // Decoded before the call: a refused cursor is the caller's 400, not the database's 503.
  const start = decodeCursor(options.cursor, partition, options.language);
  const page = await call(() =>
    documentClient.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: partition.index,
        KeyConditionExpression: `${partition.name} = :partition`,
        ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
        ExpressionAttributeValues: values,
        Limit: options.limit,
        ExclusiveStartKey: start,
      }),
    ),
  );
  return { items: (page.Items ?? []) as QueueRow[], cursor: encodeCursor(page.LastEvaluatedKey) };
}

/** How many of a community's reports are in each status, counted on the status index. */
export async function countsByStatus(community: string): Promise<Record<OfficeStatus, number>> {
  const counts = await Promise.all(
    officeStatuses.map(async (status) => {
      let count = 0;
      for await (const page of queryPages({
        IndexName: 'by-status',
        Select: 'COUNT',
        KeyConditionExpression: 'statusPk = :partition',
        ExpressionAttributeValues: { ':partition': `${community}#${status}` },
      })) {
        count += page.Count ?? 0;
      }
      return [status, count] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<OfficeStatus, number>;
}

/**
 * The report with this office reference, if it belongs to `community`. Another community's
 * report is as absent as one that never existed.
 */
export async function findReport(community: string, ref: string): Promise<ReportItem | undefined> {
  const found = await call(() =>
    documentClient.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'by-ref',
        KeyConditionExpression: '#ref = :ref',
        ExpressionAttributeNames: { '#ref': 'ref' },
        ExpressionAttributeValues: { ':ref': ref },
      }),
    ),
  );
  const key = (found.Items ?? []).find(
    (item) => String(item.pk).startsWith(keyPrefixes.report) && item.sk === 'REPORT',
  );
  if (!key) return undefined;
  const read = await call(() =>
    documentClient.send(
      new GetCommand({ TableName: tableName, Key: { pk: key.pk, sk: 'REPORT' }, ConsistentRead: true }),
    ),
  );
  const report = read.Item as ReportItem | undefined;
  return report?.community === community ? report : undefined;
}

/** Everything under a report's key: the report, its thread, notes, referrals and audit events. */
export async function reportItems(pk: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of queryPages({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': pk },
    ConsistentRead: true,
  })) {
    items.push(...(page.Items ?? []));
  }
  return items;
}
