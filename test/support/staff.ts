/**
 * Staff sign-in for tests, through the local OpenID provider over real HTTP, as a browser and the
 * console do it: discovery, authorization code with PKCE S256, state and nonce, the sign-in form,
 * the redirect back to the console, the token exchange. Also tokens that must be refused, for the
 * authorizer's negative tests.
 */
import { readFileSync } from 'node:fs';
import {
  base64url,
  decodeJwt,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTHeaderParameters,
  type JWTPayload,
  SignJWT,
} from 'jose';
import * as oauth from 'oauth4webapi';
import { developmentPassword } from '../../infra/local/identity/accounts.ts';
import { consoleClientId, consoleRedirectUris } from '../../infra/local/identity/configuration.ts';
import { signingKeyFile } from '../../infra/local/identity/keys.ts';

/** What the helpers need of a runtime: `spawnRuntime()`'s and `start()`'s both fit. */
export interface StaffRuntime {
  url: string;
  oidcIssuer: string;
  dataDir: string;
}

/** A page the browser stopped at: the sign-in form, or an error. */
export interface Page {
  url: URL;
  status: number;
  headers: Headers;
  html: string;
}

/** How a sign-in attempt ended: back at the console with a code, or stopped at a page. */
export type SignInAttempt = { callback: URL; page?: undefined } | { callback?: undefined; page: Page };

/** Options for the authorization request. */
export interface SignInOptions {
  /** Sent as `ui_locales`. */
  uiLocales?: string;
  /** Sent as the browser's `Accept-Language`. */
  acceptLanguage?: string;
  /** Which console page to come back to; the Chinese one by default. */
  redirectUri?: string;
}

const insecure = { [oauth.allowInsecureRequests]: true };
const client: oauth.Client = { client_id: consoleClientId };

/** A cookie jar and a fetch that follows no redirect by itself, like a browser's network layer. */
class Browser {
  readonly #cookies = new Map<string, { value: string; path: string }>();
  readonly #headers: Record<string, string>;

  constructor(headers: Record<string, string>) {
    this.#headers = headers;
  }

  async fetch(url: URL, init: { method?: string; body?: URLSearchParams } = {}): Promise<Response> {
    // Cookies are per host, not per port: the provider and the portal share `localhost`.
    const cookie = [...this.#cookies]
      .filter(([, c]) => url.pathname.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: { ...this.#headers, ...(cookie ? { cookie } : {}) },
      ...(init.body ? { body: init.body } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      const attribute = (key: string) =>
        attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const expires = attribute('expires');
      const gone =
        attribute('max-age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
      if (gone) this.#cookies.delete(name);
      else this.#cookies.set(name, { value, path: attribute('path') ?? '/' });
    }
    return response;
  }

  /** Follows redirects until one leads to `stopAt` (not fetched), or a page answers. */
  async follow(response: Response, from: URL, stopAt: string): Promise<SignInAttempt> {
    let current = response;
    let url = from;
    for (let hops = 0; hops < 10; hops++) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || !location) {
        return {
          page: { url, status: current.status, headers: current.headers, html: await current.text() },
        };
      }
      await current.body?.cancel();
      url = new URL(location, url);
      if (url.href.startsWith(stopAt)) return { callback: url };
      current = await this.fetch(url);
    }
    throw new Error(`more than 10 redirects, last to ${url}`);
  }
}

/** An authorization request in progress: the browser and what the console keeps in memory. */
interface Flow {
  as: oauth.AuthorizationServer;
  browser: Browser;
  redirectUri: string;
  verifier: string;
  state: string;
  nonce: string;
}

/** Starts the console's authorization request and follows it to the provider's sign-in page. */
async function begin(runtime: StaffRuntime, options: SignInOptions): Promise<{ flow: Flow; page: Page }> {
  const issuer = new URL(runtime.oidcIssuer);
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, insecure));
  if (!as.authorization_endpoint) throw new Error('discovery names no authorization endpoint');
  const redirectUri = options.redirectUri ?? consoleRedirectUris(runtime.url)[0] ?? '';
  const flow: Flow = {
    as,
    browser: new Browser(options.acceptLanguage ? { 'accept-language': options.acceptLanguage } : {}),
    redirectUri,
    verifier: oauth.generateRandomCodeVerifier(),
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
  };
  const authorize = new URL(as.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: consoleClientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile',
    code_challenge: await oauth.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
    ...(options.uiLocales ? { ui_locales: options.uiLocales } : {}),
  }).toString();
  const landed = await flow.browser.follow(await flow.browser.fetch(authorize), authorize, redirectUri);
  if (!landed.page) throw new Error(`the provider sent the browser straight back: ${landed.callback}`);
  return { flow, page: landed.page };
}

/** The provider's sign-in page, as a browser first sees it. */
export async function openSignInPage(runtime: StaffRuntime, options: SignInOptions = {}): Promise<Page> {
  return (await begin(runtime, options)).page;
}

