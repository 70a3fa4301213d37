/**
 * Scheduled hourly: deletes idempotency records, used proofs of work and outbox alerts past their
 * expiry. Logs a count only, and counts what it deleted by kind (`Purged`).
 */
import { log } from '../http/log.ts';
import { add, withMetrics } from '../http/metrics.ts';
import { purgeExpired } from '../store/purge.ts';

/** The kinds the purge deletes, each counted every run, zero included. */
const kinds = ['idempotency', 'proof', 'alert'] as const;

/** Lambda entry point for the EventBridge schedule (the local runtime calls it on a timer). */
export function handler(): Promise<{ deleted: number }> {
  return withMetrics(async () => {
    const byKind = await purgeExpired(new Date());
    for (const kind of kinds) add('purged', byKind.get(kind) ?? 0, { Kind: kind });
    const deleted = [...byKind.values()].reduce((sum, n) => sum + n, 0);
    log('info', 'purged expired records', { route: 'purge-expired', count: deleted });
    return { deleted };
  });
}
