import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, followupSchema, messageAcceptedSchema } from '../../functions/domain/contract.ts';
import { mainTable } from '../../functions/store/tables.ts';
import { localAws } from '../../infra/local/dynamodb.ts';
import { json } from '../support/http.ts';
import { postReport, solvedProof } from '../support/proof.ts';
import { type SpawnedRuntime, scanAll, spawnRuntime } from '../support/runtime.ts';

const report = {
  community: 'wutong',
  categories: ['neglect'],
  reporterRole: 'resident',
  childAgeBand: '0-7',
  immediateDanger: false,
  description: 'A toddler is often alone on the balcony.',
  language: 'en',
};

let runtime: SpawnedRuntime;
let table: DynamoDBDocumentClient;

/** Sends a report and returns its receipt and its stored item's key. */
async function reported(description = `${report.description} ${randomUUID()}`) {
  const response = await postReport(runtime.url, { ...report, description });
  const { receipt } = (await json(response)) as { receipt: string };
  const item = (await scanAll(runtime.dynamodbEndpoint)).find((i) => i.description === description);
  return { receipt, pk: String(item?.pk) };
}

async function followUp(receipt: string, language = 'en', altcha?: string) {
  return fetch(`${runtime.url}/api/followup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipt, language, altcha: altcha ?? (await solvedProof(runtime.url)) }),
  });
}

async function sendMessage(receipt: string, body: string, altcha?: string) {
  return fetch(`${runtime.url}/api/followup/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      receipt,
      body,
      language: 'en',
      altcha: altcha ?? (await solvedProof(runtime.url)),
    }),
  });
}

beforeAll(async () => {
  runtime = await spawnRuntime();
  table = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: runtime.dynamodbEndpoint, ...localAws }),
  );
});

afterAll(async () => {
  table?.destroy();
  await runtime?.stop();
});

