/**
 * The review of trainers' workshops over real HTTP with real tokens (docs/workshop-publishing.md):
 * the whole path from draft to the public site and back, who may take which step, and what is
 * refused, in the caller's language, with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  workshopConflictSchema,
  workshopListSchema,
  workshopViewSchema,
} from '../../functions/domain/workshop-contract.ts';
import type { Json } from '../support/http.ts';
import { type SpawnedRuntime, scanAll, spawnRuntime } from '../support/runtime.ts';
import { withClaims } from '../support/staff.ts';
import { type TrainerClient, trainerClient, trainerClientWith } from '../support/trainer.ts';
import { sampleSession, sampleWorkshop } from '../support/workshops.ts';

const workshops = '/api/trainer/workshops';

let runtime: SpawnedRuntime;
let trainer: TrainerClient;
let reviewer: TrainerClient;
/** Holds both roles, in Lanting, under a name of their own. */
let both: TrainerClient;

/** The workshop's item in the table, as the site build and the console's list read it. */
async function stored(id: string): Promise<Json> {
  return (await scanAll(runtime.dynamodbEndpoint)).find(
    (item) => item.pk === `WORKSHOP#${id}` && item.sk === 'WORKSHOP',
  );
}

/** A new draft by the trainer, with one session. */
async function draft(workshop = sampleWorkshop()): Promise<Json> {
  const created = await trainer.send('POST', workshops, { workshop, sessions: [sampleSession()] });
  expect(created.status).toBe(201);
  return created.body;
}

beforeAll(async () => {
  runtime = await spawnRuntime();
  trainer = await trainerClient(runtime, 'trainer-lanting');
  reviewer = await trainerClient(runtime, 'reviewer-lanting');
  both = trainerClientWith(
    runtime,
    await withClaims(runtime, trainer.token, {
      username: 'zhang-both',
      'cognito:groups': ['trainer', 'reviewer'],
    }),
  );
});

afterAll(async () => {
  await runtime?.stop();
});

describe('a workshop from draft to the public site and back', () => {
  it('is submitted, sent back with a comment, fixed, published, edited while live and unpublished, every step audited', async () => {
    // Prepare: a draft with a session that has no id yet
    const workshop = sampleWorkshop('zh-CN');
    const created = await trainer.send('POST', workshops, { workshop, sessions: [sampleSession()] });
    expect(created.status).toBe(201);
    const view = workshopViewSchema.parse(created.body);
    expect(view).toMatchObject({ status: 'draft', version: 1, editors: ['trainer-lanting'], live: null });
    expect(view.sessions).toEqual([
      {
        ...sampleSession(),
        workshop: workshop.translationKey,
        id: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
      },
    ]);
    const { id } = view;
    const sessionId = view.sessions[0]?.id;

    // Act: submit, send back, fix, submit, publish
    const submitted = await trainer.act(id, { action: 'submit', version: 1 });
    const returned = await reviewer.act(id, {
      action: 'return',
      version: 2,
      comment: '安全提示里请写上社区办公室的电话。',
    });
    const fixed = await trainer.send('PUT', `${workshops}/${id}`, {
      version: 3,
      workshop: {
        ...workshop,
        safeguardingNotes: `${workshop.safeguardingNotes} 社区办公室：0571-8888 1234。`,
      },
      sessions: [{ ...sampleSession(), id: sessionId }],
    });
    const resubmitted = await trainer.act(id, { action: 'submit', version: 4 });
    const published = await reviewer.act(id, { action: 'publish', version: 5 });

    // Assess: each step's state, and what went live
    expect(
      [submitted, returned, fixed, resubmitted, published].map((a) => [a.status, a.body.status]),
    ).toEqual([
      [200, 'in_review'],
      [200, 'draft'],
      [200, 'draft'],
      [200, 'in_review'],
      [200, 'published'],
    ]);
    expect(workshopViewSchema.parse(published.body).live).toEqual({
      version: 6,
      publishedAt: expect.any(String),
      publishedBy: 'reviewer-lanting',
    });
    expect(fixed.body.sessions[0].id).toBe(sessionId);
    // The public site's rebuild was asked for at the moment of publishing.
    const build = await reviewer.get('/api/trainer/site-build');
    expect(build.body.requestedAt).toBe(published.body.live.publishedAt);
    const live = await stored(id);
    expect(live.publishedPk).toBe('published');
    expect(live.live.workshop.safeguardingNotes).toContain('0571-8888 1234');
    expect(live.live.sessions).toEqual([
      expect.objectContaining({ id: sessionId, workshop: workshop.translationKey }),
    ]);

    // Act: edit while live
    const edited = await trainer.send('PUT', `${workshops}/${id}`, {
      version: 6,
      workshop: { ...workshop, title: '上学路上的安全（第二版）' },
      sessions: [],
    });
    // Assess: a new draft; the live version stays up unchanged
    expect(edited.body).toMatchObject({ status: 'draft', version: 7, live: { version: 6 } });
    const stillLive = await stored(id);
    expect(stillLive.publishedPk).toBe('published');
    expect(stillLive.live.workshop.title).toBe(workshop.title);
    expect(stillLive.live.sessions).toHaveLength(1);
    const listed = workshopListSchema.parse((await reviewer.get(workshops)).body).workshops;
    expect(listed[0]).toMatchObject({
      id,
      title: '上学路上的安全（第二版）',
      status: 'draft',
      version: 7,
      live: true,
    });

    // Act: take it down
    const unpublished = await reviewer.act(id, { action: 'unpublish', version: 7, comment: '活动暂停。' });
    // Assess: gone from the published index, the new draft kept, every step in the trail
    expect(unpublished.body).toMatchObject({ status: 'draft', version: 8, live: null });
    expect((await reviewer.get('/api/trainer/site-build')).body.requestedAt).toBe(unpublished.body.updatedAt);
    const down = await stored(id);
    expect(down.publishedPk).toBeUndefined();
    expect(down.live).toBeUndefined();
    const trail = workshopViewSchema.parse((await trainer.get(`${workshops}/${id}`)).body);
    expect(trail.audit.map((step) => [step.action, step.by])).toEqual([
      ['create', 'trainer-lanting'],
      ['submit', 'trainer-lanting'],
      ['return', 'reviewer-lanting'],
      ['edit', 'trainer-lanting'],
      ['submit', 'trainer-lanting'],
      ['publish', 'reviewer-lanting'],
      ['edit', 'trainer-lanting'],
      ['unpublish', 'reviewer-lanting'],
    ]);
    expect(trail.comments.map((c) => [c.by, c.text])).toEqual([
      ['reviewer-lanting', '安全提示里请写上社区办公室的电话。'],
      ['reviewer-lanting', '活动暂停。'],
    ]);
  });

  it('lists the community’s workshops last changed first', async () => {
    const first = await draft();
    const second = await draft();
    await trainer.act(first.id, { action: 'submit', version: 1 });
    const { workshops: rows } = workshopListSchema.parse((await trainer.get(workshops)).body);
    expect(rows.slice(0, 2).map((row) => [row.id, row.status, row.live])).toEqual([
      [first.id, 'in_review', false],
      [second.id, 'draft', false],
    ]);
  });
});

