/**
 * Proof of work for one kind of request: fetches a signed challenge, solves it in a Web Worker
 * in the background while the person types, and hands over the `altcha` payload when they send.
 * Browser only; everything stays in memory.
 */
import type { Challenge, Solution } from 'altcha-lib';

/** A challenge must have this long left to be sent: time for the request to arrive. */
const marginSeconds = 60;

/** How long to wait for a challenge before calling the network down. */
const fetchTimeoutMs = 20_000;

/** Raised when no proof can be made now: the challenge could not be fetched or solved. */
export class ProofUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('proof of work unavailable', options);
    this.name = 'ProofUnavailableError';
  }
}

let worker: Worker | undefined;
let nextJob = 0;
const jobs = new Map<number, (solution: Solution | null) => void>();
let broken = false;

/**
 * True once this browser's worker has failed to start or to solve: no proof will ever be made
 * here, so the page falls back to what works without one (the plain form post).
 */
export function solverBroken(): boolean {
  return broken;
}

/** Settles every job still waiting: a dead worker solves nothing. */
function failAll(): void {
  broken = true;
  for (const settle of jobs.values()) settle(null);
  jobs.clear();
  worker?.terminate();
  worker = undefined;
}

/** The page's one solver worker, started on first use. */
function solver(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./pow-worker.ts', import.meta.url), { type: 'module' });
  started.onmessage = (event: MessageEvent<{ id: number; solution: Solution | null }>) => {
    jobs.get(event.data.id)?.(event.data.solution);
    jobs.delete(event.data.id);
  };
  started.onerror = failAll;
  worker = started;
  return started;
}

function solve(challenge: Challenge): Promise<Solution | null> {
  const id = nextJob++;
  return new Promise((settle) => {
    jobs.set(id, settle);
    try {
      solver().postMessage({ id, challenge });
    } catch {
      // No module workers here, or none at all.
      failAll();
    }
  });
}

async function fetchChallenge(binding: string | undefined): Promise<Challenge> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), fetchTimeoutMs);
  try {
    const query = binding ? `?for=${encodeURIComponent(binding)}` : '';
    const response = await fetch(`/api/challenge${query}`, {
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    if (!response.ok) throw new Error(`challenge: ${response.status}`);
    return (await response.json()) as Challenge;
  } finally {
    clearTimeout(timer);
  }
}

interface Made {
  payload: string;
  /** Seconds since the epoch; 0 when the challenge never expires. */
  expiresAt: number;
}

interface Attempt {
  promise: Promise<Made>;
  made?: Made;
  failed?: boolean;
}

const fresh = (made: Made) => made.expiresAt === 0 || made.expiresAt - marginSeconds > Date.now() / 1000;

/**
 * Makes and keeps one proof at a time for a kind of request.
 *
 * @example
 * const proofs = new ProofOfWork(bindingFor(key));
 * form.addEventListener('input', () => proofs.prepare(), { once: true });
 * const altcha = await proofs.take(); // waits only if it is not solved yet
 */
export class ProofOfWork {
  readonly #binding: Promise<string | undefined>;
  #attempt: Attempt | undefined;

  /** `binding` ties every challenge to one report's Idempotency-Key; follow-ups have none. */
  constructor(binding?: Promise<string>) {
    this.#binding = binding ?? Promise.resolve(undefined);
  }

  /** Starts making a proof, unless one is underway or solved and still fresh. */
  prepare(): void {
    const attempt = this.#attempt;
    if (attempt && !attempt.failed && (!attempt.made || fresh(attempt.made))) return;
    this.#attempt = this.#make();
  }

  /** True when a fresh proof is solved: sending won't have to wait. */
  get ready(): boolean {
    const made = this.#attempt?.made;
    return made !== undefined && fresh(made);
  }

  /**
   * The `altcha` payload to send: the proof underway or solved, or a new one when the last
   * failed or expired. Rejects with `ProofUnavailableError` when none can be made now.
   */
  async take(): Promise<string> {
    this.prepare();
    const attempt = this.#attempt as Attempt;
    const made = await attempt.promise;
    return made.payload;
  }

  /** Forgets the current proof (it was spent or refused): the next one is new. */
  discard(): void {
    this.#attempt = undefined;
  }

  #make(): Attempt {
    const attempt: Attempt = { promise: Promise.resolve({ payload: '', expiresAt: 0 }) };
    attempt.promise = (async () => {
      try {
        const challenge = await fetchChallenge(await this.#binding);
        const solution = await solve(challenge);
        if (!solution) throw new Error('unsolved');
        // Exactly what altcha's own widget sends.
        const payload = btoa(JSON.stringify({ challenge, solution }));
        attempt.made = { payload, expiresAt: challenge.parameters.expiresAt ?? 0 };
        return attempt.made;
      } catch (error) {
        attempt.failed = true;
        throw new ProofUnavailableError({ cause: error });
      }
    })();
    // Nobody may be waiting yet; the failure is seen when a proof is taken.
    attempt.promise.catch(() => undefined);
    return attempt;
  }
}
