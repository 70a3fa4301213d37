/**
 * The embedded database (dynalite 4.0.0 on LevelDB) closes every LevelDB iterator a read opens.
 * dynalite closed them through `iterator.return()`, which abstract-level iterators don't have, so
 * each query, scan and read kept one open until the database closed: about 1 KB a query, and a
 * runtime left running grew without end. `infra/local/patches/dynalite+4.0.0.patch` closes them.
 */
import { createRequire } from 'node:module';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainTable } from '../../functions/store/tables.ts';
import { createTables, type EmbeddedDynamo, localAws, startDynamo } from '../../infra/local/dynamodb.ts';
import { freshDataDir } from '../support/runtime.ts';

/** abstract-level, as dynalite loads it: every LevelDB iterator attaches itself until closed. */
const { AbstractLevel } = createRequire(createRequire(import.meta.url).resolve('dynalite'))(
  'abstract-level',
) as { AbstractLevel: { prototype: Record<'attachResource' | 'detachResource', (r: object) => void> } };

const open = new Set<object>();
const { attachResource, detachResource } = AbstractLevel.prototype;

let dynamo: EmbeddedDynamo;
let table: DynamoDBDocumentClient;

beforeAll(async () => {
  AbstractLevel.prototype.attachResource = function (resource) {
    open.add(resource);
    attachResource.call(this, resource);
  };
  AbstractLevel.prototype.detachResource = function (resource) {
    open.delete(resource);
    detachResource.call(this, resource);
  };
  dynamo = await startDynamo(0, freshDataDir());
  await createTables(dynamo.endpoint);
  table = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: dynamo.endpoint, ...localAws }));
  for (let n = 0; n < 5; n += 1) {
    await table.send(
      new PutCommand({
        TableName: mainTable.id,
        Item: { pk: 'PROBE#1', sk: `ITEM#${n}`, alertPk: 'reminded', alertSk: `2026-11-29T00:00:0${n}Z` },
      }),
    );
  }
});

afterAll(async () => {
  table?.destroy();
  await dynamo?.stop();
  Object.assign(AbstractLevel.prototype, { attachResource, detachResource });
});

describe('the embedded database', () => {
  it.each<[string, Omit<QueryCommandInput, 'TableName'>]>([
    ['a query read to its end', { KeyConditionExpression: 'pk = :pk' }],
    ['a query stopped by its limit', { KeyConditionExpression: 'pk = :pk', Limit: 2 }],
    ['a count', { KeyConditionExpression: 'pk = :pk', Select: 'COUNT' }],
    ['a query on an index', { IndexName: 'alerts', KeyConditionExpression: 'alertPk = :pk' }],
  ])('leaves no LevelDB iterator open after %s', async (_, query) => {
    // Prepare
    const pk = query.IndexName ? 'reminded' : 'PROBE#1';
    // Act
    const answer = await table.send(
      new QueryCommand({ TableName: mainTable.id, ExpressionAttributeValues: { ':pk': pk }, ...query }),
    );
    // Assess: it read what was there, and let go of what it read with.
    expect(answer.Count).toBe(query.Limit ?? 5);
    await expect.poll(() => open.size).toBe(0);
  });

  it('leaves no LevelDB iterator open after scans and reads, however many', async () => {
    // Act
    for (let n = 0; n < 50; n += 1) {
      await table.send(new ScanCommand({ TableName: mainTable.id, Limit: 3 }));
      await table.send(new GetCommand({ TableName: mainTable.id, Key: { pk: 'PROBE#1', sk: 'ITEM#0' } }));
    }
    // Assess
    await expect.poll(() => open.size).toBe(0);
  });
});
