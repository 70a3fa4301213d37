/**
 * Working the console's workshop screens in Chromium as trainers and reviewers do: filling the
 * editor by its labels, adding rows and sessions, saving, submitting, uploading a handout, and a
 * reviewer's steps. Words come from the same UI strings as the page; a small real PNG is made
 * here, byte by byte.
 */
import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Language } from '../../functions/domain/languages.ts';
import type { WorkshopAudience } from '../../functions/domain/workshop.ts';
import { t } from '../../site/src/i18n/t.ts';
import { goToScreen, listLoaded } from './office.ts';

/** What a trainer types for a workshop. */
export interface WorkshopInput {
  title: string;
  summary: string;
  translationKey: string;
  audience: WorkshopAudience;
  groupSize: [min: number, max: number];
  durationMinutes: number;
  objectives: string[];
  agenda: [minutes: number, activity: string][];
  materials: string[];
  facilitatorNotes: string;
  safeguardingNotes: string;
  handout: string;
}

/** What a trainer types for a session. */
export interface SessionInput {
  date: string;
  start: string;
  end: string;
  place: string;
  capacity: number;
  phone: string;
}

/** A workshop in `lang` with a key no other test uses. */
export function sampleWorkshop(lang: Language): WorkshopInput {
  const key = `test-${randomUUID().slice(0, 8)}`;
  const zh = lang === 'zh-CN';
  return {
    title: zh ? `和孩子谈身体安全（${key}）` : `Talking with children about body safety (${key})`,
    summary: zh
      ? '帮助家长用孩子听得懂的话谈身体安全。'
      : 'Helps parents talk about body safety in words children understand.',
    translationKey: key,
    audience: 'parents',
    groupSize: [6, 20],
    durationMinutes: 60,
    objectives: zh
      ? ['说出身体的隐私部位', '知道可以向谁求助']
      : ['Name the private parts of the body', 'Know whom to tell'],
    agenda: zh
      ? [
          [10, '暖场：身体红绿灯'],
          [40, '讨论：安全的秘密和不安全的秘密'],
          [10, '小结和讲义'],
        ]
      : [
          [10, 'Warm-up: the body traffic light'],
          [40, 'Talk: safe and unsafe secrets'],
          [10, 'Wrap-up and the handout'],
        ],
    materials: zh ? ['白板和笔', '讲义，每人一份'] : ['A whiteboard and pens', 'One handout each'],
    facilitatorNotes: zh ? '提前到场布置。用平和的语气。' : 'Arrive early to set up. Keep a calm tone.',
    safeguardingNotes: zh
      ? '如果孩子说出受到伤害：平静地听，不追问，不答应保密；当天报告社区儿童保护工作站；有危险立即拨打 110。'
      : 'If a child says they are being hurt: listen calmly, do not ask for details, do not promise secrecy; report it to the office the same day; call 110 if they are in danger now.',
    handout: zh
      ? '你的身体属于你自己。不舒服的触碰，要告诉信任的大人。'
      : 'Your body belongs to you. Tell a trusted adult about any touch that feels wrong.',
  };
}

