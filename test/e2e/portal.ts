/**
 * The whole portal for a browser test: the local runtime on free ports with a fresh data
 * directory, what its database holds, and what a browser left behind.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { BrowserContext, Page } from 'playwright-core';
import { start } from '../../infra/local/start.ts';
import { scanAll } from '../support/runtime.ts';
import { storedTraces } from './in-page.ts';

/** A running portal. */
export interface Portal {
  url: string;
  dynamodbEndpoint: string;
  stop(): Promise<void>;
}

/** Starts the local runtime on free ports with an empty, temporary data directory. */
export async function startPortal(): Promise<Portal> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hutong-e2e-'));
  const runtime = await start({ port: 0, dynamodbPort: 0, dataDir, quiet: true });
  return {
    url: runtime.url,
    dynamodbEndpoint: runtime.dynamodbEndpoint,
    async stop() {
      await runtime.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every report item in the portal's table, as the office would find it. */
export async function storedReports(endpoint: string): Promise<Record<string, unknown>[]> {
  return (await scanAll(endpoint)).filter((item) => item.type === 'report');
}

/** Records the URL of every request a browser context makes. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** What the page's origin keeps in the browser: cookies, web storage and IndexedDB databases. */
export function browserTraces(page: Page) {
  return page.evaluate(storedTraces);
}

/** The traces of a visit that left none. */
export const noTraces = { cookie: '', localStorage: 0, sessionStorage: 0, indexedDB: [] };

/** The stored report whose description is `description`, as the office would find it. */
export async function storedReport(endpoint: string, description: string): Promise<Record<string, unknown>> {
  const found = (await storedReports(endpoint)).filter((r) => r.description === description);
  if (found.length !== 1) throw new Error(`expected one report "${description}", found ${found.length}`);
  return found[0] as Record<string, unknown>;
}

/** Every message of a report's thread, oldest first, as stored. */
export async function storedMessages(endpoint: string, reportPk: string): Promise<Record<string, unknown>[]> {
  return (await scanAll(endpoint))
    .filter((item) => item.type === 'message' && item.pk === reportPk)
    .sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
}

/**
 * Writes a reply from the office into a report's thread, straight into the table, as the office
 * side will once it exists: `{ pk, sk: MSG#<iso>#<id>, type: 'message', from: 'office', … }`.
 */
export async function seedOfficeReply(endpoint: string, reportPk: string, body: string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const documents = DynamoDBDocumentClient.from(client);
  try {
    const tables = (await client.send(new ListTablesCommand({}))).TableNames ?? [];
    const sentAt = new Date().toISOString();
    for (const TableName of tables) {
      const { Item } = await documents.send(
        new GetCommand({ TableName, Key: { pk: reportPk, sk: 'REPORT' } }),
      );
      if (!Item) continue;
      await documents.send(
        new PutCommand({
          TableName,
          Item: {
            pk: reportPk,
            sk: `MSG#${sentAt}#${randomUUID()}`,
            type: 'message',
            from: 'office',
            body,
            sentAt,
          },
        }),
      );
      return;
    }
    throw new Error(`no table holds ${reportPk}`);
  } finally {
    client.destroy();
  }
}

/** Moves a report along as the office would: its status and the reporter's timeline. */
export async function seedStatus(
  endpoint: string,
  reportPk: string,
  change: { status: string; timeline: { status: string; on: string }[] },
): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const documents = DynamoDBDocumentClient.from(client);
  try {
    for (const TableName of (await client.send(new ListTablesCommand({}))).TableNames ?? []) {
      const { Item } = await documents.send(
        new GetCommand({ TableName, Key: { pk: reportPk, sk: 'REPORT' } }),
      );
      if (!Item) continue;
      const at = change.timeline.at(-1)?.on ?? '';
      await documents.send(
        new PutCommand({
          TableName,
          Item: {
            ...Item,
            status: change.status,
            statusChangedAt: `${at}T09:00:00.000Z`,
            timeline: change.timeline,
          },
        }),
      );
      return;
    }
    throw new Error(`no table holds ${reportPk}`);
  } finally {
    client.destroy();
  }
}
