/**
 * Solves the API's proof of work with altcha-lib's own solver, so tests send exactly the payload
 * the site sends. The browser derives keys with WebCrypto; here Node's native SHA-256 does the
 * same work about eight times faster, a fraction of a second per solve.
 */
import { type Challenge, type Solution, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { bindingFor } from '../../functions/domain/proof-of-work.ts';

/** A challenge from `baseUrl`, bound to `idempotencyKey` when one is given, as the site asks for it. */
export async function fetchChallenge(baseUrl: string, idempotencyKey?: string): Promise<Challenge> {
  const query = idempotencyKey ? `?for=${bindingFor(idempotencyKey)}` : '';
  const response = await fetch(`${baseUrl}/api/challenge${query}`);
  if (response.status !== 200) throw new Error(`GET /api/challenge answered ${response.status}`);
  return (await response.json()) as Challenge;
}

/** The `altcha` field the site sends: the challenge and its solution, as base64 JSON. */
export function proofPayload(challenge: Challenge, solution: Solution | null): string {
  if (!solution) throw new Error('The challenge could not be solved');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** A solved `altcha` payload from `baseUrl`, bound to `idempotencyKey` when one is given. */
export async function solvedProof(baseUrl: string, idempotencyKey?: string): Promise<string> {
  const challenge = await fetchChallenge(baseUrl, idempotencyKey);
  return proofPayload(challenge, await solveChallenge({ challenge, deriveKey }));
}

/**
 * Posts a report as the site's script does: a fresh Idempotency-Key unless one is given, and a
 * proof bound to it unless `altcha` is given.
 */
export async function postReport(
  baseUrl: string,
  body: Record<string, unknown>,
  options: { idempotencyKey?: string; altcha?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const idempotencyKey = options.idempotencyKey ?? crypto.randomUUID();
  const altcha = options.altcha ?? (await solvedProof(baseUrl, idempotencyKey));
  return fetch(`${baseUrl}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey, ...options.headers },
    body: JSON.stringify({ ...body, altcha }),
  });
}
