import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../functions/domain/contract.ts';
import { json } from '../support/http.ts';
import { type StaffClient, staffClient, submitted } from '../support/office.ts';
import { type SpawnedRuntime, spawnRuntime } from '../support/runtime.ts';
import { badToken, withClaims } from '../support/staff.ts';

const report = {
  community: 'lanting',
  categories: ['physical_abuse'],
  reporterRole: 'resident',
  childAgeBand: '8-13',
  immediateDanger: false,
  description: 'The boy upstairs has bruises every Monday.',
  language: 'en',
};

let runtime: SpawnedRuntime;
let officeA: StaffClient;
let leadA: StaffClient;
let officeB: StaffClient;
let trainer: StaffClient;
let reviewer: StaffClient;
let lanting: { ref: string; receipt: string };

beforeAll(async () => {
  runtime = await spawnRuntime();
  officeA = await staffClient(runtime, 'office-lanting');
  leadA = await staffClient(runtime, 'lead-lanting');
  officeB = await staffClient(runtime, 'office-wutong');
  trainer = await staffClient(runtime, 'trainer-lanting');
  reviewer = await staffClient(runtime, 'reviewer-lanting');
  lanting = await submitted(runtime, report);
});

afterAll(async () => {
  await runtime?.stop();
});

/** Every report route, as a call a staff member could make about `ref`. */
const reportRoutes = (ref: string): [string, (client: StaffClient) => Promise<Response>][] => [
  ['list', (c) => c.get('/api/office/reports')],
  ['counts', (c) => c.get('/api/office/counts')],
  ['read', (c) => c.get(`/api/office/reports/${ref}`)],
  ['change', (c) => c.act(ref, { action: 'acknowledge', expectedVersion: 1, priority: 'high' })],
  ['reply', (c) => c.act(ref, { action: 'reply', expectedVersion: 1, body: 'Hello' })],
  ['alerts', (c) => c.get('/api/office/alerts')],
];

describe('community isolation', () => {
  it("answers office B 404 for community A's report, whether reading, changing or replying, and never lists it", async () => {
    // Act
    const list = await json(await officeB.get('/api/office/reports'));
    const read = await officeB.get(`/api/office/reports/${lanting.ref}`);
    const change = await officeB.act(lanting.ref, {
      action: 'acknowledge',
      expectedVersion: 1,
      priority: 'urgent',
    });
    const reply = await officeB.act(lanting.ref, { action: 'reply', expectedVersion: 1, body: 'Hi' });
    // Assess
    expect(list.items.map((item: { ref: string }) => item.ref)).not.toContain(lanting.ref);
    for (const response of [read, change, reply]) {
      expect(response.status).toBe(404);
      expect(errorBodySchema.parse(await json(response)).error).toBe('not_found');
    }
    const mine = await json(await officeA.get('/api/office/reports'));
    expect(mine.items.map((item: { ref: string }) => item.ref)).toContain(lanting.ref);
    expect((await officeA.view(lanting.ref)).version).toBe(1);
  });

  it('reads the community from the token: a token for community B sees nothing of A, whoever it names', async () => {
    // Prepare: office A's genuine token with the community claim swapped, validly signed.
    const swapped = await withClaims(runtime, officeA.token, { 'custom:community': 'wutong' });
    // Act
    const read = await fetch(`${runtime.url}/api/office/reports/${lanting.ref}`, {
      headers: { authorization: `Bearer ${swapped}` },
    });
    // Assess
    expect(read.status).toBe(404);
  });
});

describe('roles', () => {
  it.each([
    ['trainer', () => trainer],
    ['reviewer', () => reviewer],
  ])('gives a %s 403 on every report route, but lets them ask who they are', async (_, who) => {
    for (const [name, call] of reportRoutes(lanting.ref)) {
      const response = await call(who());
      expect(response.status, name).toBe(403);
      expect(errorBodySchema.parse(await json(response)).error).toBe('forbidden');
    }
    expect((await who().get('/api/office/me')).status).toBe(200);
  });

  it('lets an office user work a report, but not close it, assign it to someone else, or export', async () => {
    // Prepare
    const fresh = await submitted(runtime, report);
    const acknowledged = await officeA.act(fresh.ref, {
      action: 'acknowledge',
      expectedVersion: 1,
      priority: 'normal',
    });
    expect(acknowledged.status).toBe(200);
    // Act
    const close = await officeA.act(fresh.ref, {
      action: 'close',
      expectedVersion: 2,
      outcome: 'support_provided',
    });
    const assignOther = await officeA.act(fresh.ref, {
      action: 'assign',
      expectedVersion: 2,
      assignee: 'lead-lanting',
    });
    const assignSelf = await officeA.act(fresh.ref, {
      action: 'assign',
      expectedVersion: 2,
      assignee: 'office-lanting',
    });
    const exported = await officeA.get('/api/office/export.csv');
    const stats = await officeA.get('/api/office/stats');
    // Assess
    expect([close.status, assignOther.status, exported.status, stats.status]).toEqual([403, 403, 403, 403]);
    expect(assignSelf.status).toBe(200);
    expect((await json(assignSelf)).status).toBe('in_progress');
  });

  it('lets a lead assign to a colleague, close, export and read the dashboard', async () => {
    const fresh = await submitted(runtime, report);
    await leadA.act(fresh.ref, { action: 'acknowledge', expectedVersion: 1, priority: 'high' });
    const assign = await leadA.act(fresh.ref, {
      action: 'assign',
      expectedVersion: 2,
      assignee: 'office-lanting',
    });
    const close = await leadA.act(fresh.ref, {
      action: 'close',
      expectedVersion: 3,
      outcome: 'child_safe_no_further_action',
    });
    const csv = await leadA.get('/api/office/export.csv');
    expect(assign.status).toBe(200);
    expect(close.status).toBe(200);
    expect((await json(close)).status).toBe('closed');
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain(fresh.ref);
    expect(text).not.toContain('bruises');
    expect((await leadA.get('/api/office/stats')).status).toBe(200);
    const reopened = await leadA.act(fresh.ref, {
      action: 'reopen',
      expectedVersion: 4,
      reason: 'The family moved back.',
    });
    expect(reopened.status).toBe(200);
    const view = await json(reopened);
    expect(view).toMatchObject({ status: 'in_progress', version: 5 });
    expect(view.outcome).toBeUndefined();
  });

  it('refuses to assign to someone outside the community office', async () => {
    const fresh = await submitted(runtime, report);
    const response = await leadA.act(fresh.ref, {
      action: 'assign',
      expectedVersion: 1,
      assignee: 'office-wutong',
    });
    expect(response.status).toBe(400);
  });
});

describe('tokens', () => {
  it.each(['expired', 'wrong-signature', 'wrong-issuer', 'wrong-audience', 'alg-none'] as const)(
    'answers 401 to a %s token on every staff route',
    async (kind) => {
      const token = await badToken(runtime, kind, officeA.token);
      for (const path of ['/api/office/me', '/api/office/reports', `/api/office/reports/${lanting.ref}`]) {
        const response = await fetch(`${runtime.url}${path}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(response.status, path).toBe(401);
      }
    },
  );

  it('answers 401 without a token', async () => {
    expect((await fetch(`${runtime.url}/api/office/reports`)).status).toBe(401);
  });
});
