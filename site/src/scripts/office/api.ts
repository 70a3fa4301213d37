/**
 * Calling the office API with the signed-in member's access token: JSON in and out, the page's
 * language for the API's messages, no cookies, no cache, no referrer, a timeout. A 401 means the
 * session is over and is reported once to the console. Browser only.
 */
import { lang } from './strings.ts';

/** An error body: our shape (`error`, `message`, `issues`), a 409's extras, or API Gateway's `{message}`. */
export interface ErrorBody {
  error?: string;
  message?: string;
  issues?: { path?: (string | number)[]; message?: string }[];
  /** The same problems as `issues`, where an API names them `fields`. */
  fields?: { path?: (string | number)[]; message?: string }[];
  allowed?: string[];
  current?: unknown;
}

/** An answer: `ok` with its body, or not, with the status (0 when no answer came). */
export type Answer<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; body: ErrorBody };

/** The API as the console uses it. */
export interface Api {
  get<T>(path: string): Promise<Answer<T>>;
  post<T>(path: string, body: unknown): Promise<Answer<T>>;
  put<T>(path: string, body: unknown): Promise<Answer<T>>;
  delete<T>(path: string): Promise<Answer<T>>;
  /**
   * Sends a file's bytes as they are (its own Content-Type), telling `progress` the share sent
   * so far (0 to 1); XMLHttpRequest, because fetch cannot report an upload's progress.
   */
  upload<T>(path: string, file: Blob, progress: (sent: number) => void): Promise<Answer<T>>;
  /** The raw response, for a download; undefined when no answer came or the session is over. */
  download(path: string): Promise<Response | undefined>;
}

const timeoutMs = 20_000;
/** A 4 MB handout over a slow phone connection. */
const uploadTimeoutMs = 120_000;

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return {};
  }
}

/**
 * An API client that reads the token from `token()` on every call and calls `ended()` when the
 * API answers 401 or the token has run out.
 */
export function createApi(token: () => string | undefined, ended: () => void): Api {
  const send = async (method: string, path: string, body?: unknown): Promise<Response | 'ended' | 'none'> => {
    const bearer = token();
    if (!bearer) {
      ended();
      return 'ended';
    }
    const headers: Record<string, string> = { authorization: `Bearer ${bearer}`, 'accept-language': lang };
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.status === 401) ended();
      return response;
    } catch {
      return 'none';
    }
  };

  const json = async <T>(method: string, path: string, body?: unknown): Promise<Answer<T>> => {
    const response = await send(method, path, body);
    if (response === 'ended') return { ok: false, status: 401, body: {} };
    if (response === 'none') return { ok: false, status: 0, body: {} };
    const parsed = await readJson(response);
    if (response.ok) return { ok: true, status: response.status, body: parsed as T };
    return { ok: false, status: response.status, body: (parsed ?? {}) as ErrorBody };
  };

  const upload = <T>(path: string, file: Blob, progress: (sent: number) => void): Promise<Answer<T>> => {
    const bearer = token();
    if (!bearer) {
      ended();
      return Promise.resolve({ ok: false, status: 401, body: {} });
    }
    return new Promise((done) => {
      const request = new XMLHttpRequest();
      request.open('POST', path);
      request.setRequestHeader('authorization', `Bearer ${bearer}`);
      request.setRequestHeader('accept-language', lang);
      request.setRequestHeader('content-type', file.type || 'application/octet-stream');
      request.timeout = uploadTimeoutMs;
      request.responseType = 'json';
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) progress(event.loaded / event.total);
      });
      const failed = () => done({ ok: false, status: 0, body: {} });
      request.addEventListener('error', failed);
      request.addEventListener('timeout', failed);
      request.addEventListener('load', () => {
        if (request.status === 401) ended();
        const body = (request.response ?? {}) as T & ErrorBody;
        const ok = request.status >= 200 && request.status < 300;
        done(ok ? { ok, status: request.status, body } : { ok, status: request.status, body });
      });
      request.send(file);
    });
  };

  return {
    get: (path) => json('GET', path),
    post: (path, body) => json('POST', path, body),
    put: (path, body) => json('PUT', path, body),
    delete: (path) => json('DELETE', path),
    upload,
    async download(path) {
      const response = await send('GET', path);
      return typeof response === 'string' ? undefined : response;
    },
  };
}
