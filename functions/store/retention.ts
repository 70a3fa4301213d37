/**
 * Retention: closed (and duplicate) reports older than the retention period are deleted with
 * everything under their key: messages, notes, referrals, audit events. A non-identifying
 * statistic is kept first (community, categories, age band, dates, outcome), so the figures
 * survive. A report its reporter updated after it was closed is never deleted.
 */
import { BatchWriteCommand, DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { call, conditionally, documentClient, queryPages, tableName } from './client.ts';
import { reportItems } from './office.ts';
import type { ReportItem } from './reports.ts';
import { keyPrefixes } from './tables.ts';

/** What a run did, as counts only. */
export interface RetentionRun {
  deleted: number;
  /** Past the period, but updated by the reporter since closing: kept. */
  kept: number;
}

/** The fields a statistic keeps: nothing a person typed, nothing that identifies anyone. */
function statistic(report: ReportItem): Record<string, unknown> {
  return {
    pk: `${keyPrefixes.statistic}${report.community}`,
    sk: report.ref,
    type: 'statistic',
    ref: report.ref,
    community: report.community,
    status: report.status,
    urgent: report.urgent,
    categories: report.categories,
    childAgeBand: report.childAgeBand,
    reporterRole: report.reporterRole,
    createdAt: report.createdAt,
    ...(report.acknowledgedAt ? { acknowledgedAt: report.acknowledgedAt } : {}),
    ...(report.firstReplyAt ? { firstReplyAt: report.firstReplyAt } : {}),
    ...(report.closedAt ? { closedAt: report.closedAt } : {}),
    ...(report.outcome ? { outcome: report.outcome } : {}),
    referralAgencies: report.referralAgencies ?? [],
    // In the month index still, so the dashboard and the transparency figures keep counting it.
    monthPk: report.monthPk,
    monthSk: report.monthSk,
  };
}

async function deleteChildren(pk: string, items: Record<string, unknown>[]): Promise<void> {
  const children = items.filter((item) => item.sk !== 'REPORT').map((item) => ({ pk, sk: String(item.sk) }));
  for (let start = 0; start < children.length; start += 25) {
    let pending: Record<string, unknown>[] = children
      .slice(start, start + 25)
      .map((Key) => ({ DeleteRequest: { Key } }));
    while (pending.length > 0) {
      const result = await call(() =>
        documentClient.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } })),
      );
      pending = (result.UnprocessedItems?.[tableName] ?? []) as Record<string, unknown>[];
    }
  }
}

/** Deletes one report if it is still closed as it was when found and untouched by its reporter since. */
async function retire(pk: string): Promise<'deleted' | 'kept'> {
  const items = await reportItems(pk);
  const report = items.find((item) => item.sk === 'REPORT') as ReportItem | undefined;
  if (!report) return 'deleted';
  if (report.reporterUpdatedAt && report.reporterUpdatedAt > report.statusChangedAt) return 'kept';
  await call(() =>
    documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: statistic(report),
        ConditionExpression: 'attribute_not_exists(sk)',
      }),
    ),
  ).catch((error: unknown) => {
    if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
  });
  await deleteChildren(pk, items);
  // Last, and only if nothing changed meanwhile: a crash before this leaves the report to retry.
  const deleted = await conditionally(() =>
    documentClient.send(
      new DeleteCommand({
        TableName: tableName,
        Key: { pk, sk: 'REPORT' },
        ConditionExpression:
          '#status = :status AND statusChangedAt = :at AND (attribute_not_exists(reporterUpdatedAt) OR reporterUpdatedAt <= :at)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': report.status, ':at': report.statusChangedAt },
      }),
    ),
  );
  return deleted ? 'deleted' : 'kept';
}

/** Retires every closed or duplicate report of `communities` that left the open statuses before `now − days`. */
export async function applyRetention(
  now: Date,
  days: number,
  communities: readonly string[],
): Promise<RetentionRun> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const run: RetentionRun = { deleted: 0, kept: 0 };
  for (const community of communities) {
    for (const status of ['closed', 'duplicate']) {
      const expired: string[] = [];
      for await (const page of queryPages({
        IndexName: 'by-status',
        KeyConditionExpression: 'statusPk = :partition AND statusSk < :cutoff',
        ExpressionAttributeValues: { ':partition': `${community}#${status}`, ':cutoff': cutoff },
      })) {
        expired.push(...(page.Items ?? []).map((item) => String(item.pk)));
      }
      for (const pk of expired) run[await retire(pk)]++;
    }
  }
  return run;
}
