/**
 * The embedded DynamoDB: dynalite on LevelDB in the data directory, so data survives restarts,
 * and the tables created from the one definition in functions/store/tables.ts.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { createTableInput, tables } from '../../functions/store/tables.ts';

/** Credentials and region for talking to the embedded database; it checks neither. */
export const localAws = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

/** A running embedded database. */
export interface EmbeddedDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

/** Starts dynalite on 127.0.0.1:`port` (0 picks a free one) with its LevelDB under `dataDir`. */
export async function startDynamo(port: number, dataDir: string): Promise<EmbeddedDynamo> {
  const server: Server = dynalite({
    path: join(dataDir, 'dynamodb'),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    // dynalite's close() waits for pending writes and closes LevelDB, so nothing is lost.
    stop: () => new Promise((done, fail) => server.close((error) => (error ? fail(error) : done()))),
  };
}

/** Creates every table that does not exist yet and waits until each is active. */
export async function createTables(endpoint: string): Promise<string[]> {
  const client = new DynamoDBClient({ ...localAws, endpoint });
  try {
    const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
    const created: string[] = [];
    for (const table of tables) {
      if (!existing.has(table.id)) {
        await client.send(new CreateTableCommand(createTableInput(table, table.id)));
        created.push(table.id);
      }
      while (
        (await client.send(new DescribeTableCommand({ TableName: table.id }))).Table?.TableStatus !== 'ACTIVE'
      ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    return created;
  } finally {
    client.destroy();
  }
}
