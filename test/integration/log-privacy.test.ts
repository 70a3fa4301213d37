/**
 * Issue 7: report text, receipts, contacts, IP addresses and User-Agents never reach a log line,
 * from any function, on any path. anonymity.test.ts scans the tables and what the public routes
 * print; this drives EVERY route of functions/routes.ts and every job, staff ones included, on
 * their happy paths and their error paths (malformed JSON, invalid fields, a wrong receipt, bad
 * tokens, the receipt salt missing, the database unreachable), with a canary in every field and
 * header, and reads every line the process writes while it does.
 *
 * The handlers run in this process behind the local runtime's own router (real HTTP, the
 * payload 2.0 events AWS sends), so stdout and stderr here are exactly what CloudWatch would get.
 * Staff routes get their claims from a stand-in authorizer: the OpenID provider is not under test.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { allowedLogFields, powertoolsLogKeys } from '../../functions/http/log.ts';
import { metrics } from '../../functions/metrics.ts';
import { routeKey, routes, schedules } from '../../functions/routes.ts';
import { ensureContactKey } from '../../infra/local/contact-key.ts';
import { createTables, type EmbeddedDynamo, startDynamo } from '../../infra/local/dynamodb.ts';
import { localFunctionEnvironment } from '../../infra/local/function-environment.ts';
import { staffAccounts, writeStaffDirectory } from '../../infra/local/identity/accounts.ts';
import type { Authorization } from '../../infra/local/identity/authorizer.ts';
import { apiRouter, loadRoutes } from '../../infra/local/router.ts';
import { repoRoot } from '../../infra/site-build.ts';
import { pngWithMetadata, secrets } from '../support/handout-files.ts';
import { solvedProof } from '../support/proof.ts';
import { freshDataDir, scanAll } from '../support/runtime.ts';
import { sampleSession, sampleWorkshop } from '../support/workshops.ts';

// ---------------------------------------------------------------------------------------------
// Canaries: every value a person could be recognised by, each unique to this run.
const canaries = new Set<string>();
const canary = (what: string) => {
  const value = `Canary${what}${randomBytes(5).toString('hex')}`;
  canaries.add(value);
  return value;
};
const remember = (value: string) => {
  canaries.add(value);
  canaries.add(value.replaceAll(' ', ''));
  return value;
};
const sourceIp = remember(`198.51.100.${randomInt(2, 250)}`);
const forwardedFor = remember(`203.0.113.${randomInt(2, 250)}`);
const userAgent = canary('Browser/');
const digits = () => Array.from({ length: 4 }, () => String(randomInt(1000, 10000))).join(' ');
const wrongReceipt = remember(digits());
const text = (what: string) => `${canary(what)} — my neighbour's boy cries behind the door every night`;

/** Headers every request carries: a forwarded address, a User-Agent, a cookie, a receipt. */
const traceHeaders = () => ({
  'x-forwarded-for': forwardedFor,
  'x-real-ip': forwardedFor,
  'user-agent': userAgent,
  referer: `https://example.org/${canary('referer')}`,
  cookie: `session=${canary('cookie')}`,
  'x-receipt': wrongReceipt,
  'accept-language': 'en',
});

