/**
 * Calling the office API as the console does: a signed-in staff member's access token as
 * `Authorization: Bearer`, one token per account, signed in once through the real flow.
 */
import { type Json, json } from './http.ts';
import { postReport } from './proof.ts';
import { type SpawnedRuntime, scanAll } from './runtime.ts';
import { type StaffRuntime, signIn } from './staff.ts';

/** A staff member's client for the office API. */
export interface StaffClient {
  token: string;
  get(path: string): Promise<Response>;
  act(ref: string, action: Record<string, unknown>): Promise<Response>;
  /** A report's current view, opened as this staff member (the view is audited). */
  view(ref: string): Promise<Json>;
}

/** Signs `username` in and returns a client for the office API. */
export async function staffClient(runtime: StaffRuntime, username: string): Promise<StaffClient> {
  const token = await signIn(runtime, username);
  const headers = { authorization: `Bearer ${token}` };
  const client: StaffClient = {
    token,
    get: (path) => fetch(`${runtime.url}${path}`, { headers }),
    act: (ref, action) =>
      fetch(`${runtime.url}/api/office/reports/${encodeURIComponent(ref)}/actions`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(action),
      }),
    view: async (ref) => json(await client.get(`/api/office/reports/${encodeURIComponent(ref)}`)),
  };
  return client;
}

/**
 * Sends a report as a resident would, and finds its office reference in the table (staff never
 * see a receipt; the test needs both).
 */
export async function submitted(
  runtime: SpawnedRuntime,
  body: Record<string, unknown>,
): Promise<{ receipt: string; ref: string; pk: string }> {
  const description = `${String(body.description ?? 'A concern')} (${crypto.randomUUID().slice(0, 8)})`;
  const response = await postReport(runtime.url, { ...body, description });
  if (response.status !== 201) throw new Error(`report refused: ${response.status} ${await response.text()}`);
  const { receipt } = await json(response);
  const item = (await scanAll(runtime.dynamodbEndpoint)).find(
    (i) => i.type === 'report' && i.description === description,
  );
  if (!item) throw new Error('the report is not in the table');
  return { receipt, ref: String(item.ref), pk: String(item.pk) };
}
