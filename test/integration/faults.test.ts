import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseVanishes } from '../../bench/fault-database.ts';
import { processDies } from '../../bench/fault-process.ts';
import type { FaultFigures } from '../../bench/fault-run.ts';
import { slowAndFailingWrites } from '../../bench/fault-writes.ts';
import { repoRoot } from '../../infra/site-build.ts';

/** The short versions of `npm run bench:faults`: counts, never timings. */
const small = { seconds: 4, reporters: 4, solvers: 1, resend: 5 };

/** Every 201 has exactly one report, every report a 201, every resend its receipt. */
function expectExact(figures: FaultFigures) {
  const r = figures.reconciliation;
  expect(r.accepted).toBeGreaterThan(0);
  expect(r).toMatchObject({ missing: 0, duplicated: 0, unexpected: 0, unresolved: 0, replayFailures: 0 });
  expect(r.reports).toBe(r.accepted);
  expect(r.exact).toBe(true);
}

describe('when the database vanishes', () => {
  it('answers 503 with Retry-After while it is down, never 201, and every retry after it is back gets one report', async () => {
    // Act: DynamoDB killed 2 s in (after a first 201), restarted 2 s later.
    const figures = await databaseVanishes({ ...small, downAt: 2, downFor: 2, maxRetryWaitMs: 500 });
    // Assess
    expect(figures.phases.before['201']).toBeGreaterThan(0);
    expect(Object.keys(figures.phases['while down'])).toEqual(['503']);
    expect(figures.unavailable.clear).toBe(figures.unavailable.total);
    expect(figures.phases.after['201']).toBeGreaterThan(0);
    expectExact(figures);
  });
});

describe('when the process dies', () => {
  it('keeps every report that got a 201, and the data directory still works after SIGKILL', async () => {
    // Act: the runtime killed 2 s in (after a first 201), then started again on the same data.
    const figures = await processDies({ ...small, killAt: 2, followUps: 1 });
    // Assess
    const failed = (phase: 'across the stop' | 'while down') =>
      figures.phases[phase]['connection failed'] ?? 0;
    expect(failed('across the stop') + failed('while down')).toBeGreaterThan(0);
    expect(figures.followUps).toEqual({ tried: 1, opened: 1 });
    expectExact(figures);
  });
});

describe('when writes are slow and some fail', () => {
  it('never answers 201 for a report it did not store, never duplicates, and says 503 clearly', async () => {
    // Act: every write 50 ms late, 4 in 10 failing (half after the write was stored).
    const figures = await slowAndFailingWrites({
      ...small,
      faults: 'latency:50,errors:0.4',
      maxRetryWaitMs: 500,
    });
    // Assess
    expect(figures.injected.before).toBeGreaterThan(0);
    expect(figures.injected.after).toBeGreaterThan(0);
    expect(figures.unavailable.total).toBeGreaterThan(0);
    expect(figures.unavailable.clear).toBe(figures.unavailable.total);
    expectExact(figures);
  });

  it('keeps the hook out of the functions: nothing under functions/ imports it', () => {
    // The bundle test searches every built bundle for its names; this checks the names are the hook's.
    const hook = readFileSync(join(repoRoot, 'infra', 'local', 'store-faults.ts'), 'utf8');
    expect(hook).toContain("'HUTONG_STORE_FAULTS'");
    expect(hook).toContain("'hutongStoreFaults'");
  });
});