// ---------------------------------------------------------------------------------------------
// What the process writes, captured: its streams (Powertools writes there) and the console.
const lines: string[] = [];
const thrown: string[] = [];
function captureOutput() {
  let partial = '';
  const write = (chunk: unknown) => {
    partial += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts.filter(Boolean));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(write);
  vi.spyOn(process.stderr, 'write').mockImplementation(write);
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(...format(...args).split('\n'));
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The functions, behind the local router, with a stand-in authorizer.
let dynamo: EmbeddedDynamo;
let server: Server;
let url: string;
let saltFile: string;
const reached = new Set<string>();
const tokens = new Map<string, Authorization>();
const jobs = new Map<string, (event?: unknown) => Promise<unknown>>();

/** A bearer token (itself a canary) that the stand-in authorizer passes with `username`'s claims. */
function tokenFor(username: string): string {
  const account = staffAccounts.find((a) => a.username === username);
  if (!account) throw new Error(`no seeded account ${username}`);
  const token = `Bearer ${canary(`token-${username}-`)}`;
  tokens.set(token, {
    ok: true,
    authorizer: {
      jwt: {
        claims: {
          sub: account.sub,
          username: account.username,
          'cognito:groups': `[${account.roles.join(' ')}]`,
          'custom:community': account.community,
          token_use: 'access',
        },
        scopes: [],
      },
    } as never,
  });
  return token;
}

beforeAll(async () => {
  const dataDir = freshDataDir();
  dynamo = await startDynamo(0, dataDir);
  await createTables(dynamo.endpoint);
  saltFile = join(dataDir, 'receipt-salt');
  // As the local runtime sets it, but the salt is missing until the salt phase is over, and the
  // metrics are on: their lines are output too.
  Object.assign(process.env, {
    ...localFunctionEnvironment({
      dataDir,
      dynamodbEndpoint: dynamo.endpoint,
      saltFile,
      contactKey: ensureContactKey(dataDir),
    }),
    OIDC_ISSUER: 'http://localhost:1',
    OIDC_CLIENT_ID: 'console',
    STAFF_DIRECTORY: `file:${writeStaffDirectory(dataDir)}`,
    POWERTOOLS_METRICS_DISABLED: 'false',
    // Were a deployer to ask Powertools for the event and every level, still nothing leaks.
    POWERTOOLS_LOGGER_LOG_EVENT: 'true',
    POWERTOOLS_LOG_LEVEL: 'DEBUG',
  });
  captureOutput();
  // The caller's address and User-Agent as AWS puts them in the event, each a canary.
  const compiled = (await loadRoutes()).map((route) => ({
    ...route,
    handler: (event: Parameters<typeof route.handler>[0]) => {
      reached.add(event.routeKey);
      const http = { ...event.requestContext.http, sourceIp };
      return route.handler({ ...event, requestContext: { ...event.requestContext, http } });
    },
  }));
  const api = apiRouter(compiled, async (header) => tokens.get(header ?? '') ?? { ok: false });
  server = createServer((request, response) => void api(request, response));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const schedule of schedules) {
    const file = pathToFileURL(join(repoRoot, 'functions', 'handlers', `${schedule.name}.ts`)).href;
    jobs.set(
      schedule.name,
      ((await import(file)) as { handler: (event?: unknown) => Promise<unknown> }).handler,
    );
  }
});

afterAll(async () => {
  vi.restoreAllMocks();
  await new Promise((done) => server?.close(done));
  await dynamo?.stop().catch(() => undefined);
});

// ---------------------------------------------------------------------------------------------
// Requests.
async function send(
  method: string,
  path: string,
  options: {
    body?: string | Uint8Array;
    type?: string;
    token?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Response> {
  return fetch(`${url}${path}`, {
    method,
    headers: {
      ...traceHeaders(),
      ...(options.type ? { 'content-type': options.type } : {}),
      ...(options.token ? { authorization: options.token } : {}),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: options.body }),
  });
}

const json = (
  method: string,
  path: string,
  body: unknown,
  token?: string,
  headers?: Record<string, string>,
) =>
  send(method, path, {
    body: JSON.stringify(body),
    type: 'application/json',
    ...(token ? { token } : {}),
    ...(headers ? { headers } : {}),
  });

/** A path for a route with each `{param}` filled by `values`, or a canary. */
const fill = (path: string, values: Record<string, string> = {}) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? canary(name)));

/** A body with a canary in every field any route knows, some of the wrong type. */
const everyField = () => ({
  community: canary('community'),
  categories: [canary('category')],
  reporterRole: canary('role'),
  childAgeBand: canary('age'),
  immediateDanger: canary('danger'),
  description: text('description'),
  location: text('location'),
  contact: text('contact'),
  receipt: wrongReceipt,
  body: text('body'),
  altcha: canary('altcha'),
  website: canary('website'),
  action: canary('action'),
  expectedVersion: canary('version'),
  note: text('note'),
  reason: text('reason'),
  assignee: canary('assignee'),
  workshop: { title: text('title') },
  comment: text('comment'),
  [canary('unknownKey')]: text('unknown'),
  language: canary('language'),
});

