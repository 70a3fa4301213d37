/**
 * What binds a report's challenge to its Idempotency-Key: base64url (no padding) of the SHA-256
 * of the lower-cased key, the same as `bindingFor` in functions/domain/proof-of-work.ts.
 * Browser only.
 */

/**
 * The binding of `idempotencyKey`, for `GET /api/challenge?for=`.
 * @example await bindingFor('0b5f…') // 'kq1X…' (43 characters)
 */
export async function bindingFor(idempotencyKey: string): Promise<string> {
  const bytes = new TextEncoder().encode(idempotencyKey.toLowerCase());
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
