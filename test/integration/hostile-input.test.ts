import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKey, routes } from '../../functions/routes.ts';
import { hostileRequest, isProperRefusal, sendHostile } from '../support/hostile.ts';
import { json } from '../support/http.ts';
import { type SpawnedRuntime, scanAll, spawnRuntime } from '../support/runtime.ts';

/** At least this many generated bodies per public route; `npm run bench` runs ten times more. */
const casesPerRoute = 2_000;

let runtime: SpawnedRuntime;

beforeAll(async () => {
  runtime = await spawnRuntime();
});

afterAll(async () => {
  await runtime?.stop();
});

const postRoutes = routes.filter((route) => route.access === 'public' && route.method === 'POST');

describe('hostile input', () => {
  it.each(postRoutes.map(routeKey))(
    'answers %s with a 4xx in the error shape for every generated body, never a 5xx, and writes nothing',
    async (key) => {
      // Prepare
      const path = key.split(' ')[1] ?? '';
      const before = (await scanAll(runtime.dynamodbEndpoint)).length;
      // Act and assess, case by case: fast-check shrinks a failure to its smallest body.
      await fc.assert(
        fc.asyncProperty(hostileRequest, async (request) => {
          const answer = await sendHostile(`${runtime.url}${path}`, request);
          expect(
            isProperRefusal(answer),
            `${request.kind} → ${answer.status} ${answer.body.slice(0, 200)}`,
          ).toBe(true);
        }),
        { numRuns: casesPerRoute },
      );
      expect((await scanAll(runtime.dynamodbEndpoint)).length).toBe(before);
    },
    300_000,
  );

  it('answers GET /api/challenge with 400 for any `for` that is not a binding', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 200 }).filter((s) => !/^[A-Za-z0-9_-]{43}$/.test(s)),
        async (binding) => {
          const response = await fetch(`${runtime.url}/api/challenge?for=${encodeURIComponent(binding)}`);
          expect(response.status).toBe(400);
          expect((await json(response)).error).toBe('invalid_request');
        },
      ),
      { numRuns: casesPerRoute },
    );
  }, 300_000);
});
