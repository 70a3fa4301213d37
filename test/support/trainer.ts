/**
 * Calling the trainer console's API as the console does: a signed-in staff member's access token
 * as `Authorization: Bearer`, JSON bodies, and the answer's status and body together.
 */
import type { Json } from './http.ts';
import { type StaffRuntime, signIn } from './staff.ts';

/** An answer: its status and its JSON body. */
export interface Answer {
  status: number;
  body: Json;
}

/** A staff member's client for `/api/trainer/…`. */
export interface TrainerClient {
  token: string;
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  send(method: string, path: string, body: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** `POST /api/trainer/workshops/{id}/actions`. */
  act(id: string, action: Record<string, unknown>): Promise<Answer>;
}

/** A client that calls with `token`. */
export function trainerClientWith(runtime: StaffRuntime, token: string): TrainerClient {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${runtime.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Json) : undefined };
  };
  return {
    token,
    get: (path, headers) => call('GET', path, undefined, headers),
    send: (method, path, body, headers) => call(method, path, body, headers),
    act: (id, action) => call('POST', `/api/trainer/workshops/${encodeURIComponent(id)}/actions`, action),
  };
}

/** Signs `username` in through the real flow and returns a client for the trainer API. */
export async function trainerClient(runtime: StaffRuntime, username: string): Promise<TrainerClient> {
  return trainerClientWith(runtime, await signIn(runtime, username));
}
