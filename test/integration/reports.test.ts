import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, reportAcceptedSchema } from '../../functions/domain/contract.ts';
import { fingerprint, idempotencyKeys, sealReceipt } from '../../functions/domain/idempotency.ts';
import { bindingFor } from '../../functions/domain/proof-of-work.ts';
import { newReceipt } from '../../functions/domain/receipt.ts';
import { reportSchema } from '../../functions/domain/report.ts';
import { mainTable } from '../../functions/store/tables.ts';
import { localAws } from '../../infra/local/dynamodb.ts';
import { type Json, json } from '../support/http.ts';
import { postReport, solvedProof } from '../support/proof.ts';
import { type SpawnedRuntime, scanAll, spawnRuntime } from '../support/runtime.ts';

const report = {
  community: 'wutong',
  categories: ['neglect', 'emotional_abuse'],
  reporterRole: 'resident',
  childAgeBand: '8-13',
  immediateDanger: false,
  description: '楼下的孩子每天晚上都一个人在家，经常哭。',
  location: '梧桐街 8 号 3 单元',
  ongoing: 'yes',
  language: 'zh-CN',
};

let runtime: SpawnedRuntime;

/**
 * Posts as the site does: an object body gets a fresh Idempotency-Key (unless the headers carry
 * one) and a proof bound to it (unless it carries `altcha`), so a refusal is about the body.
 */
async function post(body: unknown, headers: Record<string, string> = {}) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fetch(`${runtime.url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }
  const idempotencyKey = headers['idempotency-key'] ?? randomUUID();
  return postReport(runtime.url, body as Record<string, unknown>, { idempotencyKey, headers });
}

async function reports() {
  return (await scanAll(runtime.dynamodbEndpoint)).filter((item) => item.type === 'report');
}

beforeAll(async () => {
  runtime = await spawnRuntime();
});

afterAll(async () => {
  await runtime?.stop();
});

describe('POST /api/reports', () => {
  it('accepts a valid report with 201 and a receipt, and stores it for the office', async () => {
    // Prepare
    const description = `A child is alone at night ${randomUUID()}`;
    // Act
    const response = await post({ ...report, description, language: 'en' });
    // Assess
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const body = reportAcceptedSchema.parse(await json(response));
    expect(body.status).toBe('received');
    const stored = (await reports()).find((item) => item.description === description);
    expect(stored).toMatchObject({
      community: 'wutong',
      categories: ['neglect', 'emotional_abuse'],
      status: 'new',
      urgent: false,
      version: 1,
      language: 'en',
    });
    expect(stored?.ref).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(Date.parse(String(stored?.createdAt))).toBeGreaterThan(Date.now() - 60_000);
  });

  it('never stores the receipt itself, only its hash', async () => {
    // Act
    const { receipt } = (await json(await post(report))) as { receipt: string };
    // Assess
    const everything = JSON.stringify(await scanAll(runtime.dynamodbEndpoint));
    expect(everything).not.toContain(receipt);
    expect(everything).not.toContain(receipt.replaceAll(' ', ''));
  });

  it('marks a child in danger right now as urgent', async () => {
    const response = await post({ ...report, immediateDanger: true });
    expect(await json(response)).toMatchObject({ urgent: true });
  });

  it('returns the same receipt for a retry with the same Idempotency-Key, and stores one report', async () => {
    // Prepare
    const key = randomUUID();
    const description = `Retried after the network dropped ${key}`;
    // Act
    const first = await post({ ...report, description }, { 'idempotency-key': key });
    const second = await post({ ...report, description }, { 'idempotency-key': key });
    // Assess
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect((await json(second)).receipt).toBe((await json(first)).receipt);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await reports()).filter((item) => item.description === description)).toHaveLength(1);
  });

  it('stores one report and answers one receipt when the same retry arrives five times at once', async () => {
    // Prepare
    const key = randomUUID();
    const description = `Sent again and again on a bad connection ${key}`;
    // Act
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => post({ ...report, description }, { 'idempotency-key': key })),
    );
    // Assess
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const receipts = new Set(await Promise.all(responses.map(async (r) => (await json(r)).receipt)));
    expect(receipts.size).toBe(1);
    expect((await reports()).filter((item) => item.description === description)).toHaveLength(1);
  });

  it('finishes a submission whose first attempt stopped after claiming its key, with the receipt it claimed', async () => {
    // Prepare: write only the idempotency claim, as a process killed between the two writes leaves it.
    const key = randomUUID();
    const description = `The first attempt died halfway ${key}`;
    const salt = Buffer.from(readFileSync(join(runtime.dataDir, 'receipt-salt'), 'utf8').trim(), 'utf8');
    const keys = idempotencyKeys(key, salt);
    const claimed = newReceipt();
    const body = reportSchema(['lanting', 'wutong']).parse({ ...report, description });
    const client = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: runtime.dynamodbEndpoint, ...localAws }),
    );
    await client.send(
      new PutCommand({
        TableName: mainTable.id,
        Item: {
          pk: `IDEM#${keys.name}`,
          sk: 'IDEM',
          type: 'idempotency',
          sealed: sealReceipt(claimed, keys.sealKey),
          fingerprint: fingerprint(body, keys.macKey),
        },
      }),
    );
    client.destroy();
    // Act
    const response = await post({ ...report, description }, { 'idempotency-key': key });
    // Assess
    expect(response.status).toBe(201);
    expect((await json(response)).receipt).toBe(claimed);
    expect((await reports()).filter((item) => item.description === description)).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused for a different report, and stores nothing new', async () => {
    // Prepare
    const key = randomUUID();
    await post(report, { 'idempotency-key': key });
    const before = await reports();
    // Act
    const response = await post(
      { ...report, description: 'A different concern altogether.' },
      { 'idempotency-key': key },
    );
    // Assess
    expect(response.status).toBe(422);
    expect(errorBodySchema.parse(await json(response)).error).toBe('idempotency_key_reused');
    expect(await reports()).toHaveLength(before.length);
  });

  it('refuses an Idempotency-Key that is not a UUID', async () => {
    const response = await post({ ...report, language: 'en' }, { 'idempotency-key': 'attempt-1' });
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({
      error: 'invalid_idempotency_key',
      message: 'The Idempotency-Key header must be a UUID.',
    });
  });
});

