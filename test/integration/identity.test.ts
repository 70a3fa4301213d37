import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwtAuthorizer } from '../../infra/local/identity/authorizer.ts';
import { apiRouter, type CompiledRoute } from '../../infra/local/router.ts';
import { json } from '../support/http.ts';
import { freshDataDir, type SpawnedRuntime, spawnRuntime } from '../support/runtime.ts';
import {
  attemptSignIn,
  type BadToken,
  badToken,
  openSignInPage,
  signIn,
  signInTokens,
  withClaims,
} from '../support/staff.ts';

/** The accounts README and `npm start` promise, with the one shared password. */
const password = 'hutong-local-dev';
const seeded = [
  { username: 'office-lanting', groups: ['office'], community: 'lanting' },
  { username: 'lead-lanting', groups: ['lead'], community: 'lanting' },
  { username: 'trainer-lanting', groups: ['trainer'], community: 'lanting' },
  { username: 'reviewer-lanting', groups: ['reviewer'], community: 'lanting' },
  { username: 'office-wutong', groups: ['office'], community: 'wutong' },
];

/** Exactly the claims of a Cognito access token with `custom:community` added by a trigger (plus `aud`). */
const cognitoAccessClaims = [
  'aud',
  'auth_time',
  'client_id',
  'cognito:groups',
  'custom:community',
  'exp',
  'iat',
  'iss',
  'jti',
  'scope',
  'sub',
  'token_use',
  'username',
];

const unauthorized = '{"message":"Unauthorized"}';

let runtime: SpawnedRuntime;

beforeAll(async () => {
  runtime = await spawnRuntime();
});

afterAll(async () => {
  await runtime?.stop();
});

function me(token: string | undefined, authorization = token ? `Bearer ${token}` : undefined) {
  return fetch(`${runtime.url}/api/office/me`, { headers: authorization ? { authorization } : {} });
}

/** A port nobody is listening on right now. */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

