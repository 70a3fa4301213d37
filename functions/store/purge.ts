/**
 * The purge of expired records (idempotency records and used proofs of work). DynamoDB's TTL
 * lags by hours and dynalite has none, so expiry is an explicit, scheduled delete, found through
 * the `expiry` index by the hour each record expires.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { call, documentClient, queryPages, tableName } from './client.ts';
import { hourOf } from './keys.ts';
import { keyPrefixes } from './tables.ts';

/** A kind of record, by its key prefix: `idempotency`, `proof`, `alert`. */
export type RecordKind = keyof typeof keyPrefixes;

const kindOf = (pk: string) =>
  (Object.keys(keyPrefixes) as RecordKind[]).find((kind) => pk.startsWith(keyPrefixes[kind]));

/** How far back each run looks; a purge that missed runs for up to three days catches up. */
const lookBackHours = 72;

/** The hours whose records have all expired by `now`, oldest first. */
function expiredHours(now: Date): string[] {
  const current = Math.floor(now.getTime() / 3600_000);
  return Array.from({ length: lookBackHours }, (_, i) =>
    hourOf(new Date((current - lookBackHours + i) * 3600_000)),
  );
}

async function deleteAll(keys: { pk: string; sk: string }[]): Promise<void> {
  for (let start = 0; start < keys.length; start += 25) {
    let pending: Record<string, unknown>[] = keys
      .slice(start, start + 25)
      .map((Key) => ({ DeleteRequest: { Key } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** Math.min(attempt, 6)));
      const result = await call(() =>
        documentClient.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } })),
      );
      pending = (result.UnprocessedItems?.[tableName] ?? []) as Record<string, unknown>[];
    }
  }
}

/** Deletes every record whose expiry hour has passed; returns how many of each kind. Logs nothing itself. */
export async function purgeExpired(now: Date): Promise<Map<RecordKind, number>> {
  const deleted = new Map<RecordKind, number>();
  for (const hour of expiredHours(now)) {
    for await (const page of queryPages({
      IndexName: 'expiry',
      KeyConditionExpression: 'expiryBucket = :hour',
      ExpressionAttributeValues: { ':hour': hour },
    })) {
      const keys = (page.Items ?? []).map((item) => ({ pk: String(item.pk), sk: String(item.sk) }));
      await deleteAll(keys);
      for (const { pk } of keys) {
        const kind = kindOf(pk);
        if (kind) deleted.set(kind, (deleted.get(kind) ?? 0) + 1);
      }
    }
  }
  return deleted;
}
