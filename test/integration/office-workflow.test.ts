import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  conflictSchema,
  countsSchema,
  queuePageSchema,
  reportViewSchema,
} from '../../functions/domain/office-contract.ts';
import { type Json, json } from '../support/http.ts';
import { type StaffClient, staffClient, submitted } from '../support/office.ts';
import { solvedProof } from '../support/proof.ts';
import { type SpawnedRuntime, spawnRuntime } from '../support/runtime.ts';
import { auditProblems, conflictRound, type RoundOutcome } from '../support/staff-conflicts.ts';

const report = {
  community: 'wutong',
  categories: ['neglect'],
  reporterRole: 'resident',
  childAgeBand: '0-7',
  immediateDanger: false,
  description: 'Two small children are alone every evening.',
  language: 'zh-CN',
};

let runtime: SpawnedRuntime;
let office: StaffClient;

async function followUp(receipt: string): Promise<Json> {
  const response = await fetch(`${runtime.url}/api/followup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ receipt, language: 'zh-CN', altcha: await solvedProof(runtime.url) }),
  });
  return json(response);
}

beforeAll(async () => {
  runtime = await spawnRuntime();
  office = await staffClient(runtime, 'office-wutong');
});

afterAll(async () => {
  await runtime?.stop();
});

describe('working a report', () => {
  it('acknowledges, replies and refers, each recorded with who and when; the reporter reads the reply', async () => {
    // Prepare
    const { ref, receipt } = await submitted(runtime, report);
    // Act
    const acknowledged = await json(
      await office.act(ref, { action: 'acknowledge', expectedVersion: 1, priority: 'high' }),
    );
    const replied = await json(
      await office.act(ref, {
        action: 'reply',
        expectedVersion: 2,
        body: '谢谢您告诉我们，我们今天会上门看看。',
      }),
    );
    const referred = await json(
      await office.act(ref, {
        action: 'refer',
        expectedVersion: 3,
        agency: 'civil-affairs',
        method: 'phone',
        on: '2026-11-28',
        contactPerson: '王主任',
      }),
    );
    // Assess: the office's view
    const view = reportViewSchema.parse(referred);
    expect([acknowledged.status, replied.status, view.status]).toEqual(['triaged', 'triaged', 'referred']);
    expect(view.version).toBe(4);
    expect(view.priority).toBe('high');
    expect(view.acknowledgedAt).toBeDefined();
    expect(view.firstReplyAt).toBeDefined();
    expect(view.referrals).toMatchObject([
      { agency: 'civil-affairs', method: 'phone', contactPerson: '王主任', by: 'office-wutong' },
    ]);
    expect(view.audit.map((event) => event.action)).toEqual(['acknowledge', 'reply', 'refer']);
    expect(view.audit.every((event) => event.actor === 'office-wutong')).toBe(true);
    expect(view.audit[0]).toMatchObject({ from: 'new', to: 'triaged' });
    // Assess: the reporter's view
    const seen = await followUp(receipt);
    expect(seen.status).toBe('in_progress');
    expect(seen.messages).toEqual([
      { from: 'office', body: '谢谢您告诉我们，我们今天会上门看看。', sentOn: expect.any(String) },
    ]);
    expect(JSON.stringify(seen)).not.toContain('王主任');
  });

  it('records who opened a report, each time', async () => {
    const { ref } = await submitted(runtime, report);
    const first = await office.view(ref);
    const second = await office.view(ref);
    expect(first.audit.filter((event: Json) => event.action === 'viewed')).toHaveLength(1);
    expect(second.audit.filter((event: Json) => event.action === 'viewed')).toMatchObject([
      { actor: 'office-wutong' },
      { actor: 'office-wutong' },
    ]);
  });

  it('refuses a move the workflow does not allow with 409, naming the moves that are allowed', async () => {
    const { ref } = await submitted(runtime, report);
    const response = await office.act(ref, {
      action: 'refer',
      expectedVersion: 1,
      agency: 'police',
      method: 'phone',
      on: '2026-11-28',
      contactPerson: 'x',
    });
    expect(response.status).toBe(409);
    expect(conflictSchema.parse(await json(response))).toMatchObject({
      error: 'invalid_transition',
      allowed: ['triaged', 'duplicate'],
    });
  });

  it('refuses a change based on an old version with 409 and the report as it stands now', async () => {
    const { ref } = await submitted(runtime, report);
    await office.act(ref, { action: 'note', expectedVersion: 1, body: 'Called the school.' });
    const response = await office.act(ref, { action: 'acknowledge', expectedVersion: 1, priority: 'low' });
    expect(response.status).toBe(409);
    const conflict = conflictSchema.parse(await json(response));
    expect(conflict.error).toBe('stale_version');
    expect(conflict.current?.version).toBe(2);
    expect(conflict.current?.notes).toMatchObject([{ body: 'Called the school.', author: 'office-wutong' }]);
  });

  it('lets exactly one of twenty conflicting changes win in each of five rounds; the rest get 409 with the fresh state, and the audit trail tells exactly the winners’ story', async () => {
    // Prepare: two people of one office, racing on one report.
    const { ref } = await submitted(runtime, { ...report, community: 'lanting' });
    const actors = ['office-lanting', 'lead-lanting'];
    const contenders = [
      await staffClient(runtime, 'office-lanting'),
      await staffClient(runtime, 'lead-lanting'),
    ];
    // Act: each round, twenty changes based on the version the last round left.
    const rounds: RoundOutcome[] = [];
    for (let round = 0; round < 5; round++) {
      rounds.push(await conflictRound(contenders, actors, ref, round, 1 + round));
    }
    // Assess
    for (const outcome of rounds) {
      expect(outcome.byStatus).toEqual({ 200: 1, 409: 19 });
      expect(outcome.freshConflicts).toBe(19);
    }
    const view = reportViewSchema.parse(await contenders[0]?.view(ref));
    expect(
      auditProblems(
        view,
        rounds.map((outcome) => outcome.winner),
      ),
    ).toEqual([]);
    expect(view.version).toBe(6);
    expect(view.notes).toHaveLength(1);
    expect(view.messages).toHaveLength(1);
  });

  it("doesn't let an office user close a report; the reporter still sees it being handled", async () => {
    const lead = await staffClient(runtime, 'office-wutong');
    const { ref, receipt } = await submitted(runtime, report);
    await office.act(ref, { action: 'acknowledge', expectedVersion: 1, priority: 'normal' });
    // Closing is lead-only; office-wutong is not a lead, so the seeded wutong office can't.
    const refused = await lead.act(ref, { action: 'close', expectedVersion: 2, outcome: 'support_provided' });
    expect(refused.status).toBe(403);
    expect((await followUp(receipt)).status).toBe('in_progress');
  });
});

describe('the queue', () => {
  it('puts urgent reports first, then the oldest, and shows counts per status', async () => {
    // Prepare
    const calm = await submitted(runtime, report);
    const urgent = await submitted(runtime, { ...report, immediateDanger: true });
    // Act
    const page = queuePageSchema.parse(await json(await office.get('/api/office/reports?limit=100')));
    const counts = countsSchema.parse(await json(await office.get('/api/office/counts')));
    // Assess
    const refs = page.items.map((item) => item.ref);
    expect(refs.indexOf(urgent.ref)).toBeLessThan(refs.indexOf(calm.ref));
    const urgentFirst = page.items.findIndex((item) => !item.urgent && !item.priority);
    expect(
      page.items
        .slice(0, urgentFirst)
        .every((item) => item.urgent || item.priority === 'urgent' || item.priority === 'high'),
    ).toBe(true);
    expect(counts.new).toBeGreaterThanOrEqual(2);
    expect(page.items.find((item) => item.ref === urgent.ref)?.sla.acknowledge.state).toBe('due');
  });

  it('filters by status, category and age band, and pages with an opaque cursor it can tell was tampered with', async () => {
    await submitted(runtime, { ...report, categories: ['bullying'], childAgeBand: '14-15' });
    const bullying = await json(await office.get('/api/office/reports?category=bullying&ageBand=14-15'));
    expect(bullying.items.length).toBeGreaterThan(0);
    expect(
      bullying.items.every(
        (item: Json) => item.categories.includes('bullying') && item.childAgeBand === '14-15',
      ),
    ).toBe(true);
    const triaged = await json(await office.get('/api/office/reports?status=triaged'));
    expect(triaged.items.every((item: Json) => item.status === 'triaged')).toBe(true);
    const first = await json(await office.get('/api/office/reports?limit=1'));
    expect(first.cursor).toBeDefined();
    const second = await json(await office.get(`/api/office/reports?limit=1&cursor=${first.cursor}`));
    expect(second.items[0].ref).not.toBe(first.items[0].ref);
    const forged = Buffer.from(
      JSON.stringify({ queuePk: 'lanting', queueSk: '0#', pk: 'x', sk: 'REPORT' }),
    ).toString('base64url');
    expect((await office.get(`/api/office/reports?cursor=${forged}`)).status).toBe(400);
    expect((await office.get('/api/office/reports?status=lost')).status).toBe(400);
  });

  it('shows when the reporter added information', async () => {
    const { ref, receipt } = await submitted(runtime, report);
    const sent = await fetch(`${runtime.url}/api/followup/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        receipt,
        body: '今天晚上又是这样。',
        language: 'zh-CN',
        altcha: await solvedProof(runtime.url),
      }),
    });
    expect(sent.status).toBe(201);
    const row = (await json(await office.get('/api/office/reports?limit=100'))).items.find(
      (item: Json) => item.ref === ref,
    );
    expect(row.reporterUpdatedAt).toBeDefined();
    expect((await office.view(ref)).messages).toMatchObject([
      { from: 'reporter', body: '今天晚上又是这样。' },
    ]);
  });
});
