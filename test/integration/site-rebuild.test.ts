/**
 * Publishing rebuilds the public site on one machine, with no developer: a reviewer publishes a
 * trainer's workshop (with a handout file) through the API, and within a bounded wait the portal
 * serves its page, its file and its session in the calendar; ten publishes in a row make one
 * build. A build that fails (a published item the loader refuses) leaves the last good site
 * served, and the console sees `failed` with a short reason.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfWithMetadata } from '../support/handout-files.ts';
import type { Json } from '../support/http.ts';
import { type SpawnedRuntime, spawnRuntime } from '../support/runtime.ts';
import { type TrainerClient, trainerClient } from '../support/trainer.ts';
import { sampleSession, sampleWorkshop } from '../support/workshops.ts';

/** How long a build may take on a busy machine before the test gives up. */
const buildWait = 600_000;

let runtime: SpawnedRuntime;
let trainer: TrainerClient;
let reviewer: TrainerClient;
const workshop = sampleWorkshop('en');
const page = () => `/en/workshops/${workshop.translationKey}/`;

/** Polls until `check` answers something, or fails after `buildWait`. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  const until = Date.now() + buildWait;
  while (Date.now() < until) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`gave up waiting for ${what}:\n${runtime.output()}`);
}

/** The build's status once it has ended, covering every request made so far. */
const settled = () =>
  eventually('the build to settle', async () => {
    const { body } = await reviewer.get('/api/trainer/site-build');
    const done = ['succeeded', 'failed'].includes(body.state) && body.requestedAt <= body.startedAt;
    return done ? (body as Json) : undefined;
  });

const builds = () => (runtime.output().match(/Site rebuilt with/g) ?? []).length;

/** Asks for a build as a publish does, in this process, through the runtime's watched folder. */
async function requestSiteBuild(now: Date): Promise<void> {
  process.env.SITE_BUILD = `dir:${runtime.dataDir}/site-build`;
  const { requestSiteBuild: request } = await import('../../functions/store/site-build.ts');
  await request(now);
}

beforeAll(async () => {
  runtime = await spawnRuntime();
  trainer = await trainerClient(runtime, 'trainer-lanting');
  reviewer = await trainerClient(runtime, 'reviewer-lanting');
});

afterAll(async () => {
  await runtime?.stop();
});

describe('the site rebuilt after a publish', () => {
  it(
    'serves the published workshop, its handout file and its session within a bounded wait',
    async () => {
      // Prepare: a trainer's workshop with a session and a PDF, sent for review
      const created = await trainer.send('POST', '/api/trainer/workshops', {
        workshop,
        sessions: [sampleSession()],
      });
      const { id } = created.body;
      const pdf = await pdfWithMetadata();
      const uploaded = await fetch(
        `${runtime.url}/api/trainer/workshops/${id}/handouts?name=Route%20map.pdf`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${trainer.token}`, 'content-type': 'application/pdf' },
          body: pdf,
        },
      );
      const handout = (await uploaded.json()) as Json;
      const version = (await trainer.get(`/api/trainer/workshops/${id}`)).body.version;
      await trainer.act(id, { action: 'submit', version });
      expect((await fetch(`${runtime.url}${page()}`)).status).toBe(404);

      // Act: the reviewer publishes, and nine more publishes ask for a build straight after
      const before = builds();
      const publishedAt = Date.now();
      const published = await reviewer.act(id, { action: 'publish', version: version + 1 });
      for (let i = 0; i < 9; i++) await requestSiteBuild(new Date());
      const html = await eventually('the workshop page', async () => {
        const response = await fetch(`${runtime.url}${page()}`);
        return response.status === 200 ? response.text() : undefined;
      });
      const liveAfter = Date.now() - publishedAt;

      // Assess
      expect(published.status).toBe(200);
      expect(html).toContain(workshop.title);
      expect(html).toContain('Route map.pdf');
      const file = await fetch(`${runtime.url}${page()}files/${handout.id}.pdf`);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect((await file.arrayBuffer()).byteLength).toBe(handout.bytes);
      const calendar = await (await fetch(`${runtime.url}/workshops/calendar.ics`)).text();
      const session = published.body.sessions[0].id;
      expect(calendar).toContain(`workshop-session-${session}@hutong`);
      expect(await settled()).toMatchObject({ state: 'succeeded' });
      expect(builds()).toBe(before + 1);
      console.info(`publish → live page: ${(liveAfter / 1000).toFixed(1)} s`);
    },
    buildWait,
  );

  it(
    'keeps the last good site served, and says the build failed, when the build fails',
    async () => {
      // Prepare: a published item the loader refuses (no title), as a broken write would leave it
      const client = DynamoDBDocumentClient.from(
        new DynamoDBClient({
          endpoint: runtime.dynamodbEndpoint,
          region: 'local',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }),
      );
      const broken = { ...sampleWorkshop('en'), title: '' };
      await client.send(
        new PutCommand({
          TableName: 'reports',
          Item: {
            pk: 'WORKSHOP#broken-1',
            sk: 'WORKSHOP',
            id: 'broken-1',
            community: 'lanting',
            publishedPk: 'published',
            live: {
              workshop: broken,
              sessions: [],
              handouts: [],
              version: 1,
              publishedAt: '',
              publishedBy: '',
            },
          },
        }),
      );
      client.destroy();
      // Act
      await requestSiteBuild(new Date());
      const status = await settled();
      // Assess
      expect(status).toMatchObject({ state: 'failed', step: 'building' });
      expect(status.message).toContain('title');
      expect(status.message).not.toMatch(/\n|\s+at /);
      const still = await fetch(`${runtime.url}${page()}`);
      expect(still.status).toBe(200);
      expect(await still.text()).toContain(workshop.title);
      expect((await fetch(`${runtime.url}/en/workshops/${broken.translationKey}/`)).status).toBe(404);
      expect(runtime.output()).toContain('Site build failed; the site stays as it was.');
    },
    buildWait,
  );
});
