import { afterAll, describe, expect, it } from 'vitest';
import { json } from '../support/http.ts';
import { postReport } from '../support/proof.ts';
import { freshDataDir, type SpawnedRuntime, scanAll, spawnRuntime } from '../support/runtime.ts';

const report = {
  community: 'lanting',
  categories: ['physical_abuse'],
  reporterRole: 'parent_or_family',
  childAgeBand: '0-7',
  immediateDanger: false,
  description: 'My nephew has bruises on his arms again this week.',
  language: 'en',
};

let runtime: SpawnedRuntime | undefined;

afterAll(async () => {
  await runtime?.stop();
});

describe('the local runtime', () => {
  it('keeps every accepted report across a restart, and says where the data lives', async () => {
    // Prepare
    const dataDir = freshDataDir();
    runtime = await spawnRuntime({ dataDir });
    expect(runtime.output()).toContain(dataDir);
    expect(runtime.output()).toContain('npm run reset');
    const receipts: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await postReport(runtime.url, {
        ...report,
        description: `${report.description} (#${i})`,
      });
      expect(response.status).toBe(201);
      receipts.push((await json(response)).receipt);
    }
    // Act: stop as Ctrl-C would, then start again on the same data.
    const exitCode = await runtime.stop('SIGINT');
    const stoppedOutput = runtime.output();
    runtime = await spawnRuntime({ dataDir });
    // Assess
    expect(exitCode).toBe(0);
    expect(stoppedOutput).toMatch(/Stopped\. Your data is safe/);
    const stored = (await scanAll(runtime.dynamodbEndpoint)).filter((item) => item.type === 'report');
    expect(stored.map((item) => item.description).sort()).toEqual(
      [0, 1, 2, 3, 4].map((i) => `${report.description} (#${i})`),
    );
    expect(new Set(receipts).size).toBe(5);
  });

  it('serves the Chinese home page with the security headers', async () => {
    // Prepare
    runtime ??= await spawnRuntime();
    // Act
    const response = await fetch(`${runtime.url}/`);
    // Assess
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<html[^>]*lang="zh-CN"/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('redirects a page address without its trailing slash, and answers 404 for a page that does not exist', async () => {
    runtime ??= await spawnRuntime();
    const redirect = await fetch(`${runtime.url}/en`, { redirect: 'manual' });
    const missing = await fetch(`${runtime.url}/no-such-page/`);
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/en/');
    expect(missing.status).toBe(404);
  });
});
