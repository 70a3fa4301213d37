/**
 * Slow and failing writes: the runtime runs with `HUTONG_STORE_FAULTS`, the test-only hook
 * (infra/local/store-faults.ts) that delays every DynamoDB write and fails some, half before the
 * write reaches the table and half after it is stored with the answer lost. The API must stay
 * correct: no duplicate, no 201 without a stored report, a clear 503 for every failure.
 */
import { spawnUncapped } from '../test/support/uncapped.ts';
import { type FaultFigures, type FaultRunOptions, finishFaultRun, runFaultReporters } from './fault-run.ts';
import { startProofSolvers } from './proof-solvers.ts';
import { type Latency, latency } from './stats.ts';

/** How big a run, and what to inject. */
export interface WriteFaultOptions extends FaultRunOptions {
  /** The `HUTONG_STORE_FAULTS` value, e.g. `latency:200,errors:0.2`. */
  faults: string;
}

/** What the run found. */
export interface WriteFaultFigures extends FaultFigures {
  options: WriteFaultOptions;
  /** Failures the hook injected, from the runtime's log. */
  injected: { before: number; after: number };
  /** Latency of the POSTs answered 201. */
  accepted: Latency;
}

/** Runs the scenario on a fresh runtime. */
export async function slowAndFailingWrites(options: WriteFaultOptions): Promise<WriteFaultFigures> {
  const runtime = await spawnUncapped({ env: { HUTONG_STORE_FAULTS: options.faults } });
  const solvers = startProofSolvers(options.solvers);
  try {
    const submissions = await runFaultReporters(runtime.url, options, solvers);
    const figures = await finishFaultRun(runtime.url, runtime.dynamodbEndpoint, submissions, options.resend);
    const log = runtime.output();
    return {
      options,
      injected: {
        before: log.match(/\[store-faults\] failed before/g)?.length ?? 0,
        after: log.match(/\[store-faults\] failed after/g)?.length ?? 0,
      },
      accepted: latency(
        submissions.flatMap((s) =>
          s.attempts.filter((a) => a.status === 201).map((a) => a.answeredAt - a.sentAt),
        ),
      ),
      ...figures,
    };
  } finally {
    await solvers.stop();
    await runtime.stop();
  }
}
