import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { mainTable } from '../../functions/store/tables.ts';
import { localAws } from '../../infra/local/dynamodb.ts';
import { postReport } from '../support/proof.ts';
import { freshDataDir, type SpawnedRuntime, scanAll, spawnRuntime } from '../support/runtime.ts';

let runtime: SpawnedRuntime | undefined;

afterAll(async () => {
  await runtime?.stop();
});

const hour = (offsetHours: number) =>
  new Date(Date.now() + offsetHours * 3_600_000).toISOString().slice(0, 13);

describe('the purge of expired records', () => {
  it('deletes idempotency and proof records whose hour has passed, and nothing else', async () => {
    // Prepare: a report, and records that expired two hours ago or expire in two hours.
    const dataDir = freshDataDir();
    runtime = await spawnRuntime({ dataDir });
    // The purge also runs when this first runtime starts: let it finish before seeding, so only
    // the restart below can find the records (on a loaded machine it could run after the seeds).
    await expect.poll(() => runtime?.output()).toMatch(/"message":"purged expired records"/);
    const accepted = await postReport(runtime.url, {
      community: 'lanting',
      categories: ['other'],
      reporterRole: 'other',
      childAgeBand: 'unknown',
      immediateDanger: false,
      description: 'Kept while its records expire around it.',
      language: 'en',
    });
    expect(accepted.status).toBe(201);
    const table = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: runtime.dynamodbEndpoint, ...localAws }),
    );
    const seed = (pk: string, sk: string, bucket: string) =>
      table.send(new PutCommand({ TableName: mainTable.id, Item: { pk, sk, expiryBucket: bucket, ttl: 1 } }));
    await seed('IDEM#expired', 'IDEM', hour(-2));
    await seed('POW#expired', 'POW', hour(-2));
    await seed('IDEM#fresh', 'IDEM', hour(2));
    await seed('POW#fresh', 'POW', hour(2));
    table.destroy();
    // Act: the purge runs when the runtime starts, and hourly after.
    await runtime.stop();
    runtime = await spawnRuntime({ dataDir });
    const keysNow = async () =>
      (await scanAll(runtime?.dynamodbEndpoint ?? '')).map((item) =>
        String(item.pk).startsWith('REPORT#') ? 'REPORT' : String(item.pk),
      );
    await expect.poll(keysNow, { timeout: 10_000 }).not.toContain('POW#expired');
    // Assess
    const keys = await keysNow();
    expect(keys).not.toContain('IDEM#expired');
    expect(keys).not.toContain('POW#expired');
    expect(keys).toContain('IDEM#fresh');
    expect(keys).toContain('POW#fresh');
    expect(keys).toContain('REPORT');
    // The job logs once its deletes are done, which may be a moment after the poll saw them.
    await expect
      .poll(() => runtime?.output(), { timeout: 10_000 })
      .toMatch(/"message":"purged expired records".*"count":2/);
  });
});
