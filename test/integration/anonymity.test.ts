import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKey, routes } from '../../functions/routes.ts';
import { postReport, solvedProof } from '../support/proof.ts';
import { type SpawnedRuntime, scanAll, spawnRuntime } from '../support/runtime.ts';

// Invariants 1 and 2: public handlers never read or log the caller's address or User-Agent,
// and nothing identifying is stored unless the reporter typed it.
const forwardedFor = '203.0.113.77';
const userAgent = `HutongAnonymityProbe/${randomUUID()}`;
const marker = { 'x-forwarded-for': forwardedFor, 'user-agent': userAgent, 'x-real-ip': forwardedFor };

const report = {
  community: 'lanting',
  categories: ['bullying'],
  reporterRole: 'child_friend',
  childAgeBand: '14-15',
  immediateDanger: false,
  description: 'My friend is being pushed around after school every day.',
  language: 'en',
};

let runtime: SpawnedRuntime;

beforeAll(async () => {
  runtime = await spawnRuntime();
});

afterAll(async () => {
  await runtime?.stop();
});

/** A valid request for each public route, carrying the marker headers; invalid ones are added below. */
async function validRequests(receipt: string): Promise<Record<string, () => Promise<Response>>> {
  const post = async (path: string, body: Record<string, unknown>) =>
    fetch(`${runtime.url}${path}`, {
      method: 'POST',
      headers: { ...marker, 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, altcha: await solvedProof(runtime.url) }),
    });
  return {
    'POST /api/reports': () => postReport(runtime.url, report, { headers: marker }),
    'GET /api/challenge': () => fetch(`${runtime.url}/api/challenge`, { headers: marker }),
    'POST /api/followup': () => post('/api/followup', { receipt, language: 'en' }),
    'POST /api/followup/messages': () =>
      post('/api/followup/messages', { receipt, body: 'It happened again last night.', language: 'en' }),
    'GET /api/health': () => fetch(`${runtime.url}/api/health`, { headers: marker }),
    'GET /api/transparency': () => fetch(`${runtime.url}/api/transparency`, { headers: marker }),
    'GET /api/office/config': () => fetch(`${runtime.url}/api/office/config`, { headers: marker }),
    'GET /api/openapi.json': () => fetch(`${runtime.url}/api/openapi.json`, { headers: marker }),
  };
}

describe('anonymity', () => {
  it('keeps no trace of the caller in any table or in anything the runtime prints, on every public route', async () => {
    // Prepare: a report to follow up, and a valid request for every public route.
    const first = await postReport(runtime.url, report);
    const { receipt } = (await first.json()) as { receipt: string };
    const valid = await validRequests(receipt);
    const publicRoutes = routes.filter((route) => route.access === 'public').map(routeKey);
    expect(Object.keys(valid).sort()).toEqual([...publicRoutes].sort());
    // Act: each route validly, then with a body it must refuse, then the form and a page.
    for (const key of publicRoutes) {
      const response = await valid[key]?.();
      expect(response?.status, key).toBeLessThan(300);
      const [method, path] = key.split(' ');
      if (method === 'POST') {
        for (const body of ['{broken', JSON.stringify({ ...report, description: 'short' })]) {
          const refused = await fetch(`${runtime.url}${path}`, {
            method,
            headers: { ...marker, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            body,
          });
          expect(refused.status, key).toBeGreaterThanOrEqual(400);
          expect(refused.status, key).toBeLessThan(500);
        }
      }
    }
    const form = await fetch(`${runtime.url}/api/reports`, {
      method: 'POST',
      headers: { ...marker, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...report, categories: 'bullying', immediateDanger: 'false' }).toString(),
    });
    expect(form.status).toBe(201);
    await fetch(`${runtime.url}/`, { headers: marker });
    // Assess
    const items = await scanAll(runtime.dynamodbEndpoint);
    expect(items.filter((item) => item.type === 'report').length).toBeGreaterThanOrEqual(3);
    expect(items.some((item) => item.type === 'message')).toBe(true);
    const stored = JSON.stringify(items);
    const printed = runtime.output();
    for (const trace of [forwardedFor, userAgent, 'HutongAnonymityProbe']) {
      expect(stored).not.toContain(trace);
      expect(printed).not.toContain(trace);
    }
    expect(stored).not.toMatch(/127\.0\.0\.1|::1|::ffff:/);
    expect(stored).not.toContain(receipt);
    expect(stored).not.toContain(receipt.replaceAll(' ', ''));
  });

  it('stores exactly the fields of the contract plus the office fields, and nothing about the request', async () => {
    // Act
    const response = await postReport(
      runtime.url,
      { ...report, description: `Only what I typed ${randomUUID()}` },
      { headers: marker },
    );
    expect(response.status).toBe(201);
    // Assess
    const stored = (await scanAll(runtime.dynamodbEndpoint)).find((item) =>
      String(item.description).startsWith('Only what I typed'),
    );
    expect(Object.keys(stored ?? {}).sort()).toEqual(
      [
        'categories',
        'childAgeBand',
        'community',
        'createdAt',
        'description',
        'hourlyPk',
        'hourlySk',
        'immediateDanger',
        'language',
        'monthPk',
        'monthSk',
        'pk',
        'queuePk',
        'queueSk',
        'ref',
        'reporterRole',
        'sk',
        'status',
        'statusChangedAt',
        'statusPk',
        'statusSk',
        'submission',
        'timeline',
        'type',
        'updatedAt',
        'urgent',
        'urgentReasons',
        'version',
      ].sort(),
    );
  });
});
