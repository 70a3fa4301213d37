/**
 * API Gateway's HTTP API JWT authorizer, reproduced for the local router: it decides whether a
 * request may reach a staff route, and what claims the function sees. Each step follows AWS's
 * documented evaluation (developerguide/http-api-jwt-authorizer.html and
 * http-api-troubleshooting-jwt.html); roles and communities are the functions' business, not its.
 */
import type { APIGatewayEventRequestContextJWTAuthorizer } from 'aws-lambda';
import { createRemoteJWKSet, decodeProtectedHeader, type JWTPayload, jwtVerify } from 'jose';

/** The authorizer's configuration, as `aws apigatewayv2 create-authorizer --jwt-configuration` takes it. */
export interface JwtConfiguration {
  /** Must equal the token's `iss` exactly. */
  issuer: string;
  /** The token's `aud`, or when it has none its `client_id`, must be one of these. */
  audience: readonly string[];
}

/** The verdict on one request: the authorizer context for the event, or why it was refused. */
export type Authorization =
  | { ok: true; authorizer: APIGatewayEventRequestContextJWTAuthorizer }
  | { ok: false; description?: string };

/** "Currently, only RSA-based algorithms are supported": HMAC, EC and `none` never pass. */
const rsaAlgorithms = ['RS256', 'RS384', 'RS512'];

class Refusal extends Error {
  constructor(description: string) {
    super(description);
    this.name = 'Refusal';
  }
}

/**
 * One claim value as API Gateway hands it to a function: every value a string, numbers and
 * booleans as their text, arrays as `[a b]` (space-separated in brackets, as Cognito groups
 * arrive), objects as JSON text; claims whose value is null are left out.
 * @example flattenClaim(['office', 'lead']) // '[office lead]'
 */
export function flattenClaim(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => flattenClaim(item) ?? '').join(' ')}]`;
  return JSON.stringify(value);
}

/** Every claim, flattened as API Gateway flattens them. */
export function flattenClaims(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    const flat = flattenClaim(value);
    if (flat !== undefined) claims[name] = flat;
  }
  return claims;
}

/** The identity source `$request.header.Authorization`: the token alone, or after `Bearer `. */
function tokenFrom(authorization: string | undefined): string | undefined {
  const value = authorization?.trim();
  if (!value) return undefined;
  return /^bearer\s+/i.test(value) ? value.replace(/^bearer\s+/i, '') : value;
}

function audienceMatches(payload: JWTPayload, audience: readonly string[]): boolean {
  // "API Gateway validates client_id only if aud is not present."
  if (payload.aud !== undefined) {
    const values = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    return values.some((value) => audience.includes(value));
  }
  return typeof payload.client_id === 'string' && audience.includes(payload.client_id);
}

/**
 * Builds the authorizer. The issuer's keys come from its `jwks_uri`, found through discovery the
 * first time a staff route is called, and cached as API Gateway caches them.
 */
export function jwtAuthorizer(configuration: JwtConfiguration) {
  let keys: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  const keySet = () => {
    keys ??= (async () => {
      const response = await fetch(new URL('.well-known/openid-configuration', `${configuration.issuer}/`));
      if (!response.ok) throw new Error(`discovery answered ${response.status}`);
      const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: string };
      if (!jwksUri) throw new Error('discovery has no jwks_uri');
      return createRemoteJWKSet(new URL(jwksUri));
    })().catch((error: unknown) => {
      keys = undefined;
      throw error;
    });
    return keys;
  };

  return async (authorization: string | undefined): Promise<Authorization> => {
    const token = tokenFrom(authorization);
    if (!token) return { ok: false };
    try {
      let header: ReturnType<typeof decodeProtectedHeader>;
      try {
        header = decodeProtectedHeader(token);
      } catch {
        throw new Refusal('the token is not a valid JWT');
      }
      if (!header.alg || !rsaAlgorithms.includes(header.alg))
        throw new Refusal('the token is not signed with RSA');
      if (typeof header.kid !== 'string') throw new Refusal('the token has no kid');
      const jwks = await keySet();
      const { payload } = await jwtVerify(token, jwks, {
        issuer: configuration.issuer,
        algorithms: rsaAlgorithms,
        requiredClaims: ['exp'],
      }).catch((error: unknown) => {
        throw new Refusal(error instanceof Error ? error.message : 'the token is invalid');
      });
      if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000) {
        throw new Refusal('the token was issued in the future');
      }
      if (!audienceMatches(payload, configuration.audience)) {
        throw new Refusal('the token does not have a valid audience');
      }
      // Hutong's routes declare no authorization scopes, and for such routes API Gateway
      // hands the function `scopes: null` (the token's own `scope` stays among the claims).
      return { ok: true, authorizer: { jwt: { claims: flattenClaims(payload), scopes: null } } };
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, description: error.message };
      // Keys that cannot be fetched refuse the request too, as API Gateway would.
      return { ok: false, description: 'the signing keys could not be fetched' };
    }
  };
}
