/**
 * The office queue at scale: seeds reports across 20 communities into a fresh embedded
 * database, then times the first queue page of one community (the exact store function the API
 * calls) and counts the items the Query read, at 1,000 and again at 100,000 reports.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTables, localAws, startDynamo } from '../infra/local/dynamodb.ts';

/** The figures at one table size. */
export interface QueueFigures {
  reports: number;
  communityReports: number;
  openInCommunity: number;
  pageItems: number;
  itemsRead: number;
  medianMs: number;
  p90Ms: number;
}

const communities = Array.from({ length: 20 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
const statuses = [
  'new',
  'triaged',
  'in_progress',
  'referred',
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
] as const;

/** Seeds up to `total` reports, then measures; twice, at each size in `sizes`. */
export async function measureQueue(
  sizes: readonly number[] = [1_000, 100_000],
  runs = 30,
): Promise<QueueFigures[]> {
  const dynamo = await startDynamo(0, mkdtempSync(join(tmpdir(), 'hutong-bench-queue-')));
  await createTables(dynamo.endpoint);
  Object.assign(process.env, {
    TABLE_NAME: 'reports',
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_REGION: localAws.region,
    AWS_ACCESS_KEY_ID: localAws.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localAws.credentials.secretAccessKey,
  });
  const { BatchWriteCommand, QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const { documentClient } = await import('../functions/store/client.ts');
  const { reportItem } = await import('../functions/store/reports.ts');
  const { indexAttributes } = await import('../functions/store/report-indexes.ts');
  const { queuePage } = await import('../functions/store/office.ts');
  try {
    const figures: QueueFigures[] = [];
    let seeded = 0;
    for (const size of sizes) {
      while (seeded < size) {
        const batch = Array.from({ length: Math.min(25, size - seeded) }, (_, i) => {
          const n = seeded + i;
          const community = communities[n % communities.length] as string;
          const status = statuses[
            Math.floor(n / communities.length) % statuses.length
          ] as (typeof statuses)[number];
          const now = new Date(Date.UTC(2026, 0, 1) + n * 60_000);
          const item = reportItem(
            {
              community,
              categories: ['neglect'],
              reporterRole: 'resident',
              childAgeBand: '8-13',
              immediateDanger: false,
              description: 'Seeded for the queue benchmark.',
              location: undefined,
              ongoing: undefined,
              contact: undefined,
              language: 'zh-CN',
            },
            {
              receiptHash: `bench-${n}`,
              ref: `B${String(n).padStart(9, '0')}`,
              urgent: n % 7 === 0,
              urgentReasons: [],
              channel: 'api',
              now,
              submission: undefined,
            },
          );
          const createdAt = now.toISOString();
          const { set, remove } = indexAttributes({ ...item, status, statusChangedAt: createdAt });
          const seededItem: Record<string, unknown> = { ...item, status, ...set };
          for (const name of remove) delete seededItem[name];
          return { PutRequest: { Item: seededItem } };
        });
        let pending: Record<string, unknown>[] = batch;
        while (pending.length > 0) {
          const result = await documentClient.send(
            new BatchWriteCommand({ RequestItems: { reports: pending } }),
          );
          pending = (result.UnprocessedItems?.reports ?? []) as Record<string, unknown>[];
        }
        seeded += batch.length;
      }
      const community = 'c01';
      const probe = await documentClient.send(
        new QueryCommand({
          TableName: 'reports',
          IndexName: 'queue',
          KeyConditionExpression: 'queuePk = :c',
          ExpressionAttributeValues: { ':c': community },
          Limit: 25,
        }),
      );
      const open = await documentClient.send(
        new QueryCommand({
          TableName: 'reports',
          IndexName: 'queue',
          KeyConditionExpression: 'queuePk = :c',
          ExpressionAttributeValues: { ':c': community },
          Select: 'COUNT',
        }),
      );
      const times: number[] = [];
      let items = 0;
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const page = await queuePage(community, {}, { limit: 25, language: 'en' });
        times.push(performance.now() - started);
        items = page.items.length;
      }
      times.sort((a, b) => a - b);
      figures.push({
        reports: size,
        communityReports: size / communities.length,
        openInCommunity: open.Count ?? 0,
        pageItems: items,
        itemsRead: probe.ScannedCount ?? 0,
        medianMs: times[Math.floor(times.length / 2)] ?? 0,
        p90Ms: times[Math.floor(times.length * 0.9)] ?? 0,
      });
    }
    return figures;
  } finally {
    await dynamo.stop();
  }
}
