/**
 * The site build's state as pure decisions: what the console sees (from the local builder's
 * files, or from the AWS build item and the CodeBuild build it names), and when the AWS starter
 * starts a build. No I/O: site-build.ts and site-build-aws.ts do that.
 */
import { type SiteBuild, type SiteBuildStep, siteBuildSteps } from '../domain/site-build.ts';

export type { SiteBuild, SiteBuildStep } from '../domain/site-build.ts';
export { siteBuildSteps } from '../domain/site-build.ts';

/** The files of the `dir:` backend, shared with the local runtime's builder. */
export const siteBuildFiles = { request: 'requested', status: 'status.json' } as const;

/** The build item: the latest request, and the build last started for one. */
export interface BuildRecord {
  requestedAt?: string;
  startedAt?: string;
  /** Absent between claiming a start and CodeBuild accepting it. */
  buildId?: string;
}

/** A build as CodeBuild's `BatchGetBuilds` describes it, as far as we read it. */
export interface CodeBuildBuild {
  id: string;
  buildStatus?: string;
  currentPhase?: string;
  /** Each phase so far, and how it ended. */
  phases?: { phaseType?: string; phaseStatus?: string }[];
  /** Epoch seconds. */
  endTime?: number;
}

/** How long a claimed start may go without a build id before another run takes it over. */
const claimMinutes = 5;

/**
 * What the starter does: `start` when a request is newer than the last start (or a start was
 * claimed and abandoned), unless a build is running; else `running` or `nothing`.
 * @example decideStart({ requestedAt: '…:05Z', startedAt: '…:01Z', buildId: 'b' }, false, now) // 'start'
 */
export function decideStart(
  record: BuildRecord,
  running: boolean,
  now: Date,
): 'start' | 'running' | 'nothing' {
  const { requestedAt, startedAt, buildId } = record;
  if (running) return 'running';
  if (startedAt && !buildId) {
    const claimedFor = now.getTime() - Date.parse(startedAt);
    if (claimedFor < claimMinutes * 60_000) return 'running';
    return 'start';
  }
  if (requestedAt && (!startedAt || requestedAt > startedAt)) return 'start';
  return 'nothing';
}

/**
 * The step a CodeBuild phase stands for. The buildspec runs `npm ci` in INSTALL (no step yet),
 * `npm run build:site` in BUILD (the export, the pages and the index: CodeBuild cannot tell them
 * apart), and the upload to the site bucket in POST_BUILD.
 */
export function stepOfPhase(phase: string | undefined): SiteBuildStep | undefined {
  if (phase === 'BUILD') return 'building';
  if (['POST_BUILD', 'UPLOAD_ARTIFACTS', 'FINALIZING', 'COMPLETED'].includes(phase ?? ''))
    return 'publishing';
  return undefined;
}

/** The console's view of a build item and the build it names (pure; see `buildStatus`). */
export function describeBuild(record: BuildRecord | undefined, build: CodeBuildBuild | undefined): SiteBuild {
  if (!record) return { state: 'idle' };
  const { requestedAt, startedAt } = record;
  const base = {
    steps: [...siteBuildSteps],
    ...(requestedAt ? { requestedAt } : {}),
    ...(startedAt ? { startedAt } : {}),
  };
  if (startedAt && (!record.buildId || build?.buildStatus === 'IN_PROGRESS')) {
    const step = stepOfPhase(build?.currentPhase);
    return { ...base, state: 'building', ...(step ? { step } : {}) };
  }
  if (requestedAt && (!startedAt || requestedAt > startedAt)) return { ...base, state: 'waiting' };
  if (!build) return { ...base, state: 'idle' };
  const finishedAt = build.endTime ? new Date(build.endTime * 1000).toISOString() : undefined;
  const ended = { ...base, ...(finishedAt ? { finishedAt } : {}) };
  if (build.buildStatus === 'SUCCEEDED') return { ...ended, state: 'succeeded' };
  const failed = build.phases?.find(
    (p) => p.phaseStatus && !['SUCCEEDED', undefined].includes(p.phaseStatus),
  );
  const phase = failed?.phaseType ?? build.currentPhase ?? 'unknown';
  const message = `CodeBuild ${build.buildStatus ?? 'failed'} in phase ${phase}`;
  const step = stepOfPhase(phase);
  return { ...ended, state: 'failed', ...(step ? { step } : {}), message };
}

/**
 * The state the console sees from the latest request and the builder's last status: a request
 * newer than the last build's start is `waiting`, unless a build is running (the builder makes
 * one more after it).
 */
export function combine(requestedAt: string | undefined, last: SiteBuild | undefined): SiteBuild {
  const newer = requestedAt !== undefined && (!last?.startedAt || requestedAt > last.startedAt);
  if (newer && last?.state !== 'building') {
    return { state: 'waiting', requestedAt, steps: [...siteBuildSteps] };
  }
  if (!last) return { state: 'idle' };
  return { ...last, ...(requestedAt ? { requestedAt } : {}), steps: [...siteBuildSteps] };
}
