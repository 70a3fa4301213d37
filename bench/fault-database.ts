/**
 * The database vanishes: the runtime's DynamoDB runs in a process of its own
 * (`HUTONG_DYNAMODB_ENDPOINT`), and in the middle of a load run it is killed with SIGKILL, then
 * started again on the same data. While it is down every report must get 503 with
 * `Retry-After`, never 201; after, every reporter retrying with its key gets exactly one report.
 */
import { spawnDynamo } from '../test/support/dynamo-process.ts';
import { freshDataDir } from '../test/support/runtime.ts';
import { spawnUncapped } from '../test/support/uncapped.ts';
import {
  type FaultRunOptions,
  finishFaultRun,
  type OutageFigures,
  phaseTally,
  runWithOutage,
} from './fault-run.ts';
import { startProofSolvers } from './proof-solvers.ts';
import { pause } from './virtual-reporter.ts';

/** How big a run, and when the database goes. */
export interface DatabaseFaultOptions extends FaultRunOptions {
  /** Seconds into the run when DynamoDB is killed. */
  downAt: number;
  /** Seconds it stays down. */
  downFor: number;
}

/** What the run found. */
export interface DatabaseFaultFigures extends OutageFigures {
  options: DatabaseFaultOptions;
}

/** Runs the scenario on a fresh data directory. */
export async function databaseVanishes(options: DatabaseFaultOptions): Promise<DatabaseFaultFigures> {
  const dataDir = freshDataDir();
  const dynamo = await spawnDynamo(dataDir);
  const solvers = startProofSolvers(options.solvers);
  try {
    const runtime = await spawnUncapped({ dataDir, env: { HUTONG_DYNAMODB_ENDPOINT: dynamo.endpoint } });
    try {
      const { submissions, ...times } = await runWithOutage(
        runtime.url,
        options,
        options.downAt,
        solvers,
        async (restarting) => {
          await dynamo.kill();
          await pause(options.downFor * 1000);
          restarting();
          await dynamo.restart();
        },
      );
      return {
        options,
        downSeconds: (times.up - times.down) / 1000,
        phases: phaseTally(submissions, times),
        ...(await finishFaultRun(runtime.url, dynamo.endpoint, submissions, options.resend)),
      };
    } finally {
      await runtime.stop();
    }
  } finally {
    await solvers.stop();
    await dynamo.stop();
  }
}
