/**
 * Scheduled daily: deletes closed reports past the retention period, keeping only a statistic.
 * Logs counts, and counts the reports it deleted (`Purged`, kind `report`).
 */
import { deployment } from '../config.ts';
import { log } from '../http/log.ts';
import { add, withMetrics } from '../http/metrics.ts';
import { applyRetention, type RetentionRun } from '../store/retention.ts';

/** Lambda entry point for the EventBridge schedule; `now` lets a drill or a test set the clock. */
export function handler(event?: { now?: string }): Promise<RetentionRun> {
  return withMetrics(async () => {
    const now = event?.now ? new Date(event.now) : new Date();
    const communities = deployment.communities.map((c) => c.id);
    const run = await applyRetention(now, deployment.retentionDays, communities);
    add('purged', run.deleted, { Kind: 'report' });
    log('info', 'retention applied', { route: 'retention', count: run.deleted });
    if (run.kept)
      log('info', 'retention kept reports updated by their reporter', {
        route: 'retention',
        count: run.kept,
      });
    return run;
  });
}
