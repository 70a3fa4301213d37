/**
 * Load on `POST /api/reports` against the local runtime, in its own process, with autocannon:
 * every request a valid report with a fresh Idempotency-Key, as the site sends it.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { scanAll, spawnRuntime } from '../test/support/runtime.ts';

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

const body = JSON.stringify({
  community: 'lanting',
  categories: ['neglect'],
  reporterRole: 'resident',
  childAgeBand: '8-13',
  immediateDanger: false,
  description: 'The child next door is often left alone late into the night.',
  language: 'zh-CN',
});

/**
 * Sends `amount` reports over `connections` connections and reconciles the 201s against what
 * the table holds. A fixed amount, not a duration, so no request is cut off in flight and the
 * counts must match exactly.
 */
export async function measureApiLoad(connections: number, amount: number): Promise<LoadFigures> {
  const runtime = await spawnRuntime();
  try {
    const result = await autocannon({
      url: `${runtime.url}/api/reports`,
      connections,
      amount,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => ({
            ...request,
            headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            body,
          }),
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
