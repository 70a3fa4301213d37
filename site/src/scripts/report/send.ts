/**
 * Sends a report to `POST /api/reports` and sorts the answer into what the page must do next.
 * Browser only; stores nothing anywhere.
 */
import type { FieldIssue } from '../../../../functions/domain/issues.ts';
import type { ReportBody } from './body.ts';

/** What happened to one attempt to send. */
export type SendOutcome =
  | { kind: 'accepted'; receipt: string; urgent: boolean }
  | { kind: 'invalid'; message: string; issues: FieldIssue[] }
  | { kind: 'conflict' }
  | { kind: 'failed'; reason: 'network' | 'timeout' | 'server'; message?: string | undefined };

/** How long to wait for an answer before offering "Send again". */
const timeoutMs = 20_000;

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

interface ApiBody {
  receipt?: unknown;
  urgent?: unknown;
  message?: unknown;
  issues?: unknown;
}

async function readBody(response: Response): Promise<ApiBody> {
  try {
    const body: unknown = await response.json();
    return body && typeof body === 'object' ? (body as ApiBody) : {};
  } catch {
    return {};
  }
}

/**
 * Posts `body` once with `idempotencyKey`. Resending with the same key after a failure can
 * never create a second report: the API answers with the first one's receipt.
 */
export async function sendReport(body: ReportBody, idempotencyKey: string): Promise<SendOutcome> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetch('/api/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
      signal: controller.signal,
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    const answer = await readBody(response);
    const message = typeof answer.message === 'string' ? answer.message : undefined;
    if (response.status === 201 && typeof answer.receipt === 'string') {
      return { kind: 'accepted', receipt: answer.receipt, urgent: answer.urgent === true };
    }
    // A 201 whose body was lost: sending again with the same key returns the same receipt.
    if (response.status === 201) return { kind: 'failed', reason: 'network' };
    if (response.status === 400 && Array.isArray(answer.issues)) {
      return { kind: 'invalid', message: message ?? '', issues: answer.issues as FieldIssue[] };
    }
    if (response.status === 422) return { kind: 'conflict' };
    return { kind: 'failed', reason: 'server', message };
  } catch {
    return { kind: 'failed', reason: timedOut ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}
