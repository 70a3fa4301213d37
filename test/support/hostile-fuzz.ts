/**
 * Runs generated hostile calls at one route of a running portal and tallies what came back, for
 * the property test and the benchmark alike. Nothing a refused call sends may change the table or
 * the uploads folder: the runner sends calls in batches and compares everything stored before
 * and after each batch in which nothing that writes was accepted.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import { type Route, routeKey } from '../../functions/routes.ts';
import { type Answer, isProperRefusal } from './hostile.ts';
import { type HostileCall, sendCall } from './hostile-calls.ts';
import type { SpawnedRuntime } from './runtime.ts';

/** What one route answered to its calls. */
export interface RouteTally {
  route: string;
  cases: number;
  /** Answers by status code. */
  byStatus: Record<string, number>;
  /** Refusals (4xx or 5xx) that lacked the error shape, or a 5xx. */
  improper: number;
  serverErrors: number;
  /** Calls answered 2xx: a well-formed call that could succeed, did. */
  accepted: number;
  /** Stored items added, changed or removed by batches in which every call was refused. */
  written: number;
  /** Refused calls whose batch also had an accepted call that writes, so their writes can't be told apart. */
  unchecked: number;
  /** Up to three calls that were answered improperly, or that wrote. */
  examples: string[];
}

/** True when an accepted call to `route` writes: every change, and the audited view of a report. */
export function writesWhenAccepted(route: Pick<Route, 'method' | 'path'>): boolean {
  return route.method !== 'GET' || route.path === '/api/office/reports/{ref}';
}

/** Reads everything stored, through one client for the whole run. */
function storeReader(runtime: SpawnedRuntime) {
  const client = new DynamoDBClient({
    endpoint: runtime.dynamodbEndpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const documents = DynamoDBDocumentClient.from(client);
  return {
    /** Each table item and each uploaded file, by its key. */
    async snapshot(): Promise<Map<string, string>> {
      const stored = new Map<string, string>();
      for (const table of (await client.send(new ListTablesCommand({}))).TableNames ?? []) {
        for await (const page of paginateScan({ client: documents }, { TableName: table })) {
          for (const item of page.Items ?? [])
            stored.set(`${table}|${item.pk}|${item.sk}`, JSON.stringify(item));
        }
      }
      const uploads = join(runtime.dataDir, 'uploads');
      const files = existsSync(uploads) ? readdirSync(uploads, { recursive: true, encoding: 'utf8' }) : [];
      for (const file of files) stored.set(`file:${file}`, '');
      return stored;
    },
    close: () => client.destroy(),
  };
}

/** `work` over `items`, at most `limit` at once, answers in order. */
async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Adds one answer to the tally. */
function count(tally: RouteTally, call: HostileCall, answer: Answer): void {
  tally.cases++;
  tally.byStatus[answer.status] = (tally.byStatus[answer.status] ?? 0) + 1;
  if (answer.status >= 500) tally.serverErrors++;
  if (answer.status >= 200 && answer.status < 300) tally.accepted++;
  else if (!isProperRefusal(answer) || answer.status >= 500) {
    tally.improper++;
    if (tally.examples.length < 3) tally.examples.push(describeCall(call, answer.status));
  }
}

/** How many entries differ between two snapshots. */
function differences(before: Map<string, string>, after: Map<string, string>): number {
  let changed = 0;
  for (const [key, value] of after) if (before.get(key) !== value) changed++;
  for (const key of before.keys()) if (!after.has(key)) changed++;
  return changed;
}

const describeCall = (call: HostileCall, status: number) =>
  `${call.kind} ${call.method} ${call.path.slice(0, 60)}${call.query ? `?${call.query.slice(0, 40)}` : ''} → ${status}`;

/**
 * Sends `calls` to `route`, `inFlight` at a time (one at a time for calls that may succeed and
 * write, so their writes are theirs alone), with `token` as the bearer token on staff routes.
 */
export async function fuzzRoute(
  runtime: SpawnedRuntime,
  route: Pick<Route, 'method' | 'path'>,
  calls: HostileCall[],
  options: { token?: string; inFlight?: number } = {},
): Promise<RouteTally> {
  const tally: RouteTally = {
    route: routeKey(route),
    cases: 0,
    byStatus: {},
    improper: 0,
    serverErrors: 0,
    accepted: 0,
    written: 0,
    unchecked: 0,
    examples: [],
  };
  const writes = writesWhenAccepted(route);
  const inFlight = options.inFlight ?? 8;
  // Calls that can't succeed go in batches of many (a snapshot costs a scan); calls that may
  // succeed and write go alone, so whatever an accepted one writes is its own.
  const batches: HostileCall[][] = [];
  const together = calls.filter((call) => !(writes && call.maySucceed));
  for (let i = 0; i < together.length; i += inFlight * 8) batches.push(together.slice(i, i + inFlight * 8));
  for (const call of calls) if (writes && call.maySucceed) batches.push([call]);

  const store = storeReader(runtime);
  try {
    let before = await store.snapshot();
    for (const batch of batches) {
      const answers = await inParallel(batch, inFlight, (call) => sendCall(runtime.url, call, options.token));
      const after = await store.snapshot();
      const changed = differences(before, after);
      before = after;
      const acceptedWrites = writes && answers.some((a) => a.status >= 200 && a.status < 300);
      if (acceptedWrites)
        tally.unchecked += batch.length > 1 ? answers.filter((a) => a.status >= 300).length : 0;
      else if (changed > 0) {
        tally.written += changed;
        if (tally.examples.length < 3)
          tally.examples.push(`wrote ${changed}: ${batch.map((c) => c.kind).join(', ')}`);
      }
      for (const [i, answer] of answers.entries()) count(tally, batch[i] as HostileCall, answer);
    }
  } finally {
    store.close();
  }
  return tally;
}
