/**
 * The site build in AWS: the request and the last start are one item (`SITEBUILD#site` /
 * `SITEBUILD`); the `start-site-build` job starts the CodeBuild project from it, and the console
 * reads the running build's phase from CodeBuild. Touches that item and CodeBuild, nothing else.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { callAwsJson } from './aws-json.ts';
import { call, conditionally, documentClient, tableName } from './client.ts';
import {
  type BuildRecord,
  type CodeBuildBuild,
  decideStart,
  describeBuild,
  type SiteBuild,
} from './site-build-state.ts';
import { keyPrefixes } from './tables.ts';

const key = { pk: `${keyPrefixes.siteBuild}site`, sk: 'SITEBUILD' };
const codeBuild = { name: 'codebuild', target: 'CodeBuild_20161006' };

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
