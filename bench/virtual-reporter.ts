/**
 * Virtual reporters: each sends one report after another through the real contract, as the
 * site's script does. A fresh Idempotency-Key per report, a challenge bound to it, the proof of
 * work solved, `POST /api/reports` with the JSON body; on a 503, a lost connection or a crash, the
 * same request again with the same key, after the `Retry-After` the server asked for. Every
 * attempt is recorded, so the benches can reconcile what was answered with what was stored.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { fetchChallenge, proofPayload } from '../test/support/proof.ts';
import type { ProofSolvers } from './proof-solvers.ts';

/** One `POST /api/reports`, as the reporter saw it. */
export interface Attempt {
  /** `performance.now()` when it was sent and when its answer (or failure) arrived. */
  sentAt: number;
  answeredAt: number;
  /** The HTTP status, or 0 when the connection failed. */
  status: number;
  receipt?: string;
  retryAfter?: string | null;
  /** The error body's `error` code, for a refusal. */
  error?: string;
  /** True when the server answered from an earlier attempt's record (`Idempotent-Replayed`). */
  replayed?: boolean;
}

/** One report a virtual reporter set out to send, and how it went. */
export interface Submission {
  key: string;
  /** A unique token in the report's text, to find it in the table. */
  token: string;
  community: string;
  urgent: boolean;
  attempts: Attempt[];
  /** The request body, with its solved proof once there is one. */
  body: Record<string, unknown>;
  /** `accepted` at the first 201, `refused` at a 4xx; `unresolved` if still failing at the deadline. */
  outcome: 'accepted' | 'refused' | 'unresolved';
}

/** How to run the reporters. */
export interface ReporterOptions {
  /** The portal's address; a restarted runtime comes back on the same one. */
  url: string;
  reporters: number;
  /** No new report is started after this many seconds (and `holdUntil`). */
  seconds: number;
  /** Keeps starting reports past `seconds` until this settles: a fault must happen mid-run. */
  holdUntil?: Promise<unknown>;
  /** Reports in progress keep retrying at most this long after the last start. */
  drainSeconds: number;
  solvers: ProofSolvers;
  /** Stop after this many reports in all, however much time is left. */
  limit?: number;
  /** The communities reports go to, in turn. */
  communities?: readonly string[];
  /** The longest wait before a retry, whatever `Retry-After` says (short test runs). */
  maxRetryWaitMs?: number;
}

const texts = [
  { language: 'zh-CN', description: '楼下的孩子每天晚上都一个人在家，经常哭。' },
  { language: 'en', description: 'The boy at the corner shop is working late every school night.' },
  { language: 'zh-CN', description: '邻居家的女孩身上又有新的伤痕，她说是摔的。' },
  { language: 'en', description: 'A girl in my class says an adult online asks her for photos.' },
] as const;
const roles = ['resident', 'parent_or_family', 'child_self', 'child_friend', 'professional'] as const;
const ageBands = ['0-7', '8-13', '14-15', '16-17', 'unknown'] as const;
const categorySets = [
  ['neglect'],
  ['child_labour'],
  ['physical_abuse', 'emotional_abuse'],
  ['online_harm', 'sexual_abuse'],
  ['bullying'],
] as const;

/** The `n`th report body: varied, valid, and one in eight in immediate danger (urgent). */
export function reportBody(n: number, token: string, community: string): Record<string, unknown> {
  const text = texts[n % texts.length] as (typeof texts)[number];
  const urgent = n % 8 === 3;
  return {
    community,
    categories: categorySets[n % categorySets.length],
    reporterRole: roles[n % roles.length],
    childAgeBand: ageBands[n % ageBands.length],
    immediateDanger: urgent,
    description: `${text.description} [${token}]`,
    ...(n % 3 === 0 ? { location: '兰亭路 12 号' } : {}),
    ...(n % 2 === 0 ? { ongoing: 'yes' } : {}),
    language: text.language,
  };
}

/** The token a report's text carries, if it is one of ours. */
export function tokenIn(description: unknown): string | undefined {
  return /\[(vr-[0-9a-f]{16})\]$/.exec(String(description))?.[1];
}