/** The staff member each route's role list lets in (a lead or office in lanting, or a trainer). */
function callerFor(access: (typeof routes)[number]['access']): string | undefined {
  if (access === 'public') return undefined;
  const roles = access.roles as readonly string[];
  if (roles.includes('office')) return 'office-lanting';
  if (roles.includes('lead')) return 'lead-lanting';
  return 'trainer-lanting';
}

/**
 * Every route, as a stranger and a careless client would call it: the right caller with a canary
 * in the query, the path, and every field of a JSON body; malformed JSON; a wrong content type;
 * a staff route with an unknown token, the wrong role and another community.
 */
async function probeEveryRoute(paths: Record<string, string> = {}): Promise<void> {
  for (const route of routes) {
    const caller = callerFor(route.access);
    const token = caller ? tokenFor(caller) : undefined;
    const path = `${fill(route.path, paths)}?q=${canary('query')}&cursor=${canary('cursor')}&name=${canary('name')}`;
    const withToken = token ? { token } : {};
    if (route.method === 'GET' || route.method === 'DELETE') {
      await send(route.method, path, withToken);
    } else {
      await json(route.method, path, everyField(), token);
      await send(route.method, path, {
        body: `{"description":"${text('broken')}"`,
        type: 'application/json',
        ...withToken,
      });
      await send(route.method, path, { body: text('plain'), type: 'text/plain', ...withToken });
    }
    if (caller) {
      await send(route.method, path, { token: `Bearer ${canary('unknownToken')}` });
      await send(route.method, path, {
        token: tokenFor(caller === 'trainer-lanting' ? 'office-lanting' : 'trainer-lanting'),
      });
      await send(route.method, path, { token: tokenFor('office-wutong') });
    }
  }
}

/** Runs every job, keeping what Lambda would log of an error a job throws: its text and stack. */
async function runEveryJob(event?: unknown): Promise<void> {
  for (const [name, job] of jobs) {
    await job(event).catch((error: unknown) => {
      thrown.push(
        `${name}: ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`,
      );
    });
  }
}

const receiptIn = (textWithReceipt: string) => /\d{4} \d{4} \d{4} \d{4}/.exec(textWithReceipt)?.[0];

