/**
 * Sends a report to `POST /api/reports` and sorts the answer into what the page must do next.
 * Browser only; stores nothing anywhere.
 */
import type { FieldIssue } from '../../../../functions/domain/issues.ts';
import { errorCode, messageOf, postJson } from '../shared/api.ts';
import type { ReportBody } from './body.ts';

/** What happened to one attempt to send. */
export type SendOutcome =
  | { kind: 'accepted'; receipt: string; urgent: boolean }
  | { kind: 'invalid'; message: string; issues: FieldIssue[] }
  | { kind: 'proof'; message: string | undefined }
  | { kind: 'conflict' }
  | { kind: 'tooMany'; message: string | undefined; retryAfterSeconds: number | undefined }
  | { kind: 'failed'; reason: 'network' | 'timeout' | 'server'; message?: string | undefined };

/**
 * A fresh Idempotency-Key. `crypto.randomUUID` needs a secure context and a 2022 browser, so
 * older phones get the same version-4 UUID built from `getRandomValues`.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Posts `body` once with `idempotencyKey` and its proof of work. Resending with the same key
 * after a failure can never create a second report: the API answers with the first one's receipt.
 */
export async function sendReport(
  body: ReportBody,
  idempotencyKey: string,
  altcha: string,
): Promise<SendOutcome> {
  const answer = await postJson('/api/reports', { ...body, altcha }, { 'idempotency-key': idempotencyKey });
  if ('reason' in answer) return { kind: 'failed', reason: answer.reason };
  const { status } = answer;
  const message = messageOf(answer);
  if (status === 201 && typeof answer.body.receipt === 'string') {
    return { kind: 'accepted', receipt: answer.body.receipt, urgent: answer.body.urgent === true };
  }
  // A 201 whose body was lost: sending again with the same key returns the same receipt.
  if (status === 201) return { kind: 'failed', reason: 'network' };
  if (status === 400 && errorCode(answer) === 'proof_of_work') return { kind: 'proof', message };
  if (status === 400 && Array.isArray(answer.body.issues)) {
    return { kind: 'invalid', message: message ?? '', issues: answer.body.issues as FieldIssue[] };
  }
  if (status === 422) return { kind: 'conflict' };
  if (status === 429) {
    const retryAfter = Number(answer.headers.get('retry-after'));
    return {
      kind: 'tooMany',
      message,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    };
  }
  return { kind: 'failed', reason: 'server', message };
}
