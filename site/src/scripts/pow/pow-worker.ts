/**
 * The proof-of-work solver, in a Web Worker so typing never stutters: altcha-lib's own solver
 * and SHA derivation, nothing else. Receives `{ id, challenge }`, answers `{ id, solution }`
 * (null when it could not be solved). Browser worker only; touches no storage.
 */
import { type Challenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';

interface Job {
  id: number;
  challenge: Challenge;
}

// A worker's global scope; the site's types are the DOM's, so only what is used is declared.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Job>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = async (event) => {
  const { id, challenge } = event.data;
  try {
    const solution = await solveChallenge({ challenge, deriveKey });
    scope.postMessage({ id, solution });
  } catch {
    scope.postMessage({ id, solution: null });
  }
};
