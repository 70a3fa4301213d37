/**
 * Proof of work without tracking anyone: altcha challenges, signed with secrets derived from the
 * deployment salt, solved by the browser in a worker, verified here. A challenge for a report is
 * bound to the submission's Idempotency-Key, so the idempotency record doubles as its
 * single-use record. Pure (CPU only).
 */
import { createHash, hkdfSync } from 'node:crypto';
import { type Challenge, createChallenge, randomInt, type Solution, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import * as z from 'zod/mini';

/**
 * The cost. SHA-256, one round per attempt; the browser must try `counter` attempts, drawn
 * between these bounds. The site's worker in Chromium on this machine does about 110,000–135,000
 * attempts a second: a third of a second on average, under a second on a mid-range phone. `npm run
 * bench` measures it (docs/benchmarks.md); docs/threat-model.md gives the reasoning.
 */
export const proofOfWorkCost = {
  algorithm: 'SHA-256',
  cost: 1,
  counterMin: 25_000,
  counterMax: 55_000,
} as const;

/** How long a challenge may be used: long enough to write a report while it solves. */
export const challengeLifetimeSeconds = 30 * 60;

/** HMAC secrets for signing challenges and their derived keys, and a key for request fingerprints. */
export interface ProofSecrets {
  signature: string;
  keySignature: string;
  /** Keys the fingerprint of the request a proof opened, so a stored print confirms no guess. */
  fingerprint: Buffer;
}

/** Derives the signing secrets from the deployment salt, so no second secret is fetched. */
export function proofSecrets(salt: Buffer): ProofSecrets {
  const derive = (purpose: string) =>
    Buffer.from(hkdfSync('sha256', salt, Buffer.alloc(0), `hutong/altcha/${purpose}/v1`, 32));
  return {
    signature: derive('signature').toString('hex'),
    keySignature: derive('key-signature').toString('hex'),
    fingerprint: derive('fingerprint'),
  };
}

/**
 * What binds a challenge to one submission: a hash of its Idempotency-Key. The browser sends it
 * when it asks for a challenge; the key itself arrives only with the report.
 * @example bindingFor('0b5f…') // 'kq1X…' (43 base64url characters)
 */
export function bindingFor(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey.toLowerCase()).digest('base64url');
}

/** True when `value` could be a binding. */
export function isBinding(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** A new signed challenge, optionally bound to a submission. */
export function newChallenge(
  secrets: ProofSecrets,
  options: { binding?: string; now?: Date } = {},
): Promise<Challenge> {
  const now = options.now ?? new Date();
  return createChallenge({
    algorithm: proofOfWorkCost.algorithm,
    cost: proofOfWorkCost.cost,
    counter: randomInt(proofOfWorkCost.counterMax, proofOfWorkCost.counterMin),
    deriveKey,
    hmacSignatureSecret: secrets.signature,
    hmacKeySignatureSecret: secrets.keySignature,
    expiresAt: Math.floor(now.getTime() / 1000) + challengeLifetimeSeconds,
    ...(options.binding ? { data: { for: options.binding } } : {}),
  });
}

const payloadSchema = z.object({
  challenge: z.object({
    parameters: z.object({
      algorithm: z.literal(proofOfWorkCost.algorithm),
      nonce: z.string().check(z.regex(/^[0-9a-f]{16,64}$/)),
      salt: z.string(),
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: z.string(),
      keySignature: z.optional(z.string()),
      expiresAt: z.optional(z.number()),
      data: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
    }),
    signature: z.string(),
  }),
  solution: z.object({
    counter: z.int().check(z.nonnegative()),
    derivedKey: z.string(),
    time: z.optional(z.number()),
  }),
});

/** The outcome of checking a proof of work. */
export type ProofCheck =
  | { ok: true; id: string; expiresAt: number; binding: string | undefined }
  | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'invalid' | 'wrong_binding' };

function decode(payload: string): z.output<typeof payloadSchema> | undefined {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies an `altcha` payload: signed by us, solved, not expired, and bound to `binding` when
 * one is required. The caller makes it single-use with a conditional write keyed by `id`.
 */
export async function checkProof(
  payload: string | undefined,
  secrets: ProofSecrets,
  options: { binding?: string | undefined } = {},
): Promise<ProofCheck> {
  if (!payload) return { ok: false, reason: 'missing' };
  const decoded = decode(payload);
  if (!decoded) return { ok: false, reason: 'malformed' };
  const { parameters } = decoded.challenge;
  const bound = typeof parameters.data?.for === 'string' ? parameters.data.for : undefined;
  if (options.binding !== undefined && bound !== options.binding)
    return { ok: false, reason: 'wrong_binding' };
  try {
    const result = await verifySolution({
      challenge: decoded.challenge as Challenge,
      solution: decoded.solution as Solution,
      deriveKey,
      hmacSignatureSecret: secrets.signature,
      hmacKeySignatureSecret: secrets.keySignature,
    });
    if (result.expired) return { ok: false, reason: 'expired' };
    if (!result.verified) return { ok: false, reason: 'invalid' };
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  return { ok: true, id: parameters.nonce, expiresAt: parameters.expiresAt ?? 0, binding: bound };
}
