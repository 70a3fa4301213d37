/**
 * Auth abuse across every staff route at once: broken and forged tokens (401, from the
 * authorizer), a community claim swapped (404, as if the thing didn't exist), and each role
 * calling what it may not (403). Every call is one that would succeed and write for the right
 * person, so "nothing written" means something. identity.test.ts and office-authority.test.ts
 * hold the single-route cases; this file is the matrix.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKey, routes } from '../../functions/routes.ts';
import { jpegWithMetadata } from '../support/handout-files.ts';
import { json } from '../support/http.ts';
import { staffClient, submitted } from '../support/office.ts';
import { type SpawnedRuntime, scanAll, spawnRuntime } from '../support/runtime.ts';
import { type BadToken, badToken, signIn, withClaims } from '../support/staff.ts';
import { trainerClientWith } from '../support/trainer.ts';
import { sampleSession, sampleWorkshop } from '../support/workshops.ts';

type Role = 'office' | 'lead' | 'trainer' | 'reviewer';

/** A call to one staff route that the right person could make now, and it would work. */
interface StaffCall {
  method: string;
  path: string;
  contentType?: string;
  body?: string | Uint8Array;
}

let runtime: SpawnedRuntime;
/** A genuine token per role, all of Lanting. */
const tokens = {} as Record<Role, string>;
let ref: string;
let workshop: string;
let handout: string;
let workshopBody: Record<string, unknown>;

/** Every staff route, as a call about Lanting's triaged report and draft workshop with its handout. */
function staffCalls(): Record<string, StaffCall> {
  const asJson = (value: unknown) => ({ contentType: 'application/json', body: JSON.stringify(value) });
  const w = `/api/trainer/workshops/${workshop}`;
  return {
    'GET /api/office/me': { method: 'GET', path: '/api/office/me' },
    'GET /api/office/reports': { method: 'GET', path: '/api/office/reports' },
    'GET /api/office/counts': { method: 'GET', path: '/api/office/counts' },
    'GET /api/office/reports/{ref}': { method: 'GET', path: `/api/office/reports/${ref}` },
    'POST /api/office/reports/{ref}/actions': {
      method: 'POST',
      path: `/api/office/reports/${ref}/actions`,
      ...asJson({ action: 'close', expectedVersion: 2, outcome: 'support_provided' }),
    },
    'GET /api/office/alerts': { method: 'GET', path: '/api/office/alerts' },
    'GET /api/office/stats': { method: 'GET', path: '/api/office/stats' },
    'GET /api/office/export.csv': { method: 'GET', path: '/api/office/export.csv' },
    'GET /api/trainer/workshops': { method: 'GET', path: '/api/trainer/workshops' },
    'POST /api/trainer/workshops': {
      method: 'POST',
      path: '/api/trainer/workshops',
      ...asJson({ workshop: sampleWorkshop(), sessions: [sampleSession()] }),
    },
    'GET /api/trainer/workshops/{id}': { method: 'GET', path: w },
    'PUT /api/trainer/workshops/{id}': {
      method: 'PUT',
      path: w,
      ...asJson({ version: 2, workshop: workshopBody, sessions: [] }),
    },
    'POST /api/trainer/workshops/{id}/actions': {
      method: 'POST',
      path: `${w}/actions`,
      ...asJson({ action: 'submit', version: 2 }),
    },
    'POST /api/trainer/workshops/{id}/handouts': {
      method: 'POST',
      path: `${w}/handouts?name=map.jpg`,
      contentType: 'image/jpeg',
      body: jpegWithMetadata(),
    },
    'DELETE /api/trainer/workshops/{id}/handouts/{handout}': {
      method: 'DELETE',
      path: `${w}/handouts/${handout}`,
    },
    'GET /api/trainer/site-build': { method: 'GET', path: '/api/trainer/site-build' },
  };
}

/** The role whose genuine token each route is forged from: one it admits. */
const ownerOf = (key: string): 'lead' | 'trainer' => (key.includes('/api/office/') ? 'lead' : 'trainer');

function call(c: StaffCall, token: string): Promise<Response> {
  return fetch(`${runtime.url}${c.path}`, {
    method: c.method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(c.contentType ? { 'content-type': c.contentType } : {}),
    },
    ...(c.body ? { body: c.body } : {}),
  });
}

