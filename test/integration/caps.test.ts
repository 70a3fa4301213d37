import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/site-build.ts';
import { json } from '../support/http.ts';
import { postReport } from '../support/proof.ts';
import { freshDataDir, type SpawnedRuntime, scanAll, spawnRuntime } from '../support/runtime.ts';

// Tiny caps, so the test reaches them: 2 reports an hour per community, 3 in all, 1 by form.
const limits = { reportsPerHourPerCommunity: 2, reportsPerHour: 3, formReportsPerHourPerCommunity: 1 };

const report = {
  categories: ['online_harm'],
  reporterRole: 'parent_or_family',
  childAgeBand: '14-15',
  immediateDanger: false,
  description: 'Someone online keeps asking my daughter for photos.',
  language: 'en',
};

let runtime: SpawnedRuntime;
const acceptedKey = randomUUID();
let acceptedReceipt = '';

const reports = async () =>
  (await scanAll(runtime.dynamodbEndpoint)).filter((item) => item.type === 'report');

beforeAll(async () => {
  // The caps count per clock hour: don't start a minute before the hour turns.
  const toNextHour = 3_600_000 - (Date.now() % 3_600_000);
  if (toNextHour < 60_000) await new Promise((resolve) => setTimeout(resolve, toNextHour + 1000));
  const dataDir = freshDataDir();
  const config = JSON.parse(readFileSync(join(repoRoot, 'hutong.config.json'), 'utf8'));
  const file = join(dataDir, 'tiny-caps.json');
  writeFileSync(file, JSON.stringify({ ...config, limits }));
  runtime = await spawnRuntime({ dataDir, env: { HUTONG_CONFIG_FILE: file } });
});

afterAll(async () => {
  await runtime?.stop();
});

describe('hourly caps', () => {
  it('takes one report by form from a community, then answers the next form post with a 429 page', async () => {
    // Prepare
    const form = () =>
      fetch(`${runtime.url}/api/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          ...report,
          community: 'wutong',
          categories: 'online_harm',
          immediateDanger: 'false',
        }).toString(),
      });
    // Act
    const first = await form();
    const second = await form();
    // Assess
    expect(first.status).toBe(201);
    expect(second.status).toBe(429);
    expect(second.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await second.text()).toContain('If a child is in danger right now, call 110');
    expect(await reports()).toHaveLength(1);
  });

  it("refuses a community's report past its hourly cap with 429, Retry-After and a message about 110", async () => {
    // Prepare
    const accepted = [await postReport(runtime.url, { ...report, community: 'lanting' })];
    accepted.push(
      await postReport(runtime.url, { ...report, community: 'lanting' }, { idempotencyKey: acceptedKey }),
    );
    acceptedReceipt = (await json(accepted[1] as Response)).receipt;
    // Act
    const refused = await postReport(runtime.url, { ...report, community: 'lanting' });
    // Assess
    expect(accepted.map((r) => r.status)).toEqual([201, 201]);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await json(refused)).toEqual({
      error: 'too_many_reports',
      message:
        'Too many reports right now, please try again later. If a child is in danger right now, call 110.',
    });
    expect(await reports()).toHaveLength(3);
  });

  it('refuses past the deployment-wide cap, yet answers a retry of a report it already took', async () => {
    // Prepare: the deployment is now at its cap of 3 (one form post, two from lanting).
    const before = await reports();
    // Act
    const refused = await postReport(runtime.url, { ...report, community: 'wutong', language: 'zh-CN' });
    const retry = await postReport(
      runtime.url,
      { ...report, community: 'lanting' },
      { idempotencyKey: acceptedKey },
    );
    // Assess
    expect(refused.status).toBe(429);
    expect((await json(refused)).message).toMatch(/如果孩子现在有危险，请立即拨打 110/);
    expect(retry.status).toBe(201);
    expect((await json(retry)).receipt).toBe(acceptedReceipt);
    expect(await reports()).toHaveLength(before.length);
  });
});
