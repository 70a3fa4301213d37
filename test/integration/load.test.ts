import { describe, expect, it } from 'vitest';
import { runLoad } from '../../bench/load-run.ts';

/** The short version of `npm run bench:load`: counts, never timings. */
describe('reports under load', () => {
  it('stores exactly one report per 201 and nothing else, while office users work the queue', async () => {
    // Act: 8 reporters for 5 s through the real contract, 2 office users meanwhile.
    const load = await runLoad({ seconds: 5, reporters: 8, office: 2, solvers: 1, resend: 5 });
    // Assess: the reporters' count
    const r = load.reconciliation;
    expect(r.accepted).toBeGreaterThan(0);
    expect(r).toMatchObject({ missing: 0, duplicated: 0, unexpected: 0, unresolved: 0, replayFailures: 0 });
    expect(r.reports).toBe(r.accepted);
    expect(r.exact).toBe(true);
    expect(load.statuses).toEqual({ 201: load.post.count });
    // Assess: the office worked the queue, and no call failed (a 409 is a colleague first)
    expect(load.office.acknowledge.count).toBeGreaterThan(0);
    expect(load.office.reply.count).toBeGreaterThan(0);
    for (const operation of Object.values(load.office)) {
      expect(Object.keys(operation.statuses).every((status) => status === '200' || status === '409')).toBe(
        true,
      );
    }
  });
});
