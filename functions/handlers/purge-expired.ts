/** Scheduled hourly: deletes idempotency records and used proofs of work past their expiry. Logs a count only. */
import { log } from '../http/log.ts';
import { purgeExpired } from '../store/purge.ts';

/** Lambda entry point for the EventBridge schedule (the local runtime calls it on a timer). */
export async function handler(): Promise<{ deleted: number }> {
  const deleted = await purgeExpired(new Date());
  log('info', 'purged expired records', { route: 'purge-expired', count: deleted });
  return { deleted };
}