describe('POST /api/followup', () => {
  it('opens a report with its receipt however it is typed, and shows it received today', async () => {
    // Prepare
    const { receipt } = await reported();
    const today = new Date().toISOString().slice(0, 10);
    // Act
    const typed = [receipt, receipt.replaceAll(' ', ''), receipt.replaceAll(' ', '-')];
    const answers = await Promise.all(typed.map((r) => followUp(r)));
    // Assess
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(followupSchema.parse(await json(answer))).toEqual({
        status: 'received',
        statusChangedOn: today,
        timeline: [{ status: 'received', on: today }],
        messages: [],
      });
    }
  });

  it("shows the office's replies, and nothing of its internal notes or working fields", async () => {
    // Prepare: the office replies, notes, assigns and refers, as its console will.
    const { receipt, pk } = await reported();
    const sentAt = new Date().toISOString();
    await table.send(
      new PutCommand({
        TableName: mainTable.id,
        Item: {
          pk,
          sk: `MSG#${sentAt}#office1`,
          type: 'message',
          from: 'office',
          body: 'Thank you. We visited today.',
          sentAt,
        },
      }),
    );
    await table.send(
      new PutCommand({
        TableName: mainTable.id,
        Item: {
          pk,
          sk: `NOTE#${sentAt}#n1`,
          type: 'note',
          body: 'INTERNAL: neighbour on floor 3 is the caller',
          sentAt,
        },
      }),
    );
    await table.send(
      new UpdateCommand({
        TableName: mainTable.id,
        Key: { pk, sk: 'REPORT' },
        UpdateExpression:
          'SET #status = :s, assignedTo = :a, referrals = :r, timeline = list_append(timeline, :t)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':s': 'referred',
          ':a': 'office-a@lanting',
          ':r': [{ agency: 'police', contact: 'Officer Wang' }],
          ':t': [{ status: 'in_progress', on: sentAt.slice(0, 10) }],
        },
      }),
    );
    // Act
    const answer = await json(await followUp(receipt));
    // Assess
    expect(answer.status).toBe('in_progress');
    expect(answer.messages).toEqual([
      { from: 'office', body: 'Thank you. We visited today.', sentOn: sentAt.slice(0, 10) },
    ]);
    expect(answer.timeline.map((entry: { status: string }) => entry.status)).toEqual([
      'received',
      'in_progress',
    ]);
    const text = JSON.stringify(answer);
    for (const secret of [
      'INTERNAL',
      'office-a@lanting',
      'Officer Wang',
      'police',
      'referred',
      'ref',
      'urgent',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("answers a wrong receipt exactly as one that never existed, in the reporter's language", async () => {
    // Prepare
    const { receipt } = await reported();
    const wrong = receipt.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    // Act
    const first = await followUp(wrong);
    const second = await followUp('0000 0000 0000 0000');
    const chinese = await followUp('0000 0000 0000 0000', 'zh-CN');
    // Assess
    expect(first.status).toBe(404);
    expect(second.status).toBe(404);
    const body = await json(first);
    expect(await json(second)).toEqual(body);
    expect(body).toEqual({
      error: 'receipt_not_found',
      message: 'No report was found for this receipt. Please check the 16 digits and try again.',
    });
    expect(errorBodySchema.parse(await json(chinese)).message).toMatch(/没有找到/);
  });

  it('asks for the 16 digits when what was typed cannot be a receipt', async () => {
    const response = await followUp('1234 5678');
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error).toBe('invalid_request');
    expect(body.issues).toEqual([
      {
        path: ['receipt'],
        message: 'Receipt number: please type the 16 digits of your receipt; spaces are fine.',
      },
    ]);
  });

  it('refuses a follow-up without a proof of work', async () => {
    const { receipt } = await reported();
    const response = await fetch(`${runtime.url}/api/followup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receipt, language: 'en' }),
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error).toBe('proof_of_work');
  });
});

describe('POST /api/followup/messages', () => {
  it("adds the reporter's message to the thread and shows the report as updated to the office", async () => {
    // Prepare
    const { receipt, pk } = await reported();
    const before = (await scanAll(runtime.dynamodbEndpoint)).find((i) => i.pk === pk && i.sk === 'REPORT');
    // Act
    const response = await sendMessage(receipt, 'He was alone again last night until midnight.');
    // Assess
    expect(response.status).toBe(201);
    expect(messageAcceptedSchema.parse(await json(response)).status).toBe('sent');
    const thread = (await json(await followUp(receipt))).messages;
    expect(thread).toEqual([
      {
        from: 'reporter',
        body: 'He was alone again last night until midnight.',
        sentOn: new Date().toISOString().slice(0, 10),
      },
    ]);
    const after = (await scanAll(runtime.dynamodbEndpoint)).find((i) => i.pk === pk && i.sk === 'REPORT');
    expect(after?.reporterUpdatedAt).toBeDefined();
    expect(after?.version).toBe(before?.version);
  });

  it('adds a message once when it is retried with the same proof, and refuses the proof for another message', async () => {
    // Prepare
    const { receipt } = await reported();
    const proof = await solvedProof(runtime.url);
    // Act
    const first = await sendMessage(receipt, 'The lights were off all evening.', proof);
    const retry = await sendMessage(receipt, 'The lights were off all evening.', proof);
    const reused = await sendMessage(receipt, 'Something else entirely.', proof);
    // Assess
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(reused.status).toBe(400);
    expect((await json(reused)).error).toBe('proof_of_work');
    expect((await json(await followUp(receipt))).messages).toHaveLength(1);
  });

  it('refuses an empty or too long message, and a message for a receipt that opens nothing', async () => {
    const { receipt } = await reported();
    const empty = await sendMessage(receipt, '   ');
    const long = await sendMessage(receipt, '长'.repeat(5001));
    const nowhere = await sendMessage('0000 0000 0000 0001', 'Hello?');
    expect(empty.status).toBe(400);
    expect(long.status).toBe(400);
    expect(nowhere.status).toBe(404);
    expect((await json(await followUp(receipt))).messages).toEqual([]);
  });
});