describe('who may review', () => {
  it('refuses a reviewer who edited the workshop, even holding both roles; another reviewer may publish', async () => {
    // Prepare: written by the trainer, edited by a person who is also a reviewer
    const { id, workshop } = await draft();
    const edit = await both.send('PUT', `${workshops}/${id}`, { version: 1, workshop, sessions: [] });
    expect(edit.body.editors).toEqual(['trainer-lanting', 'zhang-both']);
    await trainer.act(id, { action: 'submit', version: 2 });
    // Act
    const publish = await both.act(id, { action: 'publish', version: 3 });
    const sendBack = await both.act(id, { action: 'return', version: 3, comment: 'Looks fine to me.' });
    const other = await reviewer.act(id, { action: 'publish', version: 3 });
    // Assess
    expect([publish.status, publish.body.error, sendBack.status, sendBack.body.error]).toEqual([
      403,
      'own_workshop',
      403,
      'own_workshop',
    ]);
    expect(publish.body.message).toMatch(/不能由您自己审核/);
    expect(other.status).toBe(200);
    expect((await stored(id)).publishedPk).toBe('published');
  });

  it('refuses the author who is also a reviewer', async () => {
    const own = await both.send('POST', workshops, { workshop: sampleWorkshop(), sessions: [] });
    await both.act(own.body.id, { action: 'submit', version: 1 });
    const publish = await both.act(own.body.id, { action: 'publish', version: 2 });
    expect([publish.status, publish.body.error]).toEqual([403, 'own_workshop']);
  });

  it('does not let a trainer publish or send back, nor a reviewer write or submit', async () => {
    const { id, workshop } = await draft();
    await trainer.act(id, { action: 'submit', version: 1 });
    const answers = [
      await trainer.act(id, { action: 'publish', version: 2 }),
      await trainer.act(id, { action: 'return', version: 2, comment: 'x' }),
      await reviewer.send('POST', workshops, { workshop: sampleWorkshop(), sessions: [] }),
      await reviewer.send('PUT', `${workshops}/${id}`, { version: 2, workshop, sessions: [] }),
      await reviewer.act(id, { action: 'submit', version: 2 }),
    ];
    expect(answers.map((a) => [a.status, a.body.error])).toEqual(Array(5).fill([403, 'forbidden']));
    expect(await stored(id)).toMatchObject({ status: 'in_review', version: 2 });
  });

  it('keeps office staff and the lead out of workshops entirely', async () => {
    const { id, workshop } = await draft();
    for (const username of ['office-lanting', 'lead-lanting']) {
      const staff = await trainerClient(runtime, username);
      const answers = [
        await staff.get(workshops),
        await staff.get(`${workshops}/${id}`),
        await staff.send('POST', workshops, { workshop: sampleWorkshop(), sessions: [] }),
        await staff.send('PUT', `${workshops}/${id}`, { version: 1, workshop, sessions: [] }),
        await staff.act(id, { action: 'submit', version: 1 }),
      ];
      expect(answers.map((a) => [a.status, a.body.error])).toEqual(Array(5).fill([403, 'forbidden']));
    }
    expect(await stored(id)).toMatchObject({ status: 'draft', version: 1 });
  });

  it("answers another community's workshop with 404, exactly like none", async () => {
    // Prepare: the same trainer, as if of Wutong
    const { id, workshop } = await draft();
    const elsewhere = trainerClientWith(
      runtime,
      await withClaims(runtime, trainer.token, { 'custom:community': 'wutong' }),
    );
    // Act
    const answers = [
      await elsewhere.get(`${workshops}/${id}`),
      await elsewhere.send('PUT', `${workshops}/${id}`, { version: 1, workshop, sessions: [] }),
      await elsewhere.act(id, { action: 'submit', version: 1 }),
      await elsewhere.get(`${workshops}/no-such-workshop`),
      await elsewhere.get(`${workshops}/${'x'.repeat(3000)}`),
    ];
    // Assess
    expect(answers.map((a) => [a.status, a.body.error])).toEqual(Array(5).fill([404, 'not_found']));
    expect((await elsewhere.get(workshops)).body.workshops.map((row: Json) => row.id)).not.toContain(id);
    expect(await stored(id)).toMatchObject({ status: 'draft', version: 1 });
  });
});