describe('the local identity provider', () => {
  it("prints the console's sign-in address, the issuer and every seeded account with the shared password", () => {
    // Assess
    const output = runtime.output();
    expect(output).toContain(`${runtime.url}/office/`);
    expect(output).toContain(`${runtime.url}/en/office/`);
    expect(output).toMatch(new RegExp(`Sign-in\\s+${runtime.oidcIssuer}\\s`));
    expect(output).toContain(password);
    for (const account of seeded) {
      expect(output).toMatch(
        new RegExp(`${account.username}\\s+${account.groups.join(', ')}\\s+${account.community}`),
      );
    }
  });

  it.each(seeded)(
    'signs $username in through code + PKCE and issues an access token shaped like Cognito’s',
    async (account) => {
      // Act
      const tokens = await signInTokens(runtime, account.username, password);
      // Assess
      const claims = decodeJwt(tokens.access_token);
      expect(Object.keys(claims).sort()).toEqual(cognitoAccessClaims);
      expect(decodeProtectedHeader(tokens.access_token)).toMatchObject({
        alg: 'RS256',
        kid: expect.any(String),
      });
      expect(claims).toMatchObject({
        iss: runtime.oidcIssuer,
        client_id: 'hutong-console',
        token_use: 'access',
        username: account.username,
        'cognito:groups': account.groups,
        'custom:community': account.community,
        sub: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
        jti: expect.any(String),
      });
      expect(String(claims.scope).split(' ')).toContain('openid');
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(15 * 60);
      expect(claims.auth_time).toBeLessThanOrEqual(claims.iat ?? 0);
      expect(tokens.token_type.toLowerCase()).toBe('bearer');
      expect(tokens.refresh_token).toBeUndefined();
    },
  );

  it('refuses a wrong password or an unknown name on the sign-in page, and sends no code back', async () => {
    // Act
    const wrongPassword = await attemptSignIn(runtime, 'office-lanting', 'not-the-password', {
      uiLocales: 'en',
    });
    const unknownName = await attemptSignIn(runtime, 'nobody-lanting', password, { uiLocales: 'en' });
    const rightPassword = await attemptSignIn(runtime, 'office-lanting', password, { uiLocales: 'en' });
    // Assess
    for (const attempt of [wrongPassword, unknownName]) {
      expect(attempt.callback).toBeUndefined();
      expect(attempt.page?.url.origin).toBe(runtime.oidcIssuer);
      expect(attempt.page?.html).toContain('The username or password is wrong.');
      expect(attempt.page?.html).toMatch(/<input[^>]+name="password"/);
    }
    expect(wrongPassword.page?.html).toContain('value="office-lanting"');
    expect(rightPassword.callback?.searchParams.get('code')).toBeTruthy();
  });

  it('shows the sign-in page in the language asked for, as a labelled form with no script, under its own CSP', async () => {
    // Act
    const chinese = await openSignInPage(runtime, { acceptLanguage: 'zh-CN,zh;q=0.9' });
    const english = await openSignInPage(runtime, { acceptLanguage: 'zh-CN', uiLocales: 'en' });
    // Assess
    expect(chinese.html).toMatch(/<html lang="zh-CN">/);
    expect(chinese.html).toContain('工作人员登录');
    expect(english.html).toMatch(/<html lang="en">/);
    expect(english.html).toContain('Staff sign-in');
    for (const page of [chinese, english]) {
      expect(page.status).toBe(200);
      expect(page.html).not.toMatch(/<script|\son\w+=/i);
      expect(page.html).toMatch(/<label for="username">/);
      expect(page.html).toMatch(/<label for="password">/);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain(`form-action 'self' ${runtime.url}`);
      expect(page.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('keeps its signing key across a restart, so a token issued before still opens staff routes after', async () => {
    // Prepare: a fixed issuer port, as `npm start` has, and one data directory.
    const dataDir = freshDataDir();
    const env = { OIDC_PORT: String(await freePort()) };
    let first: SpawnedRuntime | undefined = await spawnRuntime({ dataDir, env });
    let second: SpawnedRuntime | undefined;
    try {
      const token = await signIn(first, 'office-lanting');
      await first.stop();
      first = undefined;
      // Act
      second = await spawnRuntime({ dataDir, env });
      const response = await fetch(`${second.url}/api/office/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      // Assess
      expect(response.status).toBe(200);
      expect(await json(response)).toMatchObject({ username: 'office-lanting' });
    } finally {
      await first?.stop();
      await second?.stop();
    }
  });
});

describe('staff routes behind the JWT authorizer', () => {
  it('let a signed-in account through to the function, which sees who it is', async () => {
    // Prepare
    const token = await signIn(runtime, 'office-wutong');
    // Act
    const response = await me(token);
    // Assess
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      username: 'office-wutong',
      roles: ['office'],
      community: { id: 'wutong' },
    });
  });

  it.each([
    ['no Authorization header', undefined],
    ['an empty Bearer', 'Bearer '],
    ['another scheme', 'Basic b2ZmaWNlLWxhbnRpbmc6aHV0b25nLWxvY2FsLWRldg=='],
    ['a token that is not a JWT', 'Bearer not-a-jwt'],
    ['a JWT with a mangled payload', 'Bearer eyJhbGciOiJSUzI1NiJ9.!!!.abc'],
  ])(
    'answer exactly what API Gateway answers for %s: 401 {"message":"Unauthorized"}',
    async (_, authorization) => {
      // Act
      const response = await me(undefined, authorization);
      // Assess
      expect(response.status).toBe(401);
      expect(await response.text()).toBe(unauthorized);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    },
  );

  it.each<BadToken>([
    'expired',
    'not-yet-valid',
    'wrong-signature',
    'unknown-key',
    'wrong-issuer',
    'wrong-audience',
    'wrong-client',
    'alg-none',
    'hmac',
  ])('answer 401 {"message":"Unauthorized"} to a token that is otherwise genuine but %s', async (kind) => {
    // Prepare
    const genuine = await signIn(runtime, 'office-lanting');
    const bad = await badToken(runtime, kind, genuine);
    // Act
    const refused = await me(bad);
    const accepted = await me(genuine);
    // Assess
    expect(refused.status).toBe(401);
    expect(await refused.text()).toBe(unauthorized);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
    expect(accepted.status).toBe(200);
  });

  it('accept a token shaped exactly like Cognito’s, with no aud, by its client_id', async () => {
    // Prepare
    const token = await withClaims(runtime, await signIn(runtime, 'lead-lanting'), { aud: undefined });
    // Act
    const response = await me(token);
    // Assess
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ username: 'lead-lanting', roles: ['lead'] });
  });

  it('leave roles to the function: a trainer’s valid token reaches the queue and is refused there with 403', async () => {
    // Prepare
    const token = await signIn(runtime, 'trainer-lanting');
    // Act
    const response = await fetch(`${runtime.url}/api/office/reports`, {
      headers: { authorization: `Bearer ${token}` },
    });
    // Assess
    expect(response.status).toBe(403);
    expect(await json(response)).toMatchObject({ error: expect.any(String), message: expect.any(String) });
  });

  it('leave public routes alone: they ignore any token, good or bad', async () => {
    // Prepare
    const bad = await badToken(runtime, 'alg-none', await signIn(runtime, 'office-lanting'));
    // Act
    const health = await fetch(`${runtime.url}/api/health`, { headers: { authorization: `Bearer ${bad}` } });
    const config = await fetch(`${runtime.url}/api/office/config`, {
      headers: { authorization: 'Bearer junk' },
    });
    // Assess
    expect(health.status).toBe(200);
    expect(config.status).toBe(200);
    expect(await json(config)).toEqual({ issuer: runtime.oidcIssuer, clientId: 'hutong-console' });
  });
});

describe('the event a staff function receives', () => {
  // A probe route in a router of the test's own, with the real authorizer and real tokens: it
  // shows exactly the event a function gets, without any test code in the portal.
  const calls: APIGatewayProxyEventV2[] = [];
  let probe: Server;
  let probeUrl: string;

  beforeAll(async () => {
    const route: CompiledRoute = {
      method: 'GET',
      routeKey: 'GET /api/office/probe',
      access: { roles: ['office'] },
      pattern: /^\/api\/office\/probe$/,
      params: [],
      handler: async (event) => {
        calls.push(event);
        return { statusCode: 204 };
      },
    };
    const api = apiRouter(
      [route],
      jwtAuthorizer({ issuer: runtime.oidcIssuer, audience: ['hutong-console'] }),
    );
    probe = createServer((request, response) => void api(request, response));
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    probeUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/api/office/probe`;
  });

  afterAll(async () => {
    await new Promise((done) => probe?.close(done));
  });

  it('carries the claims at requestContext.authorizer.jwt, every value a string and groups as "[a b]"', async () => {
    // Prepare
    const token = await signIn(runtime, 'lead-lanting');
    const twoGroups = await withClaims(runtime, token, { 'cognito:groups': ['office', 'lead'] });
    calls.length = 0;
    // Act
    const response = await fetch(probeUrl, { headers: { authorization: `Bearer ${token}` } });
    await fetch(probeUrl, { headers: { authorization: `Bearer ${twoGroups}` } });
    // Assess
    expect(response.status).toBe(204);
    const [event, second] = calls as APIGatewayProxyEventV2WithJWTAuthorizer[];
    const claims = decodeJwt(token);
    expect(event?.requestContext.authorizer).toEqual({
      jwt: {
        claims: {
          aud: 'hutong-console',
          auth_time: String(claims.auth_time),
          client_id: 'hutong-console',
          'cognito:groups': '[lead]',
          'custom:community': 'lanting',
          exp: String(claims.exp),
          iat: String(claims.iat),
          iss: runtime.oidcIssuer,
          jti: claims.jti,
          scope: claims.scope,
          sub: claims.sub,
          token_use: 'access',
          username: 'lead-lanting',
        },
        scopes: null,
      },
    });
    expect(event?.headers.authorization).toBe(`Bearer ${token}`);
    expect(second?.requestContext.authorizer.jwt.claims['cognito:groups']).toBe('[office lead]');
  });

  it('never calls the function when the authorizer refuses', async () => {
    // Prepare
    const expired = await badToken(runtime, 'expired', await signIn(runtime, 'office-lanting'));
    calls.length = 0;
    // Act
    const responses = await Promise.all([
      fetch(probeUrl),
      fetch(probeUrl, { headers: { authorization: `Bearer ${expired}` } }),
    ]);
    // Assess
    expect(responses.map((r) => r.status)).toEqual([401, 401]);
    expect(calls).toHaveLength(0);
  });
});
