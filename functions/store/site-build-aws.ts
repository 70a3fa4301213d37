/**
 * The site build in AWS: the request and the last start are one item (`SITEBUILD#site` /
 * `SITEBUILD`); the `start-site-build` job starts the CodeBuild project from it, and the console
 * reads the running build's phase from CodeBuild. Touches that item and CodeBuild, nothing else.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { callAwsJson } from './aws-json.ts';
import { call, conditionally, documentClient, tableName } from './client.ts';
import type { SiteBuild, SiteBuildStep } from './site-build.ts';
import { siteBuildSteps } from './site-build.ts';
import { keyPrefixes } from './tables.ts';

const key = { pk: `${keyPrefixes.siteBuild}site`, sk: 'SITEBUILD' };
const codeBuild = { name: 'codebuild', target: 'CodeBuild_20161006' };

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

/** Records a request; a later request already recorded is kept. */
export async function recordRequest(now: Date): Promise<void> {
  await conditionally(() =>
    documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET requestedAt = :now',
        ConditionExpression: 'attribute_not_exists(requestedAt) OR requestedAt < :now',
        ExpressionAttributeValues: { ':now': now.toISOString() },
      }),
    ),
  );
}

async function readRecord(): Promise<BuildRecord | undefined> {
  const { Item } = await call(() =>
    documentClient.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true })),
  );
  return Item as BuildRecord | undefined;
}

async function describe(buildId: string | undefined): Promise<CodeBuildBuild | undefined> {
  if (!buildId) return undefined;
  const answer = await callAwsJson<{ builds?: CodeBuildBuild[] }>(codeBuild, 'BatchGetBuilds', {
    ids: [buildId],
  });
  return answer.builds?.[0];
}

/** The step a CodeBuild phase stands for: npm ci and the export before BUILD, the upload after. */
export function stepOfPhase(phase: string | undefined): SiteBuildStep {
  if (phase === 'BUILD') return 'building';
  if (['POST_BUILD', 'UPLOAD_ARTIFACTS', 'FINALIZING', 'COMPLETED'].includes(phase ?? ''))
    return 'publishing';
  return 'exporting';
}

/** The console's view of a build item and the build it names (pure; see `buildStatus`). */
export function describeBuild(record: BuildRecord | undefined, build: CodeBuildBuild | undefined): SiteBuild {
  if (!record) return { state: 'idle' };
  const { requestedAt, startedAt } = record;
  const base = {
    steps: siteBuildSteps,
    ...(requestedAt ? { requestedAt } : {}),
    ...(startedAt ? { startedAt } : {}),
  };
  if (startedAt && (!record.buildId || build?.buildStatus === 'IN_PROGRESS')) {
    return { ...base, state: 'building', step: stepOfPhase(build?.currentPhase) };
  }
  if (requestedAt && (!startedAt || requestedAt > startedAt)) return { ...base, state: 'waiting' };
  if (!build) return { ...base, state: 'idle' };
  const finishedAt = build.endTime ? new Date(build.endTime * 1000).toISOString() : undefined;
  const ended = { ...base, ...(finishedAt ? { finishedAt } : {}) };
  if (build.buildStatus === 'SUCCEEDED') return { ...ended, state: 'succeeded' };
  const phase = build.currentPhase ?? 'unknown';
  const message = `CodeBuild ${build.buildStatus ?? 'failed'} in phase ${phase}`;
  return { ...ended, state: 'failed', step: stepOfPhase(phase), message };
}

/** Where the build is, from the item and CodeBuild. */
export async function buildStatus(_project: string): Promise<SiteBuild> {
  const record = await readRecord();
  return describeBuild(record, await describe(record?.buildId));
}

/**
 * Starts the project when `decideStart` says so. The start is claimed with a conditional write
 * first, so two runs at once never start two builds; a refused start gives the claim back.
 */
export async function startRequestedBuild(project: string, now: Date): Promise<string> {
  const record = (await readRecord()) ?? {};
  const build = await describe(record.buildId);
  const decision = decideStart(record, build?.buildStatus === 'IN_PROGRESS', now);
  if (decision !== 'start') return decision;
  const startedAt = now.toISOString();
  const claimed = await conditionally(() =>
    update('SET startedAt = :now REMOVE buildId', record, { ':now': startedAt }),
  );
  if (!claimed) return 'claimed elsewhere';
  let buildId: string;
  try {
    const answer = await callAwsJson<{ build: { id: string } }>(codeBuild, 'StartBuild', {
      projectName: project,
    });
    buildId = answer.build.id;
  } catch (error) {
    const back = record.startedAt ? 'SET startedAt = :before' : 'REMOVE startedAt';
    const values = { ':now': startedAt, ...(record.startedAt ? { ':before': record.startedAt } : {}) };
    await conditionally(() => update(back, undefined, values, 'startedAt = :now'));
    throw error;
  }
  await conditionally(() =>
    update('SET buildId = :id', undefined, { ':now': startedAt, ':id': buildId }, 'startedAt = :now'),
  );
  return `started ${buildId}`;
}

/** One conditional write of the item: on the `record` read (unchanged since), or on `condition`. */
function update(
  expression: string,
  record: BuildRecord | undefined,
  values: Record<string, string>,
  condition?: string,
) {
  const expected: Record<string, string> = {};
  const clauses: string[] = [];
  if (record) {
    for (const name of ['startedAt', 'buildId'] as const) {
      const value = record[name];
      if (value) expected[`:was${name}`] = value;
      clauses.push(value ? `${name} = :was${name}` : `attribute_not_exists(${name})`);
    }
  }
  return documentClient.send(
    new UpdateCommand({
      TableName: tableName,
      Key: key,
      UpdateExpression: expression,
      ConditionExpression: condition ?? clauses.join(' AND '),
      ExpressionAttributeValues: { ...values, ...expected },
    }),
  );
}
