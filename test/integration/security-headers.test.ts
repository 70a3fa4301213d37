/**
 * The local runtime (`npm start`, in its own process) sends exactly the headers of
 * infra/security-headers.ts, the ones CloudFront sends (test/infra/edge.test.ts), on every kind of
 * answer: pages, assets, the API, errors and redirects.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeContentSecurityPolicy, securityHeaders } from '../../infra/security-headers.ts';
import { siteDist } from '../../infra/site-build.ts';
import { type SpawnedRuntime, spawnRuntime } from '../support/runtime.ts';

let runtime: SpawnedRuntime;

beforeAll(async () => {
  runtime = await spawnRuntime();
});

afterAll(async () => {
  await runtime?.stop();
});

const stylesheet = readdirSync(join(siteDist, '_astro')).find((name) => name.endsWith('.css'));

/** Each kind of answer the runtime gives, with the status it should have. */
const answers: [what: string, path: string, status: number][] = [
  ['the Chinese home page', '/', 200],
  ['an English page', '/en/children/', 200],
  ['a hashed stylesheet', `/_astro/${stylesheet}`, 200],
  ['the quick exit script', '/quick-exit.js', 200],
  ['an image', '/favicon.svg', 200],
  ['the health check', '/api/health', 200],
  ['the API description', '/api/openapi.json', 200],
  ['a page that does not exist', '/no-such-page/', 404],
  ['an API route that does not exist', '/api/no-such-route', 404],
  ['a page address without its slash', '/en', 301],
];

/** The security headers of a response, by the names securityHeaders uses. */
function sent(response: Response): Record<string, string | null> {
  return Object.fromEntries(Object.keys(securityHeaders).map((name) => [name, response.headers.get(name)]));
}

/** Headers without the CSP. */
const butCsp = (headers: Readonly<Record<string, string | null>>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'content-security-policy'));

describe('the local runtime', () => {
  it.each(answers)('sends the shared security headers with %s', async (_what, path, status) => {
    // Act
    const response = await fetch(`${runtime.url}${path}`, { redirect: 'manual' });
    await response.arrayBuffer();

    // Assess
    expect(response.status).toBe(status);
    expect(sent(response)).toEqual(securityHeaders);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it.each([
    ['a hashed stylesheet', `/_astro/${stylesheet}`, 'public, max-age=31536000, immutable'],
    ['a page', '/en/children/', 'no-cache'],
    ['a file with a stable name', '/quick-exit.js', 'no-cache'],
    ['a missing hashed file', '/_astro/no-such-file.css', 'no-cache'],
  ])('lets a browser keep %s as CloudFront does: %s → %s', async (_what, path, cacheControl) => {
    // Act
    const response = await fetch(`${runtime.url}${path}`);
    await response.arrayBuffer();

    // Assess
    expect(response.headers.get('cache-control')).toBe(cacheControl);
  });

  it("sends the console its own CSP, with only the local sign-in's origin added, and keeps it nowhere", async () => {
    // Act
    const response = await fetch(`${runtime.url}/office/`);
    await response.arrayBuffer();

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(
      officeContentSecurityPolicy([new URL(runtime.oidcIssuer).origin]),
    );
    expect(butCsp(sent(response))).toEqual(butCsp(securityHeaders));
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
