/**
 * A worker thread that solves proofs of work with altcha-lib's own solver, one at a time, so the
 * virtual reporters' event loop stays free to time their requests.
 */
import { parentPort } from 'node:worker_threads';
import { type Challenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

parentPort?.on('message', async ({ id, challenge }: { id: number; challenge: Challenge }) => {
  const started = performance.now();
  const solution = await solveChallenge({ challenge, deriveKey });
  parentPort?.postMessage({ id, solution, ms: performance.now() - started });
});
