/**
 * The whole portal for a browser test: the local runtime on free ports with a fresh data
 * directory, what its database holds, and what a browser left behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