/** Everything stored: table items and uploaded files. */
async function stored(): Promise<string[]> {
  const items = (await scanAll(runtime.dynamodbEndpoint)).map((item) => JSON.stringify(item));
  const uploads = join(runtime.dataDir, 'uploads');
  const files = existsSync(uploads) ? readdirSync(uploads, { recursive: true, encoding: 'utf8' }) : [];
  return [...items, ...files.map((f) => `file:${f}`)].sort();
}

beforeAll(async () => {
  runtime = await spawnRuntime();
  for (const role of ['office', 'lead', 'trainer', 'reviewer'] as const) {
    tokens[role] = await signIn(runtime, `${role}-lanting`);
  }
  ({ ref } = await submitted(runtime, {
    community: 'lanting',
    categories: ['neglect'],
    reporterRole: 'resident',
    childAgeBand: '0-7',
    immediateDanger: false,
    description: 'A report for the auth matrix.',
    language: 'en',
  }));
  const lead = await staffClient(runtime, 'lead-lanting');
  expect(
    (await lead.act(ref, { action: 'acknowledge', expectedVersion: 1, priority: 'normal' })).status,
  ).toBe(200);
  const trainer = trainerClientWith(runtime, tokens.trainer);
  workshopBody = sampleWorkshop();
  const created = await trainer.send('POST', '/api/trainer/workshops', {
    workshop: workshopBody,
    sessions: [],
  });
  workshop = created.body.id;
  const upload = await call(
    staffCalls()['POST /api/trainer/workshops/{id}/handouts'] as StaffCall,
    tokens.trainer,
  );
  handout = (await json(upload)).id;
  expect([created.status, upload.status]).toEqual([201, 201]);
});

afterAll(async () => {
  await runtime?.stop();
});