describe('POST /api/reports with bad input', () => {
  const invalid: [string, unknown][] = [
    ['invalid JSON', '{"categories": ['],
    ['an array', [report]],
    ['an unknown field', { ...report, name: 'Zhang San' }],
    ['a wrong type', { ...report, immediateDanger: 'no' }],
    ['a too-short description', { ...report, description: '  太短了  ' }],
    ['a too-long description', { ...report, description: '长'.repeat(5001) }],
    ['an unknown category', { ...report, categories: ['witchcraft'] }],
    [
      'six categories',
      { ...report, categories: ['neglect', 'bullying', 'self_harm', 'other', 'online_harm', 'child_labour'] },
    ],
    ['an unknown community', { ...report, community: 'atlantis' }],
    ['a missing required field', { ...report, reporterRole: undefined }],
    ['a too-long contact', { ...report, contact: '1'.repeat(201) }],
  ];

  it.each(invalid)('answers 400 with the error shape and writes nothing for %s', async (_, body) => {
    // Prepare
    const before = await scanAll(runtime.dynamodbEndpoint);
    // Act
    const response = await post(body);
    // Assess
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const error = errorBodySchema.parse(await json(response));
    expect(['invalid_report', 'invalid_json']).toContain(error.error);
    expect(await scanAll(runtime.dynamodbEndpoint)).toHaveLength(before.length);
  });

  it('names each problem next to its field, in the language the report asked for', async () => {
    // Act
    const english = await json(
      await post({ ...report, language: 'en', description: 'short', categories: [] }),
    );
    const chinese = await json(await post({ ...report, description: 'short', categories: [] }));
    // Assess
    expect(english.message).toMatch(/^The report could not be sent yet/);
    expect(english.issues).toEqual([
      { path: ['categories'], message: 'What you are worried about: please choose at least 1.' },
      { path: ['description'], message: 'What happened: please write at least 10 characters (you wrote 5).' },
    ]);
    expect(chinese.message).toMatch(/^报告还不能发送/);
    expect(chinese.issues[1]).toEqual({
      path: ['description'],
      message: '发生了什么：请至少写 10 个字（现在是 5 个）。',
    });
  });

  it('answers in Chinese when the language cannot be read, and in English for an English browser', async () => {
    const unreadable = await json(await post('not json'));
    const english = await json(await post('not json', { 'accept-language': 'en-US,en;q=0.9' }));
    expect(unreadable.message).toBe('请求的内容不是有效的 JSON，无法读取。');
    expect(english.message).toBe('The request body is not valid JSON, so it could not be read.');
  });

  it('answers 413 for a body over 64 KB, and writes nothing', async () => {
    const before = await scanAll(runtime.dynamodbEndpoint);
    const response = await post({ ...report, description: 'x'.repeat(70 * 1024) });
    expect(response.status).toBe(413);
    expect(errorBodySchema.parse(await json(response)).error).toBe('payload_too_large');
    expect(await scanAll(runtime.dynamodbEndpoint)).toHaveLength(before.length);
  });

  it('answers 415 for a body that is not JSON, and writes nothing', async () => {
    const before = await scanAll(runtime.dynamodbEndpoint);
    const response = await fetch(`${runtime.url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'description=hello',
    });
    expect(response.status).toBe(415);
    expect(errorBodySchema.parse(await json(response)).error).toBe('unsupported_media_type');
    expect(await scanAll(runtime.dynamodbEndpoint)).toHaveLength(before.length);
  });
});

describe('the rest of the API', () => {
  it('says it is healthy', async () => {
    const response = await fetch(`${runtime.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ status: 'ok' });
  });

  it('publishes its OpenAPI document', async () => {
    const response = await fetch(`${runtime.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const document = await json(response);
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/reports');
  });

  it('answers 404 and 405 with the error shape for what does not exist', async () => {
    const missing = await fetch(`${runtime.url}/api/nothing-here`);
    const wrongMethod = await fetch(`${runtime.url}/api/reports`);
    expect(missing.status).toBe(404);
    expect(errorBodySchema.parse(await json(missing)).error).toBe('not_found');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });
});

describe('POST /api/reports proof of work', () => {
  it('refuses a report without a proof of work, says to try again, and writes nothing', async () => {
    // Prepare
    const before = await scanAll(runtime.dynamodbEndpoint);
    // Act
    const response = await fetch(`${runtime.url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ ...report, language: 'en' }),
    });
    // Assess
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({
      error: 'proof_of_work',
      message: 'The security check failed or expired. Please send again; the page checks again by itself.',
    });
    expect(await scanAll(runtime.dynamodbEndpoint)).toHaveLength(before.length);
  });

  it('refuses a proof solved for another submission, a forged one, and garbage', async () => {
    // Prepare
    const otherKey = randomUUID();
    const proof = await solvedProof(runtime.url, otherKey);
    const forge = (change: (payload: Json) => void) => {
      const payload = JSON.parse(Buffer.from(proof, 'base64').toString('utf8'));
      change(payload);
      return Buffer.from(JSON.stringify(payload)).toString('base64');
    };
    const unsolved = forge((p) => {
      p.solution.derivedKey = p.solution.derivedKey.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    });
    const rebound = forge((p) => {
      p.challenge.parameters.data.for = bindingFor(otherKey).replace(/^./, 'A');
    });
    // Act
    const responses = [
      await postReport(runtime.url, report, { altcha: proof }),
      await postReport(runtime.url, report, { idempotencyKey: otherKey, altcha: unsolved }),
      await postReport(runtime.url, report, { idempotencyKey: otherKey, altcha: rebound }),
      await postReport(runtime.url, report, { altcha: 'not base64 json at all' }),
    ];
    // Assess
    for (const response of responses) {
      expect(response.status).toBe(400);
      expect((await json(response)).error).toBe('proof_of_work');
    }
  });

  it('accepts an unbound proof once without an Idempotency-Key, and refuses it the second time', async () => {
    // Prepare
    const proof = await solvedProof(runtime.url);
    const send = () =>
      fetch(`${runtime.url}/api/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...report, altcha: proof }),
      });
    // Act
    const first = await send();
    const second = await send();
    // Assess
    expect(first.status).toBe(201);
    expect(second.status).toBe(400);
    expect((await json(second)).error).toBe('proof_of_work');
  });
});

describe('POST /api/reports honeypot', () => {
  it('answers a filled honeypot like a success, and stores nothing', async () => {
    // Prepare
    const before = await reports();
    const description = `A bot filled every field ${randomUUID()}`;
    // Act
    const response = await post({ ...report, description, website: 'http://spam.example' });
    // Assess
    expect(response.status).toBe(201);
    expect(reportAcceptedSchema.parse(await json(response)).status).toBe('received');
    expect(await reports()).toHaveLength(before.length);
  });
});

describe('POST /api/reports as a plain HTML form (no JavaScript)', () => {
  const form = (fields: [string, string][]) =>
    fetch(`${runtime.url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  const valid: [string, string][] = [
    ['language', 'en'],
    ['community', 'lanting'],
    ['categories', 'neglect'],
    ['categories', 'bullying'],
    ['reporterRole', 'resident'],
    ['childAgeBand', '0-7'],
    ['immediateDanger', 'true'],
    ['description', ''],
    ['website', ''],
  ];

  it('stores the report and answers a page with the receipt and what to do with it', async () => {
    // Prepare
    const description = `Sent without JavaScript ${randomUUID()}`;
    // Act
    const response = await form(valid.map(([k, v]) => [k, k === 'description' ? description : v]));
    // Assess
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const page = await response.text();
    expect(page).toMatch(/<html lang="en"/);
    expect(page).toMatch(/\d{4} \d{4} \d{4} \d{4}/);
    expect(page).toContain('not even the office');
    expect(page).toContain('data-quick-exit');
    const stored = (await reports()).find((item) => item.description === description);
    expect(stored).toMatchObject({
      categories: ['neglect', 'bullying'],
      immediateDanger: true,
      urgent: true,
    });
    expect(String(stored?.hourlySk)).toContain('#form#');
  });

  it('shows the form again with the problem next to its field and every word kept, escaped', async () => {
    // Prepare
    const before = await scanAll(runtime.dynamodbEndpoint);
    const typed = '<b>x</b>';
    // Act
    const response = await form(valid.map(([k, v]) => [k, k === 'description' ? typed : v]));
    // Assess
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('What happened: please write at least 10 characters (you wrote 8).');
    expect(page).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(page).not.toContain(typed);
    expect(page).toMatch(/value="neglect"[^>]*checked/);
    expect(await scanAll(runtime.dynamodbEndpoint)).toHaveLength(before.length);
  });
});
