/**
 * Office users working the queue while reports arrive, as they do in the console: list the new
 * reports, open one, acknowledge it, reply to the reporter. Each signs in through the local
 * OpenID provider as a seeded account, and each call is timed.
 */
import { json } from '../test/support/http.ts';
import { type StaffClient, staffClient } from '../test/support/office.ts';
import type { StaffRuntime } from '../test/support/staff.ts';

/** The console's operations the users perform. */
export type OfficeOperation = 'list' | 'open' | 'acknowledge' | 'reply';

/** One timed call. */
export interface OfficeCall {
  operation: OfficeOperation;
  ms: number;
  status: number;
}

/** The seeded accounts who may work reports, by community (README, "seeded accounts"). */
const accounts = [
  { username: 'office-lanting', community: 'lanting' },
  { username: 'office-wutong', community: 'wutong' },
  { username: 'lead-lanting', community: 'lanting' },
] as const;

/** A user's seat: who they sign in as and which of the new reports they take. */
export interface OfficeSeat {
  client: StaffClient;
  /** Users of one community take different rows of the list, as colleagues would. */
  row: number;
}

/** Signs in `users` sessions, spread over the seeded accounts. */
export async function signInOffice(runtime: StaffRuntime, users: number): Promise<OfficeSeat[]> {
  const rows = new Map<string, number>();
  const seats: OfficeSeat[] = [];
  for (let i = 0; i < users; i++) {
    const account = accounts[i % accounts.length] as (typeof accounts)[number];
    const row = rows.get(account.community) ?? 0;
    rows.set(account.community, row + 1);
    seats.push({ client: await staffClient(runtime, account.username), row });
  }
  return seats;
}

async function timed<T>(
  calls: OfficeCall[],
  operation: OfficeOperation,
  request: () => Promise<Response>,
): Promise<{ status: number; body: T }> {
  const started = performance.now();
  const response = await request();
  const body = (await json(response).catch(() => ({}))) as T;
  calls.push({ operation, ms: performance.now() - started, status: response.status });
  return { status: response.status, body };
}

/** One user's loop until `done()`: list, open, acknowledge, reply; a short pause when the list is empty. */
async function work(seat: OfficeSeat, done: () => boolean, calls: OfficeCall[]): Promise<void> {
  const { client, row } = seat;
  while (!done()) {
    const list = await timed<{ items?: { ref: string }[] }>(calls, 'list', () =>
      client.get('/api/office/reports?status=new&limit=25'),
    );
    const items = list.body.items ?? [];
    const ref = items[row % Math.max(items.length, 1)]?.ref;
    if (!ref) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    const opened = await timed<{ version?: number; status?: string; urgent?: boolean }>(calls, 'open', () =>
      client.get(`/api/office/reports/${encodeURIComponent(ref)}`),
    );
    // A colleague may have taken it since the list was read: the console would show it as theirs.
    if (opened.status !== 200 || opened.body.status !== 'new') continue;
    const acknowledged = await timed<{ version?: number }>(calls, 'acknowledge', () =>
      client.act(ref, {
        action: 'acknowledge',
        expectedVersion: opened.body.version,
        priority: opened.body.urgent ? 'urgent' : 'normal',
      }),
    );
    if (acknowledged.status !== 200) continue;
    await timed(calls, 'reply', () =>
      client.act(ref, {
        action: 'reply',
        expectedVersion: acknowledged.body.version,
        body: '谢谢您告诉我们。我们已经收到，今天会跟进。',
      }),
    );
  }
}

/** Runs every seat's loop until `done()` and returns every timed call. */
export async function runOffice(seats: readonly OfficeSeat[], done: () => boolean): Promise<OfficeCall[]> {
  const calls: OfficeCall[] = [];
  await Promise.all(seats.map((seat) => work(seat, done, calls)));
  return calls;
}