describe('the auth matrix', () => {
  it('names every staff route of functions/routes.ts', () => {
    const staffRoutes = routes.filter((route) => route.access !== 'public').map(routeKey);
    expect(Object.keys(staffCalls()).sort()).toEqual(staffRoutes.sort());
  });

  it.each<BadToken>([
    'alg-none',
    'hmac',
    'wrong-signature',
    'unknown-key',
    'wrong-issuer',
    'wrong-audience',
    'wrong-client',
    'expired',
    'not-yet-valid',
  ])(
    'answers 401 on every staff route to a token %s, even one claiming to be a lead, and writes nothing',
    async (kind) => {
      // Prepare: each route's token forged from a genuine one it admits, its groups raised to every role.
      const forge = async (owner: 'lead' | 'trainer') =>
        badToken(
          runtime,
          kind,
          await withClaims(runtime, tokens[owner], {
            'cognito:groups': ['office', 'lead', 'trainer', 'reviewer'],
          }),
        );
      const forged = { lead: await forge('lead'), trainer: await forge('trainer') };
      const before = await stored();
      const calls = Object.entries(staffCalls());
      // Act
      const statuses = await Promise.all(
        calls.map(async ([key, c]) => {
          const response = await call(c, forged[ownerOf(key)]);
          return [key, response.status, await response.text()];
        }),
      );
      // Assess
      expect(statuses).toEqual(calls.map(([key]) => [key, 401, '{"message":"Unauthorized"}']));
      expect(await stored()).toEqual(before);
    },
  );

  it("answers 404 to a genuine token whose community claim is swapped, on every route naming Lanting's report or workshop, leaves them out of lists, and writes nothing", async () => {
    // Prepare
    const before = await stored();
    const swapped = {
      lead: await withClaims(runtime, tokens.lead, { 'custom:community': 'wutong' }),
      trainer: await withClaims(runtime, tokens.trainer, { 'custom:community': 'wutong' }),
    };
    const naming = Object.entries(staffCalls()).filter(([key]) => /\{(ref|id)\}/.test(key));
    // Act
    const answers = await Promise.all(
      naming.map(async ([key, c]) => [key, (await call(c, swapped[ownerOf(key)])).status]),
    );
    const queue = await json(await call({ method: 'GET', path: '/api/office/reports' }, swapped.lead));
    const workshops = await json(
      await call({ method: 'GET', path: '/api/trainer/workshops' }, swapped.trainer),
    );
    // Assess
    expect(answers).toEqual(naming.map(([key]) => [key, 404]));
    expect(queue.items.map((item: { ref: string }) => item.ref)).not.toContain(ref);
    expect(workshops.workshops.map((row: { id: string }) => row.id)).not.toContain(workshop);
    expect(await stored()).toEqual(before);
  });

  it('answers 403 to every role on each route or step it may not take, including a token with no role or an unknown one, and writes nothing', async () => {
    // Prepare: what each role may not do (docs/office.md, docs/workshop-publishing.md).
    const all = staffCalls();
    const office = Object.keys(all).filter(
      (key) => key.includes('/api/office/') && key !== 'GET /api/office/me',
    );
    const trainer = Object.keys(all).filter((key) => key.includes('/api/trainer/'));
    const step = (action: string, extra: Record<string, unknown> = {}): StaffCall => ({
      method: 'POST',
      path: `/api/trainer/workshops/${workshop}/actions`,
      contentType: 'application/json',
      body: JSON.stringify({ action, version: 2, ...extra }),
    });
    const forbidden: [string, string, StaffCall][] = [
      // The office works reports but doesn't close them, read the dashboard or export; no workshops.
      ...[
        'POST /api/office/reports/{ref}/actions',
        'GET /api/office/stats',
        'GET /api/office/export.csv',
        ...trainer,
      ].map((key): [string, string, StaffCall] => ['office', key, all[key] as StaffCall]),
      ...trainer.map((key): [string, string, StaffCall] => ['lead', key, all[key] as StaffCall]),
      // Trainers write workshops; they neither work reports nor review.
      ...office.map((key): [string, string, StaffCall] => ['trainer', key, all[key] as StaffCall]),
      ['trainer', 'publish', step('publish')],
      ['trainer', 'return', step('return', { comment: 'x' })],
      ['trainer', 'unpublish', step('unpublish')],
      // Reviewers review; they neither write workshops nor work reports.
      ...office.map((key): [string, string, StaffCall] => ['reviewer', key, all[key] as StaffCall]),
      ...[
        'POST /api/trainer/workshops',
        'PUT /api/trainer/workshops/{id}',
        'POST /api/trainer/workshops/{id}/actions',
        'POST /api/trainer/workshops/{id}/handouts',
        'DELETE /api/trainer/workshops/{id}/handouts/{handout}',
      ].map((key): [string, string, StaffCall] => ['reviewer', key, all[key] as StaffCall]),
    ];
    const roleless = {
      none: await withClaims(runtime, tokens.lead, { 'cognito:groups': [] }),
      admin: await withClaims(runtime, tokens.lead, { 'cognito:groups': ['admin', 'root'] }),
    };
    const before = await stored();
    // Act
    const answers = await Promise.all(
      forbidden.map(async ([role, what, c]) => [role, what, (await call(c, tokens[role as Role])).status]),
    );
    const nobody = await Promise.all(
      Object.entries(roleless).flatMap(([name, token]) =>
        Object.entries(all).map(async ([key, c]) => [name, key, (await call(c, token)).status]),
      ),
    );
    // Assess
    expect(answers).toEqual(forbidden.map(([role, what]) => [role, what, 403]));
    expect(nobody).toEqual(
      Object.keys(roleless).flatMap((name) => Object.keys(all).map((key) => [name, key, 403])),
    );
    expect(await stored()).toEqual(before);
  });

  it('lets each call past the authorizer, the role and the community for the right person, so the refusals above were about the token alone', async () => {
    // Act: the same calls with the genuine token of the role each is meant for.
    const all = staffCalls();
    const right: Record<string, Role> = {
      'POST /api/office/reports/{ref}/actions': 'lead',
      'GET /api/office/stats': 'lead',
      'GET /api/office/export.csv': 'lead',
    };
    const answers = await Promise.all(
      Object.entries(all).map(async ([key, c]) => [
        key,
        (await call(c, tokens[right[key] ?? ownerOf(key)])).status,
      ]),
    );
    // Assess: done, or refused for the request's own reasons (a version that moved on), never 401/403/404.
    for (const [key, status] of answers) expect([401, 403, 404], String(key)).not.toContain(status);
  });
});
