/** Small helpers for tests that speak HTTP to the runtime. */

/** JSON read for assertions: tests check shapes with `expect`, so the static type stays loose. */
// biome-ignore lint/suspicious/noExplicitAny: a test reads arbitrary JSON and asserts on it.
export type Json = any;

/** A response's body as JSON. */
export async function json(response: Response): Promise<Json> {
  return response.json();
}
