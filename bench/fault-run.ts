/**
 * What every fault scenario shares: the figures it ends with (every POST's status, the 503s and
 * whether each says when to retry, the answers replayed from an earlier attempt, the
 * reconciliation) and the split of attempts around an outage.
 */
import { scanAll } from '../test/support/runtime.ts';
import type { ProofSolvers } from './proof-solvers.ts';
import { type Reconciliation, reconcile, statusTally } from './reconcile.ts';
import { pause, resendAccepted, runReporters, type Submission, until } from './virtual-reporter.ts';

/** What every fault scenario is told. */
export interface FaultRunOptions {
  seconds: number;
  reporters: number;
  /** Threads solving the reporters' proofs of work. */
  solvers: number;
  /** Accepted reports sent again at the end, to check each gets its receipt back. */
  resend: number;
  /** Caps the wait a 503's `Retry-After` asks for (short test runs). */
  maxRetryWaitMs?: number;
}

/** The figures every fault scenario records. */
export interface FaultFigures {
  /** Every POST's status (resends included), `connection failed` when there was no answer. */
  statuses: Record<string, number>;
  /** 503s, and how many of them carried `Retry-After` and the `service_unavailable` error body. */
  unavailable: { total: number; clear: number };
  /**
   * Reports first accepted on a retry that found an earlier attempt's idempotency record
   * (`Idempotent-Replayed`): the earlier attempt got as far as the database, its answer did not.
   */
  replayed: number;
  /** Accepted reports sent once more at the end. */
  resent: number;
  reconciliation: Reconciliation;
}

/** Runs the reporters against `url`; the reports in progress at the end retry for up to 2 minutes. */
export function runFaultReporters(
  url: string,
  options: FaultRunOptions & { holdUntil?: Promise<unknown> },
  solvers: ProofSolvers,
  submissions: Submission[] = [],
): Promise<Submission[]> {
  const { seconds, reporters, maxRetryWaitMs, holdUntil } = options;
  return runReporters(
    {
      url,
      reporters,
      seconds,
      drainSeconds: 120,
      solvers,
      ...(maxRetryWaitMs ? { maxRetryWaitMs } : {}),
      ...(holdUntil ? { holdUntil } : {}),
    },
    submissions,
  );
}

/** An outage's times (`performance.now()`). */
export interface OutageTimes {
  /** The fault. */
  down: number;
  /** Until here nothing could store a report: the restart began, or the service said it was back. */
  restarting: number;
  /** The service ready again. */
  up: number;
}

/**
 * Runs the reporters, and `at` seconds in, once a first report is accepted (so there is something
 * to lose), runs `outage`, which takes part of the service down and brings it back, calling
 * `restarting()` at the end of the time nothing could store a report. Reporters keep starting reports until the outage is over, however slow the machine.
 * Returns the submissions and the outage's times (`performance.now()`).
 */
export async function runWithOutage(
  url: string,
  options: FaultRunOptions,
  at: number,
  solvers: ProofSolvers,
  outage: (restarting: () => void) => Promise<void>,
): Promise<{ submissions: Submission[] } & OutageTimes> {
  const submissions: Submission[] = [];
  const timing = (async (): Promise<OutageTimes> => {
    await pause(at * 1000);
    await until(() => submissions.some((s) => s.outcome === 'accepted'), 120_000);
    const down = performance.now();
    let restarting = 0;
    await outage(() => {
      restarting = performance.now();
    });
    const up = performance.now();
    return { down, restarting: restarting || up, up };
  })();
  await runFaultReporters(
    url,
    { ...options, holdUntil: timing.catch(() => undefined) },
    solvers,
    submissions,
  );
  return { submissions, ...(await timing) };
}

/** Sends `resend` accepted reports again, then reads the table and reconciles. */
export async function finishFaultRun(
  url: string,
  dynamodbEndpoint: string,
  submissions: readonly Submission[],
  resend: number,
): Promise<FaultFigures> {
  const resent = await resendAccepted(url, submissions, resend);
  const attempts = submissions.flatMap((s) => s.attempts);
  const unavailable = attempts.filter((a) => a.status === 503);
  return {
    statuses: statusTally(submissions),
    unavailable: {
      total: unavailable.length,
      clear: unavailable.filter((a) => Number(a.retryAfter) > 0 && a.error === 'service_unavailable').length,
    },
    replayed: submissions.filter((s) => s.attempts.find((a) => a.status === 201)?.replayed).length,
    resent,
    reconciliation: reconcile(submissions, await scanAll(dynamodbEndpoint)),
  };
}

/** The figures of a scenario with an outage: how long it lasted, and the attempts around it. */
export interface OutageFigures extends FaultFigures {
  /** From the fault until the service was ready again. */
  downSeconds: number;
  phases: Record<Phase, Record<string, number>>;
}

/**
 * Where an attempt fell around an outage: answered before it; sent before the stop and answered
 * after it; sent and answered between the stop and the start of the restart, when nothing could
 * store a report; sent before the restart began and answered after; sent after it began.
 */
export type Phase = 'before' | 'across the stop' | 'while down' | 'across the restart' | 'after';

/** Every phase, in order. */
export const phases: readonly Phase[] = [
  'before',
  'across the stop',
  'while down',
  'across the restart',
  'after',
];

/** The status tally of the attempts in each phase of an outage from `down` to `restarting`. */
export function phaseTally(
  submissions: readonly Submission[],
  { down, restarting }: OutageTimes,
): Record<Phase, Record<string, number>> {
  const tally = Object.fromEntries(phases.map((phase) => [phase, {}])) as Record<
    Phase,
    Record<string, number>
  >;
  for (const a of submissions.flatMap((s) => s.attempts)) {
    const phase: Phase =
      a.answeredAt < down
        ? 'before'
        : a.sentAt < down
          ? 'across the stop'
          : a.answeredAt < restarting
            ? 'while down'
            : a.sentAt < restarting
              ? 'across the restart'
              : 'after';
    const status = a.status ? String(a.status) : 'connection failed';
    tally[phase][status] = (tally[phase][status] ?? 0) + 1;
  }
  return tally;
}
