/**
 * Handout files over real HTTP with real tokens (docs/workshop-publishing.md): a trainer uploads
 * files that carry metadata and the runtime keeps them without it; everyone else, every file
 * that is too large, of the wrong type or unreadable, and every workshop that can't take one is
 * refused in the caller's language, with nothing written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../functions/domain/contract.ts';
import { handoutSchema, workshopViewSchema } from '../../functions/domain/workshop-contract.ts';
import {
  jpegWithMetadata,
  pdfWithMetadata,
  pngChunk,
  pngWithMetadata,
  secrets,
} from '../support/handout-files.ts';
import type { Json } from '../support/http.ts';
import { type SpawnedRuntime, scanAll, spawnRuntime } from '../support/runtime.ts';
import { withClaims } from '../support/staff.ts';
import { type TrainerClient, trainerClient, trainerClientWith } from '../support/trainer.ts';
import { sampleSession, sampleWorkshop } from '../support/workshops.ts';

let runtime: SpawnedRuntime;
let trainer: TrainerClient;
let reviewer: TrainerClient;
let office: TrainerClient;

beforeAll(async () => {
  runtime = await spawnRuntime();
  trainer = await trainerClient(runtime, 'trainer-lanting');
  reviewer = await trainerClient(runtime, 'reviewer-lanting');
  office = await trainerClient(runtime, 'office-lanting');
});

afterAll(async () => {
  await runtime?.stop();
});

/** Posts `bytes` as a handout of `workshop`, as the console's file upload does. */
async function upload(
  client: TrainerClient,
  workshop: string,
  bytes: Uint8Array,
  type: string,
  options: { name?: string; language?: string } = {},
): Promise<{ status: number; body: Json }> {
  const query = options.name === undefined ? '' : `?name=${encodeURIComponent(options.name)}`;
  const response = await fetch(`${runtime.url}/api/trainer/workshops/${workshop}/handouts${query}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${client.token}`,
      'content-type': type,
      ...(options.language ? { 'accept-language': options.language } : {}),
    },
    body: bytes,
  });
  return { status: response.status, body: await response.json() };
}

