/**
 * The EventBridge rule that runs a scheduled job's function, from its entry in `schedules`
 * (`functions/routes.ts`). The local runtime runs the same handler on a timer.
 */
import { Duration } from 'aws-cdk-lib';
import { Schedule as EventSchedule, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { Schedule } from '../../functions/routes.ts';
import type { PortalFunction } from './portal-function.ts';

/**
 * Runs `portalFunction` every `schedule.everyMinutes` minutes. The rule lives under the
 * function's construct (`hutong/purge-expired/schedule`). A run EventBridge cannot deliver is
 * retried twice and dropped once the next run is due: every job picks up where the last one left
 * off, so runs never need to pile up.
 * @example scheduleJob(purgeFunction, schedules[0]);
 */
export function scheduleJob(portalFunction: PortalFunction, schedule: Schedule): Rule {
  const every = Duration.minutes(schedule.everyMinutes);
  return new Rule(portalFunction, 'schedule', {
    description: `${schedule.summary} (every ${schedule.everyMinutes} minutes)`,
    schedule: EventSchedule.rate(every),
    targets: [new LambdaFunction(portalFunction.function, { retryAttempts: 2, maxEventAge: every })],
  });
}
