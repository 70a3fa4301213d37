/**
 * The hostile-input run at scale: tens of thousands of generated bodies at every public POST
 * route of the local runtime, a few in flight at once, with the tally of what came back and a
 * count of what was written (nothing, if the API is right).
 */
import fc from 'fast-check';
import { routeKey, routes } from '../functions/routes.ts';
import { hostileRequest, isProperRefusal, sendHostile } from '../test/support/hostile.ts';
import { scanAll, spawnRuntime } from '../test/support/runtime.ts';

/** One route's tally. */
export interface HostileTally {
  route: string;
  cases: number;
  byStatus: Record<string, number>;
  improper: number;
  serverErrors: number;
  written: number;
  examples: string[];
}

/** Sends `casesPerRoute` hostile bodies to each public POST route, `inFlight` at a time. */
export async function measureHostileInput(casesPerRoute: number, inFlight = 8): Promise<HostileTally[]> {
  const runtime = await spawnRuntime();
  try {
    const tallies: HostileTally[] = [];
    for (const route of routes.filter((r) => r.access === 'public' && r.method === 'POST')) {
      const before = (await scanAll(runtime.dynamodbEndpoint)).length;
      const cases = fc.sample(hostileRequest, casesPerRoute);
      const tally: HostileTally = {
        route: routeKey(route),
        cases: 0,
        byStatus: {},
        improper: 0,
        serverErrors: 0,
        written: 0,
        examples: [],
      };
      let next = 0;
      const worker = async () => {
        while (next < cases.length) {
          const request = cases[next++];
          if (!request) break;
          const answer = await sendHostile(`${runtime.url}${route.path}`, request);
          tally.cases++;
          tally.byStatus[answer.status] = (tally.byStatus[answer.status] ?? 0) + 1;
          if (answer.status >= 500) tally.serverErrors++;
          if (!isProperRefusal(answer)) {
            tally.improper++;
            if (tally.examples.length < 3) tally.examples.push(`${request.kind} → ${answer.status}`);
          }
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
      tally.written = (await scanAll(runtime.dynamodbEndpoint)).length - before;
      tallies.push(tally);
    }
    return tallies;
  } finally {
    await runtime.stop();
  }
}