/** Fills in and posts the sign-in form, then follows the redirects as far as the console. */
async function submit(
  runtime: StaffRuntime,
  username: string,
  password: string,
  options: SignInOptions,
): Promise<{ flow: Flow; attempt: SignInAttempt }> {
  const { flow, page } = await begin(runtime, options);
  const action = /<form[^>]*\saction="([^"]+)"/.exec(page.html)?.[1];
  if (page.status !== 200 || !action) throw new Error(`no sign-in form at ${page.url} (${page.status})`);
  const target = new URL(action.replace(/&#38;/g, '&'), page.url);
  const posted = await flow.browser.fetch(target, {
    method: 'POST',
    body: new URLSearchParams({ username, password }),
  });
  return { flow, attempt: await flow.browser.follow(posted, target, flow.redirectUri) };
}

/**
 * Tries to sign in: `callback` is the console address the provider sent the browser back to
 * (with `code` and `state`), or `page` is where it stopped, such as the form with an error.
 */
export async function attemptSignIn(
  runtime: StaffRuntime,
  username: string,
  password: string,
  options: SignInOptions = {},
): Promise<SignInAttempt> {
  return (await submit(runtime, username, password, options)).attempt;
}

/**
 * Signs a seeded account in through the whole flow and returns the token endpoint's answer.
 * @example const { access_token } = await signInTokens(runtime, 'office-lanting');
 */
export async function signInTokens(
  runtime: StaffRuntime,
  username: string,
  password: string = developmentPassword,
  options: SignInOptions = {},
): Promise<oauth.TokenEndpointResponse> {
  const { flow, attempt } = await submit(runtime, username, password, options);
  if (!attempt.callback)
    throw new Error(`sign-in as ${username} stopped at ${attempt.page.url} (${attempt.page.status})`);
  const parameters = oauth.validateAuthResponse(flow.as, client, attempt.callback, flow.state);
  const response = await oauth.authorizationCodeGrantRequest(
    flow.as,
    client,
    oauth.None(),
    parameters,
    flow.redirectUri,
    flow.verifier,
    insecure,
  );
  return oauth.processAuthorizationCodeResponse(flow.as, client, response, {
    expectedNonce: flow.nonce,
    requireIdToken: true,
  });
}

/**
 * Signs a seeded account in, as the console does, and returns its access token: the token the
 * console sends as `Authorization: Bearer …`.
 * @example const token = await signIn(runtime, 'office-lanting');
 */
export async function signIn(
  runtime: StaffRuntime,
  username: string,
  password: string = developmentPassword,
): Promise<string> {
  return (await signInTokens(runtime, username, password)).access_token;
}

/**
 * TEST ONLY: reads the provider's private signing key from the runtime's data directory
 * (`oidc-jwks.json`). Only a test forging tokens may do this; nothing in the portal does.
 */
async function providerKey(runtime: StaffRuntime) {
  const { keys } = JSON.parse(readFileSync(signingKeyFile(runtime.dataDir), 'utf8')) as { keys: JWK[] };
  const [jwk] = keys;
  if (!jwk?.kid) throw new Error('the provider has no signing key yet');
  return { key: await importJWK(jwk, 'RS256'), kid: jwk.kid };
}

/**
 * TEST ONLY: a token with `from`'s claims changed by `changes` (a value of `undefined` removes
 * the claim), signed with the provider's real key, so only the changed claims differ from a
 * genuine one. The authorizer accepts it when the changed claims are still valid: for example a
 * swapped `custom:community`, which the functions, not the authorizer, must deal with.
 */
export async function withClaims(
  runtime: StaffRuntime,
  from: string,
  changes: Record<string, unknown>,
  header: Partial<JWTHeaderParameters> = {},
): Promise<string> {
  const { key, kid } = await providerKey(runtime);
  const claims: JWTPayload = { ...decodeJwt(from) };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete claims[name];
    else claims[name] = value;
  }
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid, ...header }).sign(key);
}

/** The ways a token can be wrong that API Gateway's authorizer refuses. */
export type BadToken =
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-signature'
  | 'unknown-key'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'wrong-client'
  | 'alg-none'
  | 'hmac';

/**
 * A token that differs from the genuine `from` in exactly one way, `kind`:
 * - `expired`, `not-yet-valid`: `exp` past, `nbf` future (signed with the real key);
 * - `wrong-signature`: signed by a key of the test's own, under the provider key's `kid`;
 * - `unknown-key`: signed by the test's key under a `kid` the provider never published;
 * - `wrong-issuer`: `iss` of another provider (real key);
 * - `wrong-audience`: `aud` names another client, `client_id` still the console (real key;
 *   API Gateway evaluates `aud` when present);
 * - `wrong-client`: no `aud`, `client_id` of another client (real key);
 * - `alg-none`: unsigned (`alg: none`);
 * - `hmac`: HS256 under the provider key's `kid`.
 */
export async function badToken(runtime: StaffRuntime, kind: BadToken, from: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = decodeJwt(from);
  switch (kind) {
    case 'expired':
      return withClaims(runtime, from, { iat: now - 3600, auth_time: now - 3600, exp: now - 60 });
    case 'not-yet-valid':
      return withClaims(runtime, from, { nbf: now + 600 });
    case 'wrong-issuer':
      return withClaims(runtime, from, { iss: 'http://localhost:1' });
    case 'wrong-audience':
      return withClaims(runtime, from, { aud: 'another-client' });
    case 'wrong-client':
      return withClaims(runtime, from, { aud: undefined, client_id: 'another-client' });
    case 'wrong-signature':
    case 'unknown-key': {
      const { kid } = await providerKey(runtime);
      const { privateKey } = await generateKeyPair('RS256');
      return new SignJWT(claims)
        .setProtectedHeader({
          alg: 'RS256',
          typ: 'at+jwt',
          kid: kind === 'wrong-signature' ? kid : 'not-the-providers',
        })
        .sign(privateKey);
    }
    case 'alg-none': {
      const encode = (value: object) => base64url.encode(JSON.stringify(value));
      return `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode(claims)}.`;
    }
    case 'hmac': {
      const { kid } = await providerKey(runtime);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid })
        .sign(new TextEncoder().encode('a shared secret the provider never had'));
    }
  }
}