/** Waits `ms` milliseconds. */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `condition()` holds, checking every 100 ms; throws after `withinMs`. */
export async function until(condition: () => boolean, withinMs: number): Promise<void> {
  const deadline = performance.now() + withinMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`still waiting after ${withinMs} ms`);
    await pause(100);
  }
}

/**
 * Posts `submission` once more, with its key and proof, and records the attempt. The first time,
 * then for every retry, and again after a 201 to check the receipt stays the same.
 */
export async function post(url: string, submission: Submission): Promise<Attempt> {
  const attempt: Attempt = { sentAt: performance.now(), answeredAt: 0, status: 0 };
  submission.attempts.push(attempt);
  try {
    const response = await fetch(`${url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': submission.key },
      body: JSON.stringify(submission.body),
    });
    const answer = (await response.json().catch(() => ({}))) as { receipt?: string; error?: string };
    Object.assign(attempt, {
      answeredAt: performance.now(),
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      replayed: response.headers.get('idempotent-replayed') === 'true',
      ...(answer.receipt ? { receipt: answer.receipt } : {}),
      ...(answer.error ? { error: answer.error } : {}),
    });
  } catch {
    attempt.answeredAt = performance.now();
  }
  return attempt;
}

/** Sends one submission until it is answered for good or the deadline passes. */
async function send(options: ReporterOptions, submission: Submission, deadline: number) {
  const wait = (ms: number) => pause(Math.min(ms, options.maxRetryWaitMs ?? ms));
  while (performance.now() < deadline) {
    if (!submission.body.altcha) {
      try {
        const challenge = await fetchChallenge(options.url, submission.key);
        submission.body.altcha = proofPayload(challenge, await options.solvers.solve(challenge));
      } catch {
        await wait(1000);
        continue;
      }
    }
    const attempt = await post(options.url, submission);
    if (attempt.status === 201 || (attempt.status >= 400 && attempt.status < 500)) {
      submission.outcome = attempt.status === 201 ? 'accepted' : 'refused';
      return;
    }
    // A 5xx or a lost connection: the site keeps the text and sends it again with the same key.
    await wait(Number(attempt.retryAfter ?? 1) * 1000 || 1000);
  }
}

/**
 * Runs `reporters` reporters for `seconds`, then lets the reports in progress finish (retrying
 * for at most `drainSeconds`), and returns every submission. Pass `submissions` to watch them
 * as they go.
 */
export async function runReporters(
  options: ReporterOptions,
  submissions: Submission[] = [],
): Promise<Submission[]> {
  const communities = options.communities ?? ['lanting', 'wutong'];
  const started = performance.now();
  const stopAt = started + options.seconds * 1000;
  let held = options.holdUntil !== undefined;
  void options.holdUntil?.finally(() => {
    held = false;
  });
  const reporter = async () => {
    while (
      (performance.now() < stopAt || held) &&
      submissions.length < (options.limit ?? Number.POSITIVE_INFINITY)
    ) {
      const n = submissions.length;
      const community = communities[n % communities.length] as string;
      const token = `vr-${randomBytes(8).toString('hex')}`;
      const body = reportBody(n, token, community);
      const submission: Submission = {
        key: randomUUID(),
        token,
        community,
        urgent: body.immediateDanger === true,
        attempts: [],
        body,
        outcome: 'unresolved',
      };
      submissions.push(submission);
      await send(options, submission, Math.max(performance.now(), stopAt) + options.drainSeconds * 1000);
    }
  };
  await Promise.all(Array.from({ length: options.reporters }, reporter));
  return submissions;
}

/**
 * Sends up to `count` accepted submissions again, as a person whose "received" page was lost
 * would, until each is answered 201 again (or `tries` run out). Each must name the same receipt
 * and store nothing new; `reconcile` checks both.
 */
export async function resendAccepted(
  url: string,
  submissions: readonly Submission[],
  count: number,
  tries = 10,
) {
  const sample = submissions.filter((s) => s.outcome === 'accepted').slice(0, count);
  for (const submission of sample) {
    for (let attempt = 1; attempt <= tries; attempt++) {
      const { status } = await post(url, submission);
      if (status === 201 || (status >= 400 && status < 500)) break;
      await pause(200);
    }
  }
  return sample.length;
}
