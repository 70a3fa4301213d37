/**
 * Load on `POST /api/reports` against the local runtime, in its own process, with autocannon:
 * every request a valid report with a fresh Idempotency-Key and a proof of work bound to it, as
 * the site sends it. Proofs are solved before the clock starts (a browser solves while its
 * person types), and the hourly caps are raised for the run, since they exist to refuse floods.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { solvedProof } from '../test/support/proof.ts';
import { scanAll } from '../test/support/runtime.ts';
import { spawnUncapped } from '../test/support/uncapped.ts';

/** The load run's figures. */
export interface LoadFigures {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  statusCounts: Record<string, number>;
  storedReports: number;
  storedItems: number;
}

const report = {
  community: 'lanting',
  categories: ['neglect'],
  reporterRole: 'resident',
  childAgeBand: '8-13',
  immediateDanger: false,
  description: 'The child next door is often left alone late into the night.',
  language: 'zh-CN',
};

/** Solves `amount` proofs, four at a time, each bound to its own Idempotency-Key. */
async function solvedBodies(url: string, amount: number): Promise<{ key: string; body: string }[]> {
  const bodies: { key: string; body: string }[] = [];
  while (bodies.length < amount) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(4, amount - bodies.length) }, async () => {
        const key = randomUUID();
        return { key, body: JSON.stringify({ ...report, altcha: await solvedProof(url, key) }) };
      }),
    );
    bodies.push(...batch);
  }
  return bodies;
}

/**
 * Sends `amount` reports over `connections` connections and reconciles the 201s against what
 * the table holds. A fixed amount, not a duration, so no request is cut off in flight and the
 * counts must match exactly.
 */
export async function measureApiLoad(connections: number, amount: number): Promise<LoadFigures> {
  const runtime = await spawnUncapped();
  try {
    const bodies = await solvedBodies(runtime.url, amount);
    let next = 0;
    const result = await autocannon({
      url: `${runtime.url}/api/reports`,
      connections,
      amount,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const { key, body } = bodies[next++ % bodies.length] as { key: string; body: string };
            return {
              ...request,
              headers: { 'content-type': 'application/json', 'idempotency-key': key },
              body,
            };
          },
        },
      ],
    });
    const items = await scanAll(runtime.dynamodbEndpoint);
    const statusCounts: Record<string, number> = {};
    for (const [code, count] of Object.entries(result.statusCodeStats ?? {})) {
      statusCounts[code] = (count as { count: number }).count;
    }
    return {
      connections,
      seconds: result.duration,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      statusCounts,
      storedReports: items.filter((item) => item.type === 'report').length,
      storedItems: items.length,
    };
  } finally {
    await runtime.stop();
  }
}
