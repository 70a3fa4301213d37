/**
 * The hostile-input run at scale: tens of thousands of generated calls at every route of the
 * local runtime, public and staff, with the tally of what came back and of what refused calls
 * wrote (nothing, if the API is right). Staff routes are called with a genuine token of a role
 * they admit, so the calls reach the handlers' validation.
 */
import fc from 'fast-check';
import { routes } from '../functions/routes.ts';
import { hostileCall } from '../test/support/hostile-calls.ts';
import { fuzzRoute, type RouteTally } from '../test/support/hostile-fuzz.ts';
import { hostileSetup } from '../test/support/hostile-targets.ts';
import { spawnRuntime } from '../test/support/runtime.ts';

export type { RouteTally } from '../test/support/hostile-fuzz.ts';

/**
 * Sends `casesPerRoute` generated calls to each route, `inFlight` at a time, and returns each
 * route's tally. `onRoute` hears of each route as it finishes.
 */
export async function measureHostileInput(
  casesPerRoute: number,
  options: { inFlight?: number; seed?: number; onRoute?: (tally: RouteTally) => void } = {},
): Promise<RouteTally[]> {
  const runtime = await spawnRuntime();
  try {
    const setup = await hostileSetup(runtime);
    const tallies: RouteTally[] = [];
    for (const route of routes) {
      const calls = fc.sample(hostileCall(route, setup.targets), {
        numRuns: casesPerRoute,
        ...(options.seed === undefined ? {} : { seed: options.seed }),
      });
      const tally = await fuzzRoute(runtime, route, calls, {
        token: setup.tokenFor(route),
        inFlight: options.inFlight ?? 8,
      });
      options.onRoute?.(tally);
      tallies.push(tally);
    }
    return tallies;
  } finally {
    await runtime.stop();
  }
}
