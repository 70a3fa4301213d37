import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKey, routes } from '../../functions/routes.ts';
import { hostileRequest, isProperRefusal, sendHostile } from '../support/hostile.ts';
import { hostileCall } from '../support/hostile-calls.ts';
import { fuzzRoute } from '../support/hostile-fuzz.ts';
import { type HostileSetup, hostileSetup } from '../support/hostile-targets.ts';
import { json } from '../support/http.ts';
import { type SpawnedRuntime, scanAll, spawnRuntime } from '../support/runtime.ts';

/** At least this many generated bodies per public POST route; `npm run bench:hostile` runs ten times more. */
const casesPerRoute = 2_000;
/** Generated calls per route, public and staff, in the every-route property; the bench sends 20,000. */
const callsPerRoute = 60;

let runtime: SpawnedRuntime;
let setup: HostileSetup;

beforeAll(async () => {
  runtime = await spawnRuntime();
  setup = await hostileSetup(runtime);
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

  it.each(routes.map((route) => [routeKey(route), route] as const))(
    'answers generated calls to %s (path, query, headers, body; staff with a genuine token) with no 5xx, only proper refusals, and no write by a refused call',
    async (_, route) => {
      // Prepare
      const seed = Date.now() ^ routeKey(route).length;
      const calls = fc.sample(hostileCall(route, setup.targets), { numRuns: callsPerRoute, seed });
      // Act
      const tally = await fuzzRoute(runtime, route, calls, { token: setup.tokenFor(route) });
      // Assess
      const why = `seed ${seed}: ${JSON.stringify(tally.byStatus)} ${tally.examples.join('; ')}`;
      expect(tally.cases).toBe(callsPerRoute);
      expect(tally.serverErrors, why).toBe(0);
      expect(tally.improper, why).toBe(0);
      expect(tally.written, why).toBe(0);
      // The genuine token got every staff call past the authorizer, to the function's own checks.
      expect(tally.byStatus['401'] ?? 0, why).toBe(0);
    },
  );
});