describe('conflicts', () => {
  it('refuses a change based on an old version with 409 and the workshop as it stands', async () => {
    const { id, workshop } = await draft();
    const first = await trainer.send('PUT', `${workshops}/${id}`, {
      version: 1,
      workshop: { ...workshop, title: 'First save' },
      sessions: [],
    });
    const second = await both.send('PUT', `${workshops}/${id}`, {
      version: 1,
      workshop: { ...workshop, title: 'Second save' },
      sessions: [],
    });
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    const conflict = workshopConflictSchema.parse(second.body);
    expect(conflict).toMatchObject({
      error: 'stale_version',
      current: { version: 2, workshop: { title: 'First save' } },
    });
    expect((await stored(id)).title).toBe('First save');
  });

  it('refuses an edit in review, and a step its state does not take, with 409 wrong_state', async () => {
    const { id, workshop } = await draft();
    await trainer.act(id, { action: 'submit', version: 1 });
    const edit = await trainer.send('PUT', `${workshops}/${id}`, { version: 2, workshop, sessions: [] });
    const unpublish = await reviewer.act(id, { action: 'unpublish', version: 2 });
    expect([edit.status, edit.body.error, unpublish.status, unpublish.body.error]).toEqual([
      409,
      'wrong_state',
      409,
      'wrong_state',
    ]);
    expect(edit.body.current).toMatchObject({ status: 'in_review', version: 2 });
  });

  it('refuses a translation key the curriculum or another workshop has in that language', async () => {
    const mine = sampleWorkshop('en');
    await draft(mine);
    const answers = [
      await trainer.send('POST', workshops, {
        workshop: sampleWorkshop('en', 'parents-body-safety-talk'),
        sessions: [],
      }),
      await trainer.send('POST', workshops, {
        workshop: { ...sampleWorkshop('en'), translationKey: mine.translationKey },
        sessions: [],
      }),
    ];
    expect(answers.map((a) => [a.status, a.body.error])).toEqual(
      Array(2).fill([409, 'translation_key_taken']),
    );
    // Its twin in the other language shares the key.
    const twin = await trainer.send('POST', workshops, {
      workshop: sampleWorkshop('zh-CN', mine.translationKey),
      sessions: [],
    });
    expect(twin.status).toBe(201);
  });
});