/** Reports, follow-ups, office work, workshops and handouts done properly, canaries in every field. */
async function workEveryRoute(): Promise<{ ref: string; workshopId: string; contactStatus: number }> {
  const report = {
    community: 'lanting',
    categories: ['physical_abuse'],
    reporterRole: 'resident',
    childAgeBand: '0-7',
    immediateDanger: true,
    description: text('description'),
    location: text('location'),
    language: 'en',
  };
  const key = remember(randomUUID());
  const headers = { 'idempotency-key': key };
  const first = await json(
    'POST',
    '/api/reports',
    { ...report, altcha: await solvedProof(url, key) },
    undefined,
    headers,
  );
  expect(first.status).toBe(201);
  const { receipt } = (await first.json()) as { receipt: string };
  remember(receipt);
  // A contact left for the office: sealed before it is stored, and never logged.
  const withContact = await json('POST', '/api/reports', {
    ...report,
    immediateDanger: false,
    contact: text('contact'),
    altcha: await solvedProof(url),
  });
  remember(receiptIn(await withContact.text()) ?? '');
  // The urgent report's alert goes out before the office acknowledges it.
  await runEveryJob();
  // The same request again: answered from the idempotency record.
  expect(
    (
      await json(
        'POST',
        '/api/reports',
        { ...report, altcha: await solvedProof(url, key) },
        undefined,
        headers,
      )
    ).status,
  ).toBe(201);
  // The honeypot, and the form without JavaScript (accepted, then refused).
  await json('POST', '/api/reports', {
    ...report,
    website: canary('website'),
    altcha: await solvedProof(url),
  });
  const form = (fields: Record<string, string>) =>
    send('POST', '/api/reports', {
      body: new URLSearchParams(fields).toString(),
      type: 'application/x-www-form-urlencoded',
    });
  const formFields = {
    ...report,
    categories: 'neglect',
    immediateDanger: 'false',
    description: text('formDescription'),
  };
  const page = await form(formFields);
  expect(page.status).toBe(201);
  remember(receiptIn(await page.text()) ?? '');
  await form({ ...formFields, description: 'short', contact: text('formContact') });
  // Following up, right and wrong.
  const followup = await json('POST', '/api/followup', {
    receipt,
    language: 'en',
    altcha: await solvedProof(url),
  });
  expect(followup.status).toBe(200);
  await json('POST', '/api/followup', {
    receipt: wrongReceipt,
    language: 'en',
    altcha: await solvedProof(url),
  });
  const message = { receipt, body: text('message'), language: 'en', altcha: await solvedProof(url) };
  expect((await json('POST', '/api/followup/messages', message)).status).toBe(201);
  await json('POST', '/api/followup/messages', {
    ...message,
    receipt: wrongReceipt,
    altcha: await solvedProof(url),
  });
  await send('GET', `/api/challenge?for=${canary('binding')}`);

  // The office: every action, and the conflicts.
  const office = tokenFor('office-lanting');
  const lead = tokenFor('lead-lanting');
  const queue = (await (await send('GET', '/api/office/reports', { token: office })).json()) as {
    items: { ref: string }[];
  };
  const ref = queue.items[0]?.ref ?? '';
  expect(ref).not.toBe('');
  const act = async (action: Record<string, unknown>, token = office) => {
    const current = (await (await send('GET', `/api/office/reports/${ref}`, { token })).json()) as {
      version: number;
    };
    return json(
      'POST',
      `/api/office/reports/${ref}/actions`,
      { expectedVersion: current.version, ...action },
      token,
    );
  };
  expect((await act({ action: 'acknowledge', priority: 'urgent' })).status).toBe(200);
  await act({ action: 'assign', assignee: 'office-lanting' });
  await act({ action: 'assign', assignee: canary('stranger') }, lead);
  await act({ action: 'note', body: text('note') });
  await act({ action: 'reply', body: text('reply') });
  await act({
    action: 'refer',
    agency: 'police',
    method: 'phone',
    on: '2026-11-01',
    contactPerson: text('contactPerson'),
    note: text('referralNote'),
  });
  await act({
    action: 'refer',
    agency: canary('agency'),
    method: 'phone',
    on: '2026-11-01',
    contactPerson: text('contactPerson'),
  });
  await act({ action: 'duplicate', of: canary('of') });
  await json(
    'POST',
    `/api/office/reports/${ref}/actions`,
    { action: 'note', expectedVersion: 999, body: text('staleNote') },
    office,
  );
  await act({ action: 'close', outcome: 'support_provided', note: text('closeNote') });
  await act({ action: 'acknowledge', priority: 'low' });
  await act({ action: 'reopen', reason: text('reopenReason') });
  await act({ action: 'close', outcome: 'support_provided', note: text('closeNote') });
  for (const path of [
    '/api/office/counts',
    '/api/office/alerts',
    '/api/office/me',
    `/api/office/reports/${ref}`,
  ])
    await send('GET', path, { token: office });
  for (const path of ['/api/office/stats', '/api/office/export.csv'])
    await send('GET', path, { token: lead });
  for (const path of ['/api/health', '/api/openapi.json', '/api/transparency', '/api/office/config'])
    await send('GET', path);

  // Workshops: a draft with canaries, saved, submitted, a handout with metadata added and removed.
  const trainer = tokenFor('trainer-lanting');
  const workshop = {
    ...sampleWorkshop('en'),
    title: canary('workshopTitle'),
    summary: text('summary'),
    facilitatorNotes: text('facilitatorNotes'),
  };
  const session = sampleSession({
    place: text('place'),
    signUp: { method: 'phone', phone: remember(`0571-${randomInt(10_000_000, 100_000_000)}`) },
  });
  const created = await json('POST', '/api/trainer/workshops', { workshop, sessions: [session] }, trainer);
  expect(created.status).toBe(201);
  const { id, version } = (await created.json()) as { id: string; version: number };
  await send('GET', '/api/trainer/workshops', { token: trainer });
  await send('GET', `/api/trainer/workshops/${id}`, { token: trainer });
  await json('PUT', `/api/trainer/workshops/${id}`, { version, workshop, sessions: [session] }, trainer);
  await json('PUT', `/api/trainer/workshops/${id}`, { version: 999, workshop, sessions: [] }, trainer);
  for (const secret of Object.values(secrets)) canaries.add(secret);
  const handout = await send(
    'POST',
    `/api/trainer/workshops/${id}/handouts?name=${canary('handoutName')}.png`,
    {
      body: pngWithMetadata(),
      type: 'image/png',
      token: trainer,
    },
  );
  const handoutId = ((await handout.json()) as { id?: string }).id ?? canary('handout');
  await send('DELETE', `/api/trainer/workshops/${id}/handouts/${handoutId}`, { token: trainer });
  await send('POST', `/api/trainer/workshops/${id}/handouts?name=${canary('junkName')}`, {
    body: text('notAFile'),
    type: 'application/pdf',
    token: trainer,
  });
  const saved = (await (await send('GET', `/api/trainer/workshops/${id}`, { token: trainer })).json()) as {
    version: number;
  };
  await json(
    'POST',
    `/api/trainer/workshops/${id}/actions`,
    { action: 'submit', version: saved.version, comment: text('submitComment') },
    trainer,
  );
  await json(
    'POST',
    `/api/trainer/workshops/${id}/actions`,
    { action: 'return', version: saved.version + 1, comment: text('returnComment') },
    tokenFor('reviewer-lanting'),
  );
  await send('GET', '/api/trainer/site-build', { token: trainer });
  return { ref, workshopId: id, contactStatus: withContact.status };
}

