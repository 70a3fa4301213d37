import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsSchema, transparencySchema } from '../../functions/domain/office-contract.ts';
import { metrics } from '../../functions/metrics.ts';
import { mainTable } from '../../functions/store/tables.ts';
import { localAws } from '../../infra/local/dynamodb.ts';
import { type Json, json } from '../support/http.ts';
import { type StaffClient, staffClient, submitted } from '../support/office.ts';
import { solvedProof } from '../support/proof.ts';
import { type SpawnedRuntime, scanAll, spawnRuntime } from '../support/runtime.ts';

const report = {
  community: 'lanting',
  categories: ['self_harm'],
  reporterRole: 'child_friend',
  childAgeBand: '14-15',
  immediateDanger: false,
  description: 'My friend said she does not want to live any more.',
  language: 'zh-CN',
};

let runtime: SpawnedRuntime;
let lead: StaffClient;
let table: DynamoDBDocumentClient;

const alertsFor = async (ref: string) =>
  alertsSchema
    .parse(await json(await lead.get('/api/office/alerts')))
    .items.filter((item) => item.ref === ref);

/** What the latest alert-dispatch run counted as urgent and unacknowledged past its target. */
const latestUnacknowledged = () => {
  const name = metrics.urgentUnacknowledged.name;
  const counted = runtime
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes(`"${name}"`))
    .map((line) => (JSON.parse(line) as Record<string, number>)[name]);
  return counted.at(-1);
};

beforeAll(async () => {
  // Every job each second, so an alert doesn't take a minute to leave; metrics on, as in AWS.
  runtime = await spawnRuntime({
    env: { HUTONG_SCHEDULE_SECONDS: '1', POWERTOOLS_METRICS_DISABLED: 'false' },
  });
  lead = await staffClient(runtime, 'lead-lanting');
  table = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: runtime.dynamodbEndpoint, ...localAws }),
  );
});

afterAll(async () => {
  table?.destroy();
  await runtime?.stop();
});

describe('urgent alerts', () => {
  it('sends one alert for an urgent report naming only the community and the reference', async () => {
    // Act
    const { ref } = await submitted(runtime, report);
    await expect.poll(() => alertsFor(ref), { timeout: 15_000 }).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    // Assess
    const [alert] = await alertsFor(ref);
    expect(alert?.kind).toBe('alert');
    expect(alert?.message).toContain('兰亭社区');
    expect(alert?.message).toContain('Lanting Community');
    expect(alert?.message).toContain(ref);
    expect(alert?.message).not.toMatch(/live|friend|self|自伤/);
    expect(await alertsFor(ref)).toHaveLength(1);
    expect(runtime.output()).toMatch(new RegExp(`"urgent alert sent".*"ref":"${ref}"`));
    expect(runtime.output()).not.toContain('does not want to live');
  });

  it('sends no alert for a report that is not urgent', async () => {
    const { ref } = await submitted(runtime, { ...report, categories: ['bullying'] });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await alertsFor(ref)).toEqual([]);
  });

  it('reminds once when an urgent report is still unacknowledged past its target, and not after acknowledging; counts it until acknowledged', async () => {
    // Prepare: two urgent reports alerted; one acknowledged; both made overdue.
    const waiting = await submitted(runtime, report);
    const handled = await submitted(runtime, report);
    await expect
      .poll(async () => (await alertsFor(waiting.ref)).length + (await alertsFor(handled.ref)).length, {
        timeout: 15_000,
      })
      .toBe(2);
    await lead.act(handled.ref, { action: 'acknowledge', expectedVersion: 1, priority: 'urgent' });
    for (const { pk } of [waiting, handled]) {
      await table
        .send(
          new UpdateCommand({
            TableName: mainTable.id,
            Key: { pk, sk: 'REPORT' },
            UpdateExpression: 'SET alertSk = :past',
            ConditionExpression: 'attribute_exists(alertPk)',
            ExpressionAttributeValues: { ':past': '2000-01-01T00:00:00.000Z' },
          }),
        )
        .catch(() => undefined);
    }
    // Act and assess
    await expect
      .poll(async () => (await alertsFor(waiting.ref)).map((a) => a.kind).sort(), { timeout: 15_000 })
      .toEqual(['alert', 'reminder']);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await alertsFor(waiting.ref)).toHaveLength(2);
    expect((await alertsFor(handled.ref)).map((a) => a.kind)).toEqual(['alert']);
    // Reminded, it is still counted run after run, so the ops alarm holds until someone acts.
    expect(latestUnacknowledged()).toBe(1);

    // Act: the office acknowledges it.
    await lead.act(waiting.ref, { action: 'acknowledge', expectedVersion: 1, priority: 'urgent' });
    // Assess
    await expect.poll(latestUnacknowledged, { timeout: 15_000 }).toBe(0);
  });
});