/** A session a month from now, as China's calendar has it. */
export function sampleSession(lang: Language): SessionInput {
  const day = new Date(Date.now() + 30 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  return {
    date: day,
    start: '14:00',
    end: '15:00',
    place:
      lang === 'zh-CN'
        ? `兰亭社区儿童之家 ${randomUUID().slice(0, 6)}`
        : `Lanting children's home ${randomUUID().slice(0, 6)}`,
    capacity: 20,
    phone: '0571-8888 1234',
  };
}

/** The editor's field labelled `key`'s words. */
const byLabel = (scope: Page | Locator, lang: Language, key: Parameters<typeof t>[1], values = {}) =>
  scope.getByLabel(t(lang, key, values), { exact: true });

/** Fills the editor's rows of one list: the first is there; each next one is added. */
async function fillRows(
  page: Page,
  lang: Language,
  add: Parameters<typeof t>[1],
  count: number,
  fill: (n: number) => Promise<void>,
) {
  for (let n = 0; n < count; n += 1) {
    if (n > 0) await page.getByRole('button', { name: t(lang, add), exact: true }).click();
    await fill(n);
  }
}

/** Fills every field of the editor with `input`, as a trainer would. */
export async function fillWorkshop(page: Page, lang: Language, input: WorkshopInput): Promise<void> {
  await byLabel(page, lang, 'office.workshop.field.title').fill(input.title);
  await byLabel(page, lang, 'office.workshop.field.summary').fill(input.summary);
  await byLabel(page, lang, 'office.workshop.field.language').selectOption(lang);
  await byLabel(page, lang, 'office.workshop.field.translationKey').fill(input.translationKey);
  await byLabel(page, lang, 'office.workshop.field.audience').selectOption(input.audience);
  await byLabel(page, lang, 'office.workshop.field.groupSize.min').fill(String(input.groupSize[0]));
  await byLabel(page, lang, 'office.workshop.field.groupSize.max').fill(String(input.groupSize[1]));
  await byLabel(page, lang, 'office.workshop.field.durationMinutes').fill(String(input.durationMinutes));
  await fillRows(page, lang, 'office.workshop.field.objectives.add', input.objectives.length, (n) =>
    byLabel(page, lang, 'office.workshop.field.objectives.item', { n: n + 1 }).fill(
      input.objectives[n] ?? '',
    ),
  );
  await fillRows(page, lang, 'office.workshop.field.agenda.add', input.agenda.length, async (n) => {
    const [minutes, activity] = input.agenda[n] ?? [0, ''];
    const row = page.locator('[data-rows-of="workshop.agenda"] .row').nth(n);
    await row.locator('input').first().fill(String(minutes));
    await byLabel(page, lang, 'office.workshop.field.agenda.activity', { n: n + 1 }).fill(activity);
  });
  await fillRows(page, lang, 'office.workshop.field.materials.add', input.materials.length, (n) =>
    byLabel(page, lang, 'office.workshop.field.materials.item', { n: n + 1 }).fill(input.materials[n] ?? ''),
  );
  await byLabel(page, lang, 'office.workshop.field.facilitatorNotes').fill(input.facilitatorNotes);
  await byLabel(page, lang, 'office.workshop.field.safeguardingNotes').fill(input.safeguardingNotes);
  await byLabel(page, lang, 'office.workshop.field.handout').fill(input.handout);
}

/** Adds a session, signing up by phone, and fills it. */
export async function addSession(page: Page, lang: Language, session: SessionInput): Promise<void> {
  await page.getByRole('button', { name: t(lang, 'office.workshop.sessions.add'), exact: true }).click();
  const row = page.locator('.session-row').last();
  await byLabel(row, lang, 'office.workshop.session.date').fill(session.date);
  await byLabel(row, lang, 'office.workshop.session.start').fill(session.start);
  await byLabel(row, lang, 'office.workshop.session.end').fill(session.end);
  await byLabel(row, lang, 'office.workshop.session.place').fill(session.place);
  await byLabel(row, lang, 'office.workshop.session.capacity').fill(String(session.capacity));
  await byLabel(row, lang, 'office.workshop.session.byPhone').check();
  await byLabel(row, lang, 'office.workshop.session.phone').fill(session.phone);
}

/** Presses a button of the workshop screen and waits until the screen says `said`. */
async function pressAndHear(page: Page, button: string, where: string, said: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect.poll(() => page.locator(where).textContent(), { timeout: 20_000 }).toBe(said);
}

/** Saves the editor and waits for "Saved."; returns the workshop's id from the address. */
export async function saveWorkshop(page: Page, lang: Language): Promise<string> {
  await pressAndHear(
    page,
    t(lang, 'office.workshop.save'),
    '[data-workshop-status]',
    t(lang, 'office.workshop.saved'),
  );
  const id = new URL(page.url()).hash.replace('#/workshop/', '');
  expect(id).not.toBe('new');
  return decodeURIComponent(id);
}

/** Submits the workshop for review and waits for the screen to say so. */
export function submitWorkshop(page: Page, lang: Language): Promise<void> {
  return pressAndHear(
    page,
    t(lang, 'office.workshop.submit'),
    '[data-workshop-status]',
    t(lang, 'office.workshop.submitted'),
  );
}

/** Opens a workshop from the list by its title, and waits until it is shown. */
export async function openWorkshop(page: Page, title: string): Promise<void> {
  await goToScreen(page, '#/workshops');
  await listLoaded(page, 'workshops', 'data-workshops');
  const link = page.locator('[data-workshops]').getByRole('link', { name: title, exact: true });
  await link.click();
  // Opened again, the screen shows the copy it had, marked busy, until the fresh one arrives.
  await page.locator('[data-workshop-body]:not([hidden]):not([aria-busy="true"])').waitFor();
  await expect.poll(() => page.locator('[data-workshop-title]').textContent()).toBe(title);
}

/**
 * A small real PNG: a 2×2 picture, its chunks and CRCs as the format has them, and a text chunk
 * naming its author, the kind of metadata the upload must strip.
 */
export function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('tEXt', Buffer.from('Author\0Wang Fang', 'latin1')),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Uploads `file` as a handout and waits until the list shows it. */
export async function uploadHandout(
  page: Page,
  lang: Language,
  file: { name: string; buffer: Buffer },
): Promise<void> {
  await byLabel(page, lang, 'office.handouts.file').setInputFiles({
    name: file.name,
    mimeType: 'image/png',
    buffer: file.buffer,
  });
  await page.getByRole('button', { name: t(lang, 'office.handouts.upload'), exact: true }).click();
  await expect
    .poll(() => page.locator('[data-handouts-status]').textContent(), { timeout: 20_000 })
    .toBe(t(lang, 'office.handouts.added', { name: file.name }));
  await page.locator('[data-handout-list] .handout__name').getByText(file.name, { exact: true }).waitFor();
}
