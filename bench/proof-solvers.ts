/**
 * A pool of worker threads solving proofs of work for the virtual reporters. On a small machine
 * the solving and the server share the CPU, so the pool's size is a choice the figures state.
 */
import { Worker } from 'node:worker_threads';
import type { Challenge, Solution } from 'altcha-lib';

/** A running pool. */
export interface ProofSolvers {
  /** Solves one challenge on the first free thread. */
  solve(challenge: Challenge): Promise<Solution | null>;
  /** How many were solved, and the threads' total time solving. */
  figures(): { solved: number; solveMs: number };
  stop(): Promise<void>;
}

interface Job {
  id: number;
  challenge: Challenge;
  done: (solution: Solution | null) => void;
  fail: (error: unknown) => void;
}

/** The worker is TypeScript: it starts tsx in its own thread, under tsx and vitest alike. */
const bootstrap = `import('tsx/esm/api').then(({ register }) => {
  register();
  return import(${JSON.stringify(new URL('./proof-solver-worker.ts', import.meta.url).href)});
})`;

/** Starts `threads` solver threads. */
export function startProofSolvers(threads: number): ProofSolvers {
  const queue: Job[] = [];
  const waiting = new Map<number, Job>();
  const idle: Worker[] = [];
  let nextId = 0;
  let solved = 0;
  let solveMs = 0;
  const dispatch = () => {
    while (idle.length && queue.length) {
      const job = queue.shift() as Job;
      waiting.set(job.id, job);
      (idle.pop() as Worker).postMessage({ id: job.id, challenge: job.challenge });
    }
  };
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(bootstrap, { eval: true });
    worker.on('error', (error) => {
      for (const job of [...waiting.values(), ...queue.splice(0)]) job.fail(error);
      waiting.clear();
    });
    worker.on('message', ({ id, solution, ms }: { id: number; solution: Solution | null; ms: number }) => {
      solved++;
      solveMs += ms;
      waiting.get(id)?.done(solution);
      waiting.delete(id);
      idle.push(worker);
      dispatch();
    });
    idle.push(worker);
    return worker;
  });
  return {
    solve: (challenge) =>
      new Promise((done, fail) => {
        queue.push({ id: nextId++, challenge, done, fail });
        dispatch();
      }),
    figures: () => ({ solved, solveMs }),
    stop: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