/** A new draft by the trainer; its id. */
async function draft(): Promise<string> {
  const created = await trainer.send('POST', '/api/trainer/workshops', {
    workshop: sampleWorkshop(),
    sessions: [sampleSession()],
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

/** The files stored for `workshop` under the runtime's data directory, by key. */
function storedFiles(workshop: string): Record<string, Buffer> {
  const folder = join(runtime.dataDir, 'uploads', 'workshops', workshop);
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    return {};
  }
  return Object.fromEntries(
    names.map((name) => [
      relative(join(runtime.dataDir, 'uploads'), join(folder, name)),
      readFileSync(join(folder, name)),
    ]),
  );
}

/** What the table holds for `workshop`: its item and its audit steps. */
async function stored(workshop: string): Promise<Json[]> {
  return (await scanAll(runtime.dynamodbEndpoint)).filter((item) => item.pk === `WORKSHOP#${workshop}`);
}

const leaks = (bytes: Buffer) =>
  Object.values(secrets).filter((secret) => bytes.toString('latin1').includes(secret));

describe('a trainer uploading handouts', () => {
  it('stores a JPEG, a PNG and a PDF without their metadata, and the workshop lists them', async () => {
    // Prepare
    const id = await draft();
    const files = [
      { bytes: jpegWithMetadata(), type: 'image/jpeg', name: 'C:\\Users\\li\\照片\\家长 会.JPG' },
      { bytes: pngWithMetadata(), type: 'image/png', name: 'poster.png' },
      { bytes: await pdfWithMetadata({ useObjectStreams: false }), type: 'application/pdf', name: '' },
    ];
    // Act
    const answers = [];
    for (const file of files)
      answers.push(await upload(trainer, id, file.bytes, file.type, { name: file.name }));
    // Assess: 201 with the handout, its name cleaned and its size the stored file's
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    const handouts = answers.map((a) => handoutSchema.parse(a.body));
    expect(handouts.map((h) => [h.name, h.type])).toEqual([
      ['家长 会.JPG', 'image/jpeg'],
      ['poster.png', 'image/png'],
      ['handout.pdf', 'application/pdf'],
    ]);
    const onDisk = storedFiles(id);
    const extensions = ['jpg', 'png', 'pdf'];
    handouts.forEach((handout, i) => {
      const file = onDisk[`workshops/${id}/${handout.id}.${extensions[i]}`];
      expect(file?.byteLength).toBe(handout.bytes);
      expect(leaks(file ?? Buffer.alloc(0))).toEqual([]);
      expect(file?.toString('latin1')).not.toMatch(/Exif|xmpmeta|tEXt|tIME|\/Metadata|\/Producer|\/Author/);
      expect(file?.byteLength).toBeLessThan(files[i]?.bytes.byteLength ?? 0);
    });
    expect(Object.keys(onDisk)).toHaveLength(3);
    // The metadata was there to remove: each original leaks what its stored copy doesn't.
    for (const file of files.slice(0, 2)) expect(leaks(Buffer.from(file.bytes)).length).toBeGreaterThan(2);
    const view = workshopViewSchema.parse((await trainer.get(`/api/trainer/workshops/${id}`)).body);
    expect(view.handouts).toEqual(handouts);
    expect(view.version).toBe(4);
    expect(view.audit.map((step) => step.action)).toEqual([
      'create',
      'add_handout',
      'add_handout',
      'add_handout',
    ]);
  });
});

describe('what is refused, with nothing written', () => {
  /** Asserts that nothing changed for `workshop` since `before`. */
  async function unchanged(workshop: string, before: Json[]): Promise<void> {
    expect(await stored(workshop)).toEqual(before);
    expect(storedFiles(workshop)).toEqual({});
  }

  it('answers a reviewer and office staff 403', async () => {
    // Prepare
    const id = await draft();
    const before = await stored(id);
    // Act
    const answers = [
      await upload(reviewer, id, pngWithMetadata(), 'image/png'),
      await upload(office, id, pngWithMetadata(), 'image/png'),
    ];
    // Assess
    for (const answer of answers) {
      expect(answer.status).toBe(403);
      expect(errorBodySchema.parse(answer.body).error).toBe('forbidden');
    }
    await unchanged(id, before);
  });

  it('answers more than 4 MB with 413, in the language the trainer reads', async () => {
    // Prepare: a real PNG, padded with a private chunk one byte past the limit
    const id = await draft();
    const before = await stored(id);
    const png = pngWithMetadata();
    const end = png.indexOf('IEND') - 4;
    const big = Buffer.concat([
      png.subarray(0, end),
      pngChunk('prVW', Buffer.alloc(4 * 1024 * 1024 + 1 - png.length - 12)),
      png.subarray(end),
    ]);
    // Act
    const english = await upload(trainer, id, big, 'image/png', { language: 'en' });
    const chinese = await upload(trainer, id, big, 'image/png');
    // Assess
    expect([english.status, english.body.error, chinese.status]).toEqual([413, 'too_large', 413]);
    expect(english.body.message).toMatch(/too large \(4 MB at most\)/);
    expect(chinese.body.message).toMatch(/文件太大/);
    await unchanged(id, before);
  });

  it('answers a file whose bytes are not its type, or a type that is not PDF, JPEG or PNG, with 415', async () => {
    // Prepare
    const id = await draft();
    const before = await stored(id);
    // Act
    const answers = [
      await upload(trainer, id, pngWithMetadata(), 'application/pdf', { language: 'en' }),
      await upload(trainer, id, Buffer.from('GIF89a\x01\0\x01\0'), 'image/gif'),
      await upload(trainer, id, Buffer.from('plain words'), 'text/plain'),
    ];
    // Assess
    expect(answers.map((a) => [a.status, a.body.error])).toEqual([
      [415, 'unsupported_type'],
      [415, 'unsupported_type'],
      [415, 'unsupported_type'],
    ]);
    expect(answers[0]?.body.message).toBe('Only PDF, JPEG or PNG files can be uploaded.');
    await unchanged(id, before);
  });

  it('answers a file that cannot be read as its type with 422', async () => {
    // Prepare: a PNG cut off before its end
    const id = await draft();
    const before = await stored(id);
    const png = pngWithMetadata();
    // Act
    const answer = await upload(trainer, id, png.subarray(0, png.indexOf('IDAT') + 10), 'image/png');
    // Assess
    expect([answer.status, answer.body.error]).toEqual([422, 'unreadable_file']);
    await unchanged(id, before);
  });

  it("answers 404 for another community's workshop and one that doesn't exist", async () => {
    // Prepare: the trainer's own token with another community, validly signed
    const id = await draft();
    const before = await stored(id);
    const elsewhere = trainerClientWith(
      runtime,
      await withClaims(runtime, trainer.token, { 'custom:community': 'wutong' }),
    );
    // Act
    const answers = [
      await upload(elsewhere, id, pngWithMetadata(), 'image/png'),
      await upload(trainer, 'no-such-workshop', pngWithMetadata(), 'image/png'),
    ];
    // Assess
    expect(answers.map((a) => [a.status, a.body.error])).toEqual([
      [404, 'not_found'],
      [404, 'not_found'],
    ]);
    await unchanged(id, before);
    expect(storedFiles('no-such-workshop')).toEqual({});
  });

  it('keeps five handouts at most, and takes none while the workshop is in review (409)', async () => {
    // Prepare: five handouts, then a workshop submitted for review
    const full = await draft();
    for (let i = 0; i < 5; i++)
      expect((await upload(trainer, full, pngWithMetadata(), 'image/png')).status).toBe(201);
    const fullBefore = await stored(full);
    const filesBefore = storedFiles(full);
    const inReview = await draft();
    expect((await trainer.act(inReview, { action: 'submit', version: 1 })).status).toBe(200);
    const reviewBefore = await stored(inReview);
    // Act
    const sixth = await upload(trainer, full, pngWithMetadata(), 'image/png', { language: 'en' });
    const reviewed = await upload(trainer, inReview, pngWithMetadata(), 'image/png');
    // Assess
    expect([sixth.status, sixth.body.error]).toEqual([409, 'too_many_handouts']);
    expect(sixth.body.message).toMatch(/at most 5 handouts/);
    expect([reviewed.status, reviewed.body.error]).toEqual([409, 'wrong_state']);
    expect(workshopViewSchema.parse(reviewed.body.current).status).toBe('in_review');
    expect(await stored(full)).toEqual(fullBefore);
    expect(storedFiles(full)).toEqual(filesBefore);
    await unchanged(inReview, reviewBefore);
  });
});

describe('a trainer removing a handout', () => {
  it('takes it off the working copy and deletes its file; another removal of it is a 404', async () => {
    // Prepare
    const id = await draft();
    const first = handoutSchema.parse((await upload(trainer, id, pngWithMetadata(), 'image/png')).body);
    const second = handoutSchema.parse((await upload(trainer, id, jpegWithMetadata(), 'image/jpeg')).body);
    const path = `/api/trainer/workshops/${id}/handouts/${first.id}`;
    // Act
    const refused = await reviewer.send('DELETE', path, undefined);
    const removed = await trainer.send('DELETE', path, undefined);
    const again = await trainer.send('DELETE', path, undefined);
    // Assess
    expect([refused.status, removed.status, again.status]).toEqual([403, 200, 404]);
    const view = workshopViewSchema.parse(removed.body);
    expect(view.handouts).toEqual([second]);
    expect(view.audit.at(-1)?.action).toBe('remove_handout');
    expect(Object.keys(storedFiles(id))).toEqual([`workshops/${id}/${second.id}.jpg`]);
  });
});
