/**
 * GET /api/challenge — a signed, expiring proof-of-work challenge. `?for=<binding>` binds it to
 * one report submission (a hash of its Idempotency-Key); follow-ups use unbound challenges.
 */
import { InvalidRequestError } from '../domain/errors.ts';
import { isBinding, newChallenge, proofSecrets } from '../domain/proof-of-work.ts';
import { httpHandler } from '../http/handler.ts';
import { acceptedLanguage } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { receiptSalt } from '../store/receipt-salt.ts';

/** Lambda entry point. Touches no table: a challenge is stateless until it is used. */
export const handler = httpHandler(async (event) => {
  const binding = event.queryStringParameters?.for;
  if (binding !== undefined && !isBinding(binding)) {
    throw new InvalidRequestError('invalid_request', {
      language: acceptedLanguage(event),
      issues: [{ path: ['for'], message: 'for: 43 base64url characters (a SHA-256 of the Idempotency-Key)' }],
    });
  }
  const secrets = proofSecrets(await receiptSalt());
  return jsonResponse(200, await newChallenge(secrets, binding ? { binding } : {}));
});
