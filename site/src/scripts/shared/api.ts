/**
 * Posting JSON to the portal's API from a page: no cookies, no cache, no referrer, a timeout,
 * and the answer read whatever its shape. Browser only; stores nothing anywhere.
 */

/** How long to wait for an answer before offering to send again. */
const timeoutMs = 20_000;

/** The parts of an API answer the pages read; every error body has `error` and `message`. */
export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** Why no answer came. */
export type NoAnswer = { reason: 'network' | 'timeout' };

async function readBody(response: Response): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await response.json();
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Posts `body` as JSON to `path`; resolves with the answer, or with why there was none.
 * @example const answer = await postJson('/api/followup', { receipt, language, altcha });
 */
export async function postJson(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer | NoAnswer> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: controller.signal,
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    return { status: response.status, body: await readBody(response), headers: response.headers };
  } catch {
    return { reason: timedOut ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

/** The error code of an answer, when it has one. */
export function errorCode(answer: ApiAnswer): string | undefined {
  return typeof answer.body.error === 'string' ? answer.body.error : undefined;
}

/** The human message of an answer, already in the page's language, when it has one. */
export function messageOf(answer: ApiAnswer): string | undefined {
  // Only our own error shape speaks the person's language; a throttle's `{"message":"Too Many
  // Requests"}` from API Gateway or the edge does not, so the page's own words are used instead.
  if (typeof answer.body.error !== 'string') return undefined;
  return typeof answer.body.message === 'string' ? answer.body.message : undefined;
}
