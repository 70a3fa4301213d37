/**
 * The trainer console's request bodies: what is refused, in which words, and how sessions get
 * their workshop and their ids.
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { describeIssues } from '../../functions/domain/issues.ts';
import type { Language } from '../../functions/domain/languages.ts';
import {
  createWorkshopSchema,
  sessionsFor,
  workshopActionSchema,
} from '../../functions/domain/workshop-requests.ts';
import { sampleSession, sampleWorkshop } from '../support/workshops.ts';

/** The problems a person would read, by path, in `language`. */
function problems(schema: z.ZodMiniType, value: unknown, language: Language): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  return Object.fromEntries(
    describeIssues(result.error.issues, value, language, 'request').map((i) => [i.path.join('.'), i.message]),
  );
}

describe('workshop request bodies', () => {
  it('accepts a workshop with a session that has no id yet', () => {
    const body = { workshop: sampleWorkshop(), sessions: [sampleSession()] };
    expect(createWorkshopSchema.safeParse(body).success).toBe(true);
  });

  it("says the workshop schema's own rules in the person's words, in each language", () => {
    // Prepare: group sizes the wrong way round, an agenda that doesn't add up, a session ending
    // before it starts, on a day that doesn't exist
    const workshop = { ...sampleWorkshop(), groupSize: { min: 12, max: 4 }, durationMinutes: 90 };
    const session = sampleSession({ date: '2099-02-30', start: '10:30', end: '09:30' });
    const body = { workshop, sessions: [session] };
    // Act
    const en = problems(createWorkshopSchema, body, 'en');
    const zh = problems(createWorkshopSchema, body, 'zh-CN');
    // Assess
    expect(en).toEqual({
      'workshop.groupSize':
        'workshop.groupSize: the smallest group size must not be larger than the largest.',
      'workshop.agenda': "workshop.agenda: the agenda's minutes must add up to the workshop's duration.",
      'sessions.0.date': 'sessions.0.date: this day is not on the calendar.',
      'sessions.0.end': 'sessions.0.end: a session must end after it starts.',
    });
    expect(zh['sessions.0.end']).toBe('sessions.0.end：结束时间要晚于开始时间。');
    expect(Object.keys(zh)).toEqual(Object.keys(en));
  });

  it('refuses a session that names its own workshop: the server takes it from the workshop', () => {
    const body = { workshop: sampleWorkshop(), sessions: [{ ...sampleSession(), workshop: 'another' }] };
    expect(problems(createWorkshopSchema, body, 'en')).toEqual({
      'sessions.0.workshop': '"workshop" is not asked for here; please remove it.',
    });
  });

  it('needs a comment to send a workshop back, and only there', () => {
    expect(problems(workshopActionSchema, { action: 'return', version: 3 }, 'en')).toEqual({
      comment: 'comment: please answer this.',
    });
    expect(problems(workshopActionSchema, { action: 'return', version: 3, comment: '   ' }, 'zh-CN')).toEqual(
      {
        comment: 'comment：请至少写 1 个字（现在是 0 个）。',
      },
    );
    expect(workshopActionSchema.safeParse({ action: 'publish', version: 3 }).success).toBe(true);
    expect(workshopActionSchema.safeParse({ action: 'delete', version: 3 }).success).toBe(false);
    expect(workshopActionSchema.safeParse({ action: 'publish', version: 0 }).success).toBe(false);
  });
});

describe('sessionsFor', () => {
  const ids = ['n1', 'n2', 'n3'];
  const newId = () => ids.shift() ?? 'spent';
  const input = (id?: string) => ({ ...sampleSession(), ...(id ? { id } : {}) }) as never;

  it('gives each session its workshop, keeps known ids and assigns new ones', () => {
    const { sessions, issues } = sessionsFor(
      [input('kept'), input()],
      'walk-to-school',
      ['kept'],
      newId,
      'en',
    );
    expect(issues).toEqual([]);
    expect(sessions.map((s) => [s.id, s.workshop])).toEqual([
      ['kept', 'walk-to-school'],
      ['n1', 'walk-to-school'],
    ]);
  });

  it("refuses an id the workshop never had, and one sent twice, in the person's language", () => {
    const { issues } = sessionsFor(
      [input('made-up'), input('kept'), input('kept')],
      'k',
      ['kept'],
      newId,
      'en',
    );
    expect(issues).toEqual([
      { path: ['sessions', 0, 'id'], message: expect.stringContaining('this workshop has no such session') },
      { path: ['sessions', 2, 'id'], message: 'sessions.2.id: the same session is listed twice.' },
    ]);
  });
});
