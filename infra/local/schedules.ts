/**
 * The local runtime's timers for the scheduled jobs in functions/routes.ts: each job runs once at
 * start, then as often as its schedule says, exactly as EventBridge would invoke it in AWS.
 * `HUTONG_SCHEDULE_SECONDS` runs every job that often instead (tests use it so as not to wait a
 * minute for an alert).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { schedules } from '../../functions/routes.ts';
import { repoRoot } from '../site-build.ts';

type Job = () => Promise<unknown>;

/** Running timers; `stop()` clears them and waits for a job in progress. */
export interface Timers {
  stop(): Promise<void>;
}

/** Imports every job's handler and starts its timer. */
export async function startSchedules(onError: (name: string, error: unknown) => void): Promise<Timers> {
  const running = new Set<Promise<unknown>>();
  const timers = await Promise.all(
    schedules.map(async (schedule) => {
      const file = join(repoRoot, 'functions', 'handlers', `${schedule.name}.ts`);
      const { handler } = (await import(pathToFileURL(file).href)) as { handler: Job };
      let current: Promise<unknown> | undefined;
      // One run of a job at a time, as a Lambda with reserved concurrency 1 would have it.
      const run = () => {
        if (current) return;
        const job = handler().catch((error: unknown) => onError(schedule.name, error));
        current = job;
        running.add(job);
        void job.finally(() => {
          running.delete(job);
          current = undefined;
        });
      };
      run();
      const override = Number(process.env.HUTONG_SCHEDULE_SECONDS);
      const every = override > 0 ? override * 1000 : schedule.everyMinutes * 60_000;
      const timer = setInterval(run, every);
      timer.unref();
      return timer;
    }),
  );
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running);
    },
  };
}