// ---------------------------------------------------------------------------------------------
const metricKeys = new Set<string>([
  '_aws',
  ...Object.values(metrics).flatMap((m) => ['name' in m ? m.name : '', 'dimension' in m ? m.dimension : '']),
]);
const logKeys = new Set<string>([...allowedLogFields, ...powertoolsLogKeys]);

describe('log privacy', () => {
  it('writes no report text, receipt, contact, address or User-Agent on any route or job, on any path', async () => {
    // Act 1: the salt is missing; everything that needs it fails.
    await probeEveryRoute();
    await runEveryJob();
    writeFileSync(saltFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    // Act 2: every route worked properly, then probed; every job run over what was stored,
    // retention as of a year on so the closed report goes.
    const { ref, workshopId, contactStatus } = await workEveryRoute();
    await probeEveryRoute({ ref, id: workshopId });
    await runEveryJob();
    await runEveryJob({ now: new Date(Date.now() + 400 * 86_400_000).toISOString() });
    for (const item of await scanAll(dynamo.endpoint))
      if (String(item.pk).startsWith('REPORT#')) remember(String(item.pk).slice('REPORT#'.length));
    // Act 3: the database goes away.
    await dynamo.stop();
    await probeEveryRoute({ ref, id: workshopId });
    await runEveryJob();

    // Assess: it did what it says — every route and job reached, every phase seen in the logs.
    expect([...reached].sort()).toEqual(routes.map(routeKey).sort());
    expect(jobs.size).toBe(schedules.length);
    const parsed = lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        return { unparsable: line };
      }
    });
    const logged = parsed.filter((line) => !('_aws' in line));
    expect(logged.some((line) => line.message === 'request failed')).toBe(true);
    expect(logged.some((line) => line.status === 503)).toBe(true);
    expect(logged.some((line) => line.message === 'urgent alert sent')).toBe(true);
    expect(parsed.some((line) => 'ReportsAccepted' in line)).toBe(true);
    expect(thrown.length).toBeGreaterThan(0);
    expect(contactStatus).toBe(201);
    // Assess: no canary anywhere, and nothing but allowed keys.
    const everything = [...lines, ...thrown].join('\n');
    const leaked = [...canaries].filter((value) => value && everything.includes(value));
    expect(leaked).toEqual([]);
    for (const line of parsed) {
      const allowed = '_aws' in line ? metricKeys : logKeys;
      expect(
        Object.keys(line).filter((key) => !allowed.has(key)),
        JSON.stringify(line),
      ).toEqual([]);
    }
  });
});
