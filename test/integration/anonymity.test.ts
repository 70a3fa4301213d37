import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.ts';
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

describe('anonymity', () => {
  it('keeps no trace of the caller in any table or in anything the runtime prints, on every public route', async () => {
    // Prepare: a body for each public route, valid and invalid.
    const calls = routes
      .filter((route) => route.access === 'public')
      .flatMap((route): { method: string; path: string; body?: string }[] =>
        route.method === 'GET'
          ? [{ method: 'GET', path: route.path }]
          : [
              { method: route.method, path: route.path, body: JSON.stringify(report) },
              {
                method: route.method,
                path: route.path,
                body: JSON.stringify({ ...report, description: 'short' }),
              },
              { method: route.method, path: route.path, body: '{broken' },
            ],
      );
    // Act
    for (const call of calls) {
      const response = await fetch(`${runtime.url}${call.path}`, {
        method: call.method,
        headers: {
          ...marker,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        ...(call.body ? { body: call.body } : {}),
      });
      expect(response.status).toBeLessThan(500);
    }
    await fetch(`${runtime.url}/`, { headers: marker });
    // Assess
    const items = await scanAll(runtime.dynamodbEndpoint);
    expect(items.some((item) => item.type === 'report')).toBe(true);
    const stored = JSON.stringify(items);
    const printed = runtime.output();
    for (const trace of [forwardedFor, userAgent, 'HutongAnonymityProbe']) {
      expect(stored).not.toContain(trace);
      expect(printed).not.toContain(trace);
    }
    expect(stored).not.toMatch(/127\.0\.0\.1|::1|::ffff:/);
  });

  it('stores exactly the fields of the contract plus the office fields, and nothing about the request', async () => {
    // Act
    await fetch(`${runtime.url}/api/reports`, {
      method: 'POST',
      headers: { ...marker, 'content-type': 'application/json' },
      body: JSON.stringify({ ...report, description: `Only what I typed ${randomUUID()}` }),
    });
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
        'immediateDanger',
        'language',
        'pk',
        'queuePk',
        'queueSk',
        'ref',
        'reporterRole',
        'sk',
        'status',
        'type',
        'updatedAt',
        'urgent',
        'urgentReasons',
        'version',
      ].sort(),
    );
  });
});