describe('bad requests', () => {
  it("answers 400 in the caller's language, and writes nothing", async () => {
    // Prepare
    const before = (await scanAll(runtime.dynamodbEndpoint)).length;
    const broken = {
      workshop: { ...sampleWorkshop(), title: '', durationMinutes: 90 },
      sessions: [sampleSession({ end: '08:00' })],
    };
    // Act
    const chinese = await trainer.send('POST', workshops, broken);
    const english = await trainer.send('POST', workshops, broken, { 'accept-language': 'en-GB,en;q=0.9' });
    const byBody = await trainer.send('POST', workshops, { ...broken, language: 'en' });
    const notJson = await trainer.send('POST', workshops, '{"workshop":');
    const extra = await trainer.send(
      'POST',
      workshops,
      { workshop: sampleWorkshop(), sessions: [], publish: true },
      { 'accept-language': 'en' },
    );
    // Assess
    expect([chinese, english, byBody, notJson, extra].map((a) => [a.status, a.body.error])).toEqual([
      [400, 'invalid_request'],
      [400, 'invalid_request'],
      [400, 'invalid_request'],
      [400, 'invalid_json'],
      [400, 'invalid_request'],
    ]);
    expect(chinese.body.message).toBe('请按提示修改标出的内容，再试一次。');
    expect(english.body.message).toBe('Please fix what is marked and try again.');
    const paths = (answer: Json) => answer.issues.map((issue: Json) => issue.path.join('.')).sort();
    expect(paths(english.body)).toEqual(['sessions.0.end', 'workshop.agenda', 'workshop.title']);
    expect(english.body.issues.find((i: Json) => i.path.join('.') === 'sessions.0.end').message).toBe(
      'sessions.0.end: a session must end after it starts.',
    );
    expect(chinese.body.issues.find((i: Json) => i.path.join('.') === 'sessions.0.end').message).toBe(
      'sessions.0.end：结束时间要晚于开始时间。',
    );
    expect(byBody.body.message).toBe(english.body.message);
    expect(extra.body.issues).toEqual([
      { path: ['publish'], message: '"publish" is not asked for here; please remove it.' },
    ]);
    expect((await scanAll(runtime.dynamodbEndpoint)).length).toBe(before);
  });

  it('refuses a step without what it needs, an unknown session and a changed key, leaving the workshop as it was', async () => {
    // Prepare
    const { id, workshop } = await draft();
    await trainer.act(id, { action: 'submit', version: 1 });
    const before = await stored(id);
    // Act
    const noComment = await reviewer.act(id, { action: 'return', version: 2 });
    const unknownAction = await reviewer.act(id, { action: 'approve', version: 2 });
    await reviewer.act(id, { action: 'return', version: 2, comment: 'Please add the place.' });
    const madeUpSession = await trainer.send('PUT', `${workshops}/${id}`, {
      version: 3,
      workshop,
      sessions: [{ ...sampleSession(), id: 'made-up' }],
      language: 'en',
    });
    const newKey = await trainer.send('PUT', `${workshops}/${id}`, {
      version: 3,
      workshop: { ...workshop, translationKey: 'another-key' },
      sessions: [],
      language: 'en',
    });
    // Assess
    expect([noComment, unknownAction, madeUpSession, newKey].map((a) => [a.status, a.body.error])).toEqual(
      Array(4).fill([400, 'invalid_request']),
    );
    expect(noComment.body.issues).toEqual([{ path: ['comment'], message: 'comment：请填写这一项。' }]);
    expect(madeUpSession.body.issues).toEqual([
      { path: ['sessions', 0, 'id'], message: expect.stringContaining('this workshop has no such session') },
    ]);
    expect(newKey.body.issues).toEqual([
      {
        path: ['workshop', 'translationKey'],
        message: expect.stringContaining('cannot change once a workshop exists'),
      },
    ]);
    const after = await stored(id);
    expect(after.version).toBe(before.version + 1);
    expect(after.draft).toEqual(before.draft);
  });
  it('refuses a save whose handout links where the public site may not, naming the field, and writes nothing', async () => {
    // Prepare: the link that, once published, would stop the site from being rebuilt
    const { id, workshop } = await draft();
    const before = await stored(id);
    const body = {
      version: 1,
      workshop: { ...workshop, handout: `${workshop.handout}\n\n[more](javascript:alert(1))` },
      sessions: [],
    };
    // Act
    const chinese = await trainer.send('PUT', `${workshops}/${id}`, body);
    const english = await trainer.send('PUT', `${workshops}/${id}`, { ...body, language: 'en' });
    // Assess
    expect([chinese, english].map((a) => [a.status, a.body.error])).toEqual(
      Array(2).fill([400, 'invalid_request']),
    );
    expect(english.body.issues).toEqual([
      {
        path: ['workshop', 'handout'],
        message:
          'workshop.handout: links can only go to a web page (https://), an email address (mailto:) or a phone number (tel:).',
      },
    ]);
    expect(chinese.body.issues).toEqual([
      { path: ['workshop', 'handout'], message: expect.stringContaining('链接只能指向网页（https://）') },
    ]);
    expect(await stored(id)).toEqual(before);
  });
});
