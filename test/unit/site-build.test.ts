/**
 * The site build's request and status as the console sees them, with the folder the local
 * runtime's builder watches, and the AWS starter's decisions from the build item and CodeBuild's
 * answer (pure: the same functions the job and the status route call).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideStart, describeBuild } from '../../functions/store/site-build-state.ts';

const folder = mkdtempSync(join(tmpdir(), 'hutong-site-build-'));
let store: typeof import('../../functions/store/site-build.ts');

beforeAll(async () => {
  process.env.SITE_BUILD = `dir:${folder}`;
  store = await import('../../functions/store/site-build.ts');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const writeStatus = (status: object) => writeFileSync(join(folder, 'status.json'), JSON.stringify(status));

describe('the site build through a watched folder', () => {
  it('is idle before anything was published, and waiting once a publish asked for a build', async () => {
    // Prepare
    const before = await store.siteBuildStatus();
    // Act
    await store.requestSiteBuild(new Date('2025-06-01T10:00:00.000Z'));
    const after = await store.siteBuildStatus();
    // Assess
    expect(before.state).toBe('idle');
    expect(after).toMatchObject({ state: 'waiting', requestedAt: '2025-06-01T10:00:00.000Z' });
    expect(readFileSync(join(folder, 'requested'), 'utf8')).toBe('2025-06-01T10:00:00.000Z');
    expect(readdirSync(folder)).toEqual(['requested']);
  });

  it('shows the step of a running build, even when another publish asked for one more', async () => {
    // Prepare
    writeStatus({ state: 'building', step: 'indexing', startedAt: '2025-06-01T10:00:02.000Z' });
    // Act
    await store.requestSiteBuild(new Date('2025-06-01T10:00:05.000Z'));
    const status = await store.siteBuildStatus();
    // Assess
    expect(status).toMatchObject({
      state: 'building',
      step: 'indexing',
      requestedAt: '2025-06-01T10:00:05.000Z',
    });
    expect(status.steps).toEqual(['exporting', 'building', 'indexing', 'publishing']);
  });

  it('is waiting again when the last build ended before the latest request, and done when it covered it', async () => {
    // Prepare
    const finished = { startedAt: '2025-06-01T10:00:02.000Z', finishedAt: '2025-06-01T10:01:00.000Z' };
    writeStatus({ state: 'succeeded', ...finished });
    const waiting = await store.siteBuildStatus();
    // Act
    writeStatus({
      state: 'failed',
      step: 'building',
      message: 'astro build failed',
      startedAt: '2025-06-01T10:01:02.000Z',
    });
    const failed = await store.siteBuildStatus();
    // Assess
    expect(waiting.state).toBe('waiting');
    expect(failed).toMatchObject({ state: 'failed', step: 'building', message: 'astro build failed' });
  });

  it('refuses a SITE_BUILD it does not know', () => {
    // Act / Assess
    expect(() => store.siteBuildBackend('s3:bucket')).toThrow(/dir:<path> or codebuild:<project>/);
    expect(store.siteBuildBackend('codebuild:hutong-site')).toEqual({
      kind: 'codebuild',
      project: 'hutong-site',
    });
  });
});

describe('starting the CodeBuild build', () => {
  const now = new Date('2025-06-01T10:10:00.000Z');

  it('starts a build for a request newer than the last start, and for the first request', () => {
    // Act / Assess
    expect(decideStart({ requestedAt: '2025-06-01T10:09:30.000Z' }, false, now)).toBe('start');
    const record = {
      requestedAt: '2025-06-01T10:09:30.000Z',
      startedAt: '2025-06-01T10:05:00.000Z',
      buildId: 'b:1',
    };
    expect(decideStart(record, false, now)).toBe('start');
  });

  it('waits while a build runs, however many requests came meanwhile', () => {
    // Act / Assess
    const record = {
      requestedAt: '2025-06-01T10:09:30.000Z',
      startedAt: '2025-06-01T10:05:00.000Z',
      buildId: 'b:1',
    };
    expect(decideStart(record, true, now)).toBe('running');
  });

  it('does nothing when the last build started after the latest request', () => {
    // Act / Assess
    const record = {
      requestedAt: '2025-06-01T10:04:00.000Z',
      startedAt: '2025-06-01T10:05:00.000Z',
      buildId: 'b:1',
    };
    expect(decideStart(record, false, now)).toBe('nothing');
    expect(decideStart({}, false, now)).toBe('nothing');
  });

  it('leaves a start another run just claimed alone, and takes over one abandoned for five minutes', () => {
    // Act / Assess
    expect(
      decideStart(
        { requestedAt: '2025-06-01T10:09:00.000Z', startedAt: '2025-06-01T10:09:50.000Z' },
        false,
        now,
      ),
    ).toBe('running');
    expect(
      decideStart(
        { requestedAt: '2025-06-01T10:00:00.000Z', startedAt: '2025-06-01T10:04:00.000Z' },
        false,
        now,
      ),
    ).toBe('start');
  });
});

describe("the console's view of the CodeBuild build", () => {
  const record = {
    requestedAt: '2025-06-01T10:00:00.000Z',
    startedAt: '2025-06-01T10:00:30.000Z',
    buildId: 'b:1',
  };

  it('shows the step of a running build from its phase', () => {
    // Act
    const view = describeBuild(record, { id: 'b:1', buildStatus: 'IN_PROGRESS', currentPhase: 'BUILD' });
    // Assess
    expect(view).toMatchObject({ state: 'building', step: 'building', startedAt: record.startedAt });
  });

  it('says a build failed, in which step, and when it ended', () => {
    // Act
    const view = describeBuild(record, {
      id: 'b:1',
      buildStatus: 'FAILED',
      currentPhase: 'COMPLETED',
      phases: [
        { phaseType: 'INSTALL', phaseStatus: 'SUCCEEDED' },
        { phaseType: 'BUILD', phaseStatus: 'FAILED' },
        { phaseType: 'POST_BUILD', phaseStatus: 'SUCCEEDED' },
      ],
      endTime: Date.parse('2025-06-01T10:04:00.000Z') / 1000,
    });
    // Assess
    expect(view).toMatchObject({ state: 'failed', step: 'building', finishedAt: '2025-06-01T10:04:00.000Z' });
    expect(view.message).toContain('BUILD');
  });

  it('is waiting when a publish came after the build that succeeded', () => {
    // Act
    const view = describeBuild(
      { ...record, requestedAt: '2025-06-01T10:05:00.000Z' },
      { id: 'b:1', buildStatus: 'SUCCEEDED', currentPhase: 'COMPLETED' },
    );
    // Assess
    expect(view.state).toBe('waiting');
    expect(describeBuild(record, { id: 'b:1', buildStatus: 'SUCCEEDED' }).state).toBe('succeeded');
    expect(describeBuild(undefined, undefined).state).toBe('idle');
  });
});
