/**
 * The load scenario: virtual reporters submit for a while against a fresh local runtime (hourly
 * caps raised), office users work the queue meanwhile, then what the reporters were told is
 * reconciled with the table. `npm run bench:load` runs it long; test/integration/load.test.ts short.
 */
import { scanAll } from '../test/support/runtime.ts';
import { spawnUncapped } from '../test/support/uncapped.ts';
import { processCpuMs } from './cpu-time.ts';
import { type OfficeCall, type OfficeOperation, runOffice, signInOffice } from './office-users.ts';
import { startProofSolvers } from './proof-solvers.ts';
import { type Reconciliation, reconcile, statusTally } from './reconcile.ts';
import { type Latency, latency } from './stats.ts';
import { resendAccepted, runReporters, type Submission } from './virtual-reporter.ts';

/** How big a run. */
export interface LoadOptions {
  seconds: number;
  reporters: number;
  /** Office users working the queue at the same time. */
  office: number;
  /** Threads solving the reporters' proofs of work. */
  solvers: number;
  /** Accepted reports sent again at the end, to check each gets its receipt back. */
  resend: number;
}

/** What a load run found. */
export interface LoadFigures {
  options: LoadOptions;
  /** From the first request until the last report was answered. */
  elapsedSeconds: number;
  /** Reports accepted (201) per second over `elapsedSeconds`. */
  acceptedPerSecond: number;
  postsPerSecond: number;
  statuses: Record<string, number>;
  urgentAccepted: number;
  post: Latency;
  office: Record<OfficeOperation, Latency & { statuses: Record<string, number> }>;
  /** The reporters' proofs of work: how many, and the solving threads' total and mean time. */
  proofs: { solved: number; solveMs: number; meanSolveMs: number };
  serverCpuSeconds: number | undefined;
  resent: number;
  reconciliation: Reconciliation;
}

function officeFigures(calls: readonly OfficeCall[]): LoadFigures['office'] {
  const operations: OfficeOperation[] = ['list', 'open', 'acknowledge', 'reply'];
  return Object.fromEntries(
    operations.map((operation) => {
      const mine = calls.filter((call) => call.operation === operation);
      const statuses: Record<string, number> = {};
      for (const call of mine) statuses[call.status] = (statuses[call.status] ?? 0) + 1;
      return [operation, { ...latency(mine.map((call) => call.ms)), statuses }];
    }),
  ) as LoadFigures['office'];
}

function elapsed(submissions: readonly Submission[], started: number): number {
  const last = Math.max(started, ...submissions.flatMap((s) => s.attempts.map((a) => a.answeredAt)));
  return (last - started) / 1000;
}

/** Runs the load scenario on a fresh runtime and reconciles it. */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const runtime = await spawnUncapped();
  const solvers = startProofSolvers(options.solvers);
  try {
    const seats = await signInOffice(runtime, options.office);
    const serverBefore = processCpuMs(runtime.pid);
    const started = performance.now();
    let over = false;
    const [submissions, calls] = await Promise.all([
      runReporters({
        url: runtime.url,
        reporters: options.reporters,
        seconds: options.seconds,
        drainSeconds: 60,
        solvers,
      }).finally(() => {
        over = true;
      }),
      runOffice(seats, () => over),
    ]);
    const elapsedSeconds = elapsed(submissions, started);
    const serverAfter = processCpuMs(runtime.pid);
    const posts = submissions.flatMap((s) => s.attempts);
    const statuses = statusTally(submissions);
    const resent = await resendAccepted(runtime.url, submissions, options.resend);
    const reconciliation = reconcile(submissions, await scanAll(runtime.dynamodbEndpoint));
    const { solved, solveMs } = solvers.figures();
    return {
      options,
      elapsedSeconds,
      acceptedPerSecond: reconciliation.accepted / elapsedSeconds,
      postsPerSecond: posts.length / elapsedSeconds,
      statuses,
      urgentAccepted: submissions.filter((s) => s.urgent && s.outcome === 'accepted').length,
      post: latency(posts.map((a) => a.answeredAt - a.sentAt)),
      office: officeFigures(calls),
      proofs: {
        solved,
        solveMs,
        meanSolveMs: solveMs / Math.max(solved, 1),
      },
      serverCpuSeconds:
        serverBefore === undefined || serverAfter === undefined
          ? undefined
          : (serverAfter - serverBefore) / 1000,
      resent,
      reconciliation,
    };
  } finally {
    await solvers.stop();
    await runtime.stop();
  }
}
