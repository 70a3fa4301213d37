/**
 * Staff sign-in with OpenID Connect, through oauth4webapi: discovery on the issuer, authorization
 * code with PKCE (S256), state and nonce, a public client. The tokens live only in the caller's
 * memory. The one thing that must outlive the trip to the sign-in page, the one-time state, nonce
 * and PKCE verifier, waits in this tab's sessionStorage and is taken out the moment the page
 * comes back, used or not: no token is ever stored, and nothing stays behind. Browser only.
 */
import * as oauth from 'oauth4webapi';
import type { OfficeConfig } from './types.ts';

/** The tokens of a signed-in staff member; kept in memory only. */
export interface Tokens {
  /** Sent to the API as `Authorization: Bearer`. */
  accessToken: string;
  /** Epoch milliseconds after which the API will refuse the access token. */
  expiresAt: number;
}

/** The provider as discovered, and this console as its client. */
export interface Provider {
  server: oauth.AuthorizationServer;
  client: oauth.Client;
  options: { [oauth.allowInsecureRequests]?: boolean };
}

/** The sign-in waiting for the provider to send the person back. */
interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  /** The console screen to go back to, e.g. `#/report/LT-7K3M`. */
  returnTo: string;
  expiresAt: number;
}

const pendingKey = 'hutong.office.sign-in';
const pendingLifetime = 15 * 60_000;

/** Plain http is allowed only for a provider on this machine (the local runtime's). */
function isLocal(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Reads the provider's discovery document. */
export async function discover(config: OfficeConfig): Promise<Provider> {
  const issuer = new URL(config.issuer);
  // Deprecated on purpose upstream, to stand out: only ever for a provider on this machine.
  const options = isLocal(issuer) ? { [oauth.allowInsecureRequests]: true } : {};
  const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...options });
  const server = await oauth.processDiscoveryResponse(issuer, response);
  return { server, client: { client_id: config.clientId }, options };
}

/** Goes to the provider's sign-in page; it sends the person back to `redirectUri`. */
export async function beginSignIn(provider: Provider, redirectUri: string, returnTo: string): Promise<void> {
  const endpoint = provider.server.authorization_endpoint;
  if (!endpoint) throw new Error('the provider has no authorization endpoint');
  const pending: Pending = {
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    verifier: oauth.generateRandomCodeVerifier(),
    returnTo,
    expiresAt: Date.now() + pendingLifetime,
  };
  const url = new URL(endpoint);
  url.search = new URLSearchParams({
    client_id: provider.client.client_id,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    ui_locales: document.documentElement.lang,
  }).toString();
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
  location.assign(url.href);
}

/** Takes the waiting sign-in out of storage, so it is used once at most; undefined if none or stale. */
export function takePending(): Pending | undefined {
  try {
    const raw = sessionStorage.getItem(pendingKey);
    sessionStorage.removeItem(pendingKey);
    const pending = raw ? (JSON.parse(raw) as Pending) : undefined;
    return pending && pending.expiresAt > Date.now() ? pending : undefined;
  } catch {
    return undefined;
  }
}

/** Exchanges the code the provider sent back for tokens, checking state, issuer, audience and nonce. */
export async function completeSignIn(
  provider: Provider,
  redirectUri: string,
  callback: URL,
  pending: Pending,
): Promise<Tokens> {
  const { server, client, options } = provider;
  const parameters = oauth.validateAuthResponse(server, client, callback, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client,
    oauth.None(),
    parameters,
    redirectUri,
    pending.verifier,
    options,
  );
  const result = await oauth.processAuthorizationCodeResponse(server, client, response, {
    expectedNonce: pending.nonce,
    requireIdToken: true,
  });
  return {
    accessToken: result.access_token,
    expiresAt: Date.now() + (result.expires_in ?? 3600) * 1000,
  };
}

/**
 * Ends the session at the provider too, when it offers RP-initiated logout, naming the console
 * by its client id rather than by an ID token hint, so no token ever goes into a URL. The
 * provider may ask the person to confirm, then sends them back to `returnTo`. False when the
 * provider offers no such endpoint (Cognito's discovery names none).
 */
export function endProviderSession(provider: Provider, returnTo: string): boolean {
  const endpoint = provider.server.end_session_endpoint;
  if (!endpoint) return false;
  const url = new URL(endpoint);
  url.search = new URLSearchParams({
    client_id: provider.client.client_id,
    post_logout_redirect_uri: returnTo,
    state: 'signed-out',
    ui_locales: document.documentElement.lang,
  }).toString();
  location.assign(url.href);
  return true;
}
