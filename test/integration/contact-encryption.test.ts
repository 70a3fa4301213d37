/**
 * Issue 7: a contact the reporter leaves is sealed before it reaches the table. Someone who can
 * read the whole table finds it nowhere; staff of the report's community read it in the office
 * view; the reporter never gets it back through follow-up; a restart keeps it readable.
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportViewSchema } from '../../functions/domain/office-contract.ts';
import { json } from '../support/http.ts';
import { type StaffClient, staffClient, submitted } from '../support/office.ts';
import { postReport, solvedProof } from '../support/proof.ts';
import { type SpawnedRuntime, scanAll, spawnRuntime } from '../support/runtime.ts';

const report = {
  community: 'wutong',
  categories: ['neglect'],
  reporterRole: 'parent_or_family',
  childAgeBand: '8-13',
  immediateDanger: false,
  description: 'The boy next door is locked out every evening.',
  language: 'zh-CN',
};

let runtime: SpawnedRuntime;
let office: StaffClient;

/** A contact no other text in the table could contain by chance. */
const newContact = () => `微信 wx-${randomUUID().slice(0, 8)} 电话 138${String(Date.now()).slice(-8)}`;

/** Every string and byte string anywhere in the table, however deeply nested. */
async function everyStoredValue(): Promise<(string | Uint8Array)[]> {
  const values: (string | Uint8Array)[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string' || value instanceof Uint8Array) values.push(value);
    else if (value instanceof Set || Array.isArray(value)) for (const v of value) walk(v);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk([k, v]);
  };
  walk(await scanAll(runtime.dynamodbEndpoint));
  return values;
}

/** True when any stored value holds `text`, as characters or as UTF-8 bytes. */
async function tableHolds(text: string): Promise<boolean> {
  const bytes = Buffer.from(text, 'utf8');
  return (await everyStoredValue()).some((value) =>
    typeof value === 'string' ? value.includes(text) : Buffer.from(value).includes(bytes),
  );
}

async function followUp(receipt: string) {
  const response = await fetch(`${runtime.url}/api/followup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipt, language: 'zh-CN', altcha: await solvedProof(runtime.url) }),
  });
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  runtime = await spawnRuntime();
  office = await staffClient(runtime, 'office-wutong');
});

afterAll(async () => {
  await runtime?.stop();
});

describe('a contact left with a report', () => {
  it('is stored only sealed: no item in the table holds it, nor its phone number', async () => {
    // Prepare
    const contact = newContact();
    // Act
    const { pk } = await submitted(runtime, { ...report, contact });
    // Assess: the scan does see the report's own text, but not its contact
    expect(await tableHolds(report.description)).toBe(true);
    expect(await tableHolds(contact)).toBe(false);
    expect(await tableHolds(contact.slice(-11))).toBe(false);
    const stored = (await scanAll(runtime.dynamodbEndpoint)).find(
      (item) => item.pk === pk && item.sk === 'REPORT',
    );
    expect(stored?.sealedContact).toMatch(/^esdk1:[A-Za-z0-9+/]+=*$/);
    expect(stored).not.toHaveProperty('contact');
  });

  it('is stored only sealed when sent from the form without JavaScript too', async () => {
    // Prepare
    const contact = newContact();
    const fields = new URLSearchParams([
      ['language', 'en'],
      ['community', 'lanting'],
      ['categories', 'bullying'],
      ['reporterRole', 'child_friend'],
      ['childAgeBand', '8-13'],
      ['description', 'My friend is hit by older boys after school.'],
      ['contact', contact],
      ['website', ''],
    ]);
    // Act
    const response = await fetch(`${runtime.url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: fields.toString(),
    });
    // Assess
    expect(response.status).toBe(201);
    expect(await tableHolds(contact)).toBe(false);
  });

  it('reads in clear in the office view and in an action answer, for staff of its community', async () => {
    // Prepare
    const contact = newContact();
    const { ref } = await submitted(runtime, { ...report, contact });
    // Act
    const view = reportViewSchema.parse(await office.view(ref));
    const acted = reportViewSchema.parse(
      await json(await office.act(ref, { action: 'acknowledge', expectedVersion: 1, priority: 'normal' })),
    );
    const elsewhere = await (await staffClient(runtime, 'office-lanting')).get(`/api/office/reports/${ref}`);
    // Assess
    expect(view.contact).toBe(contact);
    expect(acted.contact).toBe(contact);
    expect(elsewhere.status).toBe(404);
  });

  it('never comes back to the reporter through follow-up, nor after adding a message', async () => {
    // Prepare
    const contact = newContact();
    const { receipt } = await submitted(runtime, { ...report, contact });
    // Act
    const before = await followUp(receipt);
    const message = await fetch(`${runtime.url}/api/followup/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        receipt,
        body: 'He was outside again tonight.',
        language: 'zh-CN',
        altcha: await solvedProof(runtime.url),
      }),
    });
    const after = await followUp(receipt);
    // Assess
    expect(before.status).toBe(200);
    expect(message.status).toBeLessThan(300);
    for (const text of [before.text, await message.text(), after.text]) {
      expect(text).not.toContain(contact.slice(-11));
      expect(text).not.toContain('esdk1:');
    }
  });

  it('is sealed once when the same submission is retried: the same receipt, one report', async () => {
    // Prepare
    const contact = newContact();
    const description = `Retried after a timeout (${randomUUID().slice(0, 8)})`;
    const body = { ...report, description, contact };
    const idempotencyKey = randomUUID();
    // Act
    const first = await json(await postReport(runtime.url, body, { idempotencyKey }));
    const retry = await postReport(runtime.url, body, { idempotencyKey });
    // Assess
    expect(retry.status).toBe(201);
    expect((await json(retry)).receipt).toBe(first.receipt);
    const stored = (await scanAll(runtime.dynamodbEndpoint)).filter(
      (item) => item.description === description,
    );
    expect(stored).toHaveLength(1);
    expect(await tableHolds(contact)).toBe(false);
  });
});

describe('the local contact key', () => {
  it('lives in the data directory, readable by its owner only, and opens contacts after a restart', async () => {
    // Prepare
    const contact = newContact();
    const { ref } = await submitted(runtime, { ...report, contact });
    // Act
    await runtime.stop();
    runtime = await spawnRuntime({ dataDir: runtime.dataDir });
    office = await staffClient(runtime, 'office-wutong');
    const view = reportViewSchema.parse(await office.view(ref));
    // Assess
    expect(statSync(join(runtime.dataDir, 'contact-key')).mode & 0o777).toBe(0o600);
    expect(view.contact).toBe(contact);
  });
});