describe('retention', () => {
  it('deletes closed reports past the period with everything under them, keeps a statistic, and spares the rest', async () => {
    // Prepare: one closed, one closed then updated by its reporter, one open.
    const closed = await submitted(runtime, { ...report, categories: ['neglect'] });
    const updated = await submitted(runtime, { ...report, categories: ['neglect'] });
    const open = await submitted(runtime, { ...report, categories: ['neglect'] });
    for (const { ref } of [closed, updated]) {
      await lead.act(ref, { action: 'acknowledge', expectedVersion: 1, priority: 'normal' });
      await lead.act(ref, { action: 'reply', expectedVersion: 2, body: '我们已经联系了学校。' });
      await lead.act(ref, {
        action: 'close',
        expectedVersion: 3,
        outcome: 'support_provided',
        note: 'Counsellor engaged.',
      });
    }
    await fetch(`${runtime.url}/api/followup/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        receipt: updated.receipt,
        body: '她还是不开心。',
        language: 'zh-CN',
        altcha: await solvedProof(runtime.url),
      }),
    });
    Object.assign(process.env, {
      TABLE_NAME: mainTable.id,
      DYNAMODB_ENDPOINT: runtime.dynamodbEndpoint,
      AWS_REGION: localAws.region,
      AWS_ACCESS_KEY_ID: localAws.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: localAws.credentials.secretAccessKey,
    });
    const { handler } = await import('../../functions/handlers/retention.ts');
    // Act: first on a clock inside the period, then past it.
    const early = await handler({ now: new Date(Date.now() + 100 * 86_400_000).toISOString() });
    const late = await handler({ now: new Date(Date.now() + 366 * 86_400_000).toISOString() });
    // Assess
    expect(early).toEqual({ deleted: 0, kept: 0 });
    expect(late).toEqual({ deleted: 1, kept: 1 });
    const items = await scanAll(runtime.dynamodbEndpoint);
    expect(items.filter((item) => item.pk === closed.pk)).toEqual([]);
    expect(items.some((item) => item.pk === updated.pk && item.sk === 'REPORT')).toBe(true);
    expect(items.some((item) => item.pk === open.pk && item.sk === 'REPORT')).toBe(true);
    const statistic = items.find((item) => item.type === 'statistic' && item.ref === closed.ref);
    expect(statistic).toMatchObject({
      community: 'lanting',
      categories: ['neglect'],
      childAgeBand: '14-15',
      outcome: 'support_provided',
    });
    const kept = JSON.stringify(statistic);
    for (const text of ['My friend', '联系了学校', 'Counsellor', closed.receipt])
      expect(kept).not.toContain(text);
    expect((await lead.get(`/api/office/reports/${closed.ref}`)).status).toBe(404);
  });
});

describe('transparency', () => {
  it('publishes aggregates a shared cache may keep, and never a count under 5', async () => {
    const response = await fetch(`${runtime.url}/api/transparency`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    const figures = transparencySchema.parse(await json(response));
    expect(figures.communities.map((c) => c.id)).toEqual(['lanting', 'wutong']);
    const thisMonth = figures.communities[0]?.months.at(-1) as Json;
    expect(thisMonth.month).toBe(new Date().toISOString().slice(0, 7));
    expect(typeof thisMonth.received === 'number' ? thisMonth.received : 5).toBeGreaterThanOrEqual(5);
    for (const community of figures.communities) {
      for (const month of community.months) {
        for (const count of [month.received, month.acknowledgedInTime, month.closed]) {
          if (typeof count === 'number') expect(count).toBeGreaterThanOrEqual(5);
          else expect(count).toEqual({ fewerThan: 5 });
        }
      }
    }
    expect(JSON.stringify(figures)).not.toMatch(/REPORT#|description|want to live/);
  });
});
