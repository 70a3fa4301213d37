/**
 * The process dies: in the middle of a load run the whole local runtime (API and embedded
 * DynamoDB in one process) is killed with SIGKILL and started again on the same data directory
 * and port. No report that got a 201 may be missing, and the data directory must still work:
 * the runtime starts, the table scans, and a receipt given before the kill still opens its report.
 */
import { createServer } from 'node:net';
import { json } from '../test/support/http.ts';
import { solvedProof } from '../test/support/proof.ts';
import { freshDataDir, type SpawnedRuntime } from '../test/support/runtime.ts';
import { spawnUncapped } from '../test/support/uncapped.ts';
import {
  type FaultRunOptions,
  finishFaultRun,
  type OutageFigures,
  phaseTally,
  runWithOutage,
} from './fault-run.ts';
import { startProofSolvers } from './proof-solvers.ts';
import type { Submission } from './virtual-reporter.ts';

/** How big a run, and when the process dies. */
export interface ProcessFaultOptions extends FaultRunOptions {
  /** Seconds into the run when the runtime is killed. */
  killAt: number;
  /** Receipts given before the kill to look up afterwards, as the reporters would. */
  followUps: number;
}

/** What the run found. */
export interface ProcessFaultFigures extends OutageFigures {
  options: ProcessFaultOptions;
  /** Receipts from before the kill that the follow-up page opened afterwards, of those tried. */
  followUps: { tried: number; opened: number };
}

/** A port free right now, so the restarted runtime can come back where the reporters expect it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

/** Follows up receipts answered before `before`, as a reporter would on the follow-up page. */
async function followUp(url: string, submissions: readonly Submission[], before: number, count: number) {
  const receipts = submissions
    .flatMap((s) => s.attempts)
    .filter((a) => a.status === 201 && a.answeredAt < before && a.receipt)
    .slice(0, count)
    .map((a) => a.receipt as string);
  let opened = 0;
  for (const receipt of receipts) {
    const response = await fetch(`${url}/api/followup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receipt, language: 'en', altcha: await solvedProof(url) }),
    });
    if (response.status === 200 && (await json(response)).status) opened++;
  }
  return { tried: receipts.length, opened };
}

/** Runs the scenario on a fresh data directory. */
export async function processDies(options: ProcessFaultOptions): Promise<ProcessFaultFigures> {
  const dataDir = freshDataDir();
  const env = { PORT: String(await freePort()) };
  let runtime: SpawnedRuntime = await spawnUncapped({ dataDir, env });
  const url = runtime.url;
  const solvers = startProofSolvers(options.solvers);
  try {
    const { submissions, ...times } = await runWithOutage(
      url,
      options,
      options.killAt,
      solvers,
      async (restarting) => {
        await runtime.stop('SIGKILL');
        runtime = await spawnUncapped({ dataDir, env });
        // The new process starts at once; count it as back when it says it is listening.
        restarting();
      },
    );
    return {
      options,
      downSeconds: (times.up - times.down) / 1000,
      phases: phaseTally(submissions, times),
      followUps: await followUp(url, submissions, times.down, options.followUps),
      ...(await finishFaultRun(url, runtime.dynamodbEndpoint, submissions, options.resend)),
    };
  } finally {
    await solvers.stop();
    await runtime.stop();
  }
}
