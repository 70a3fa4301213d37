/**
 * The workshop contract: one schema for the curriculum that ships in the repository
 * (`site/src/content/workshops/<lang>/<slug>.md`) and for the workshops trainers write in their
 * console. A workshop is written in one language; its twin in the other language shares its
 * `translationKey`. Pure.
 */
import * as z from 'zod/mini';
import { languages } from './languages.ts';
import { hasImage, refusedLinks } from './workshop-links.ts';

/** Who a workshop is run for. */
export const workshopAudiences = [
  'committee_and_volunteers',
  'parents',
  'left_behind_families',
  'mandated_reporters',
  'children_6_8',
  'children_9_12',
  'teens_13_17',
] as const;

export type WorkshopAudience = (typeof workshopAudiences)[number];

/** Limits that keep a workshop printable and a trainer's typing bounded. */
export const workshopLimits = {
  title: 80,
  summary: 300,
  item: 300,
  listItems: 12,
  agendaItems: 20,
  notes: 6_000,
  handout: 3_000,
  minutes: 480,
  groupSize: 200,
} as const;

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
/**
 * Markdown the public site can build: every link goes where the site allows (workshop-links.ts)
 * and no picture is placed, so one field can't stop the site being rebuilt once it is published.
 */
const markdown = (max: number) =>
  text(max).check(
    z.refine((value) => refusedLinks(value).length === 0, { message: 'a link the site refuses' }),
    z.refine((value) => !hasImage(value), { message: 'a picture in the text' }),
  );
const list = (max: number) => z.array(text(workshopLimits.item)).check(z.minLength(1), z.maxLength(max));

/** One timed activity of the agenda. */
export const agendaItemSchema = z.object({
  /** How long it takes, in minutes. */
  minutes: z.int().check(z.minimum(1), z.maximum(workshopLimits.minutes)),
  /** What happens, in a line: "Warm-up: the body traffic light game". */
  activity: text(workshopLimits.item),
});

/**
 * A workshop module: what a trainer needs to run it, and what a participant takes home.
 * Markdown is allowed in the notes and the handout; it is rendered as Markdown without HTML.
 */
export const workshopSchema = z
  .object({
    title: text(workshopLimits.title),
    /** One or two sentences for lists and search. */
    summary: text(workshopLimits.summary),
    language: z.enum(languages),
    /** Pairs a workshop with its twin in the other language; lower-case words and hyphens. */
    translationKey: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), z.maxLength(60)),
    audience: z.enum(workshopAudiences),
    /** The group it is designed for. */
    groupSize: z.object({
      min: z.int().check(z.minimum(1), z.maximum(workshopLimits.groupSize)),
      max: z.int().check(z.minimum(1), z.maximum(workshopLimits.groupSize)),
    }),
    durationMinutes: z.int().check(z.minimum(15), z.maximum(workshopLimits.minutes)),
    objectives: list(workshopLimits.listItems),
    agenda: z.array(agendaItemSchema).check(z.minLength(1), z.maxLength(workshopLimits.agendaItems)),
    materials: list(workshopLimits.listItems),
    /** How to run it: preparation, pitfalls, adaptations. Markdown. */
    facilitatorNotes: markdown(workshopLimits.notes),
    /** What to do if a child discloses abuse during the session. Markdown. Required, always. */
    safeguardingNotes: markdown(workshopLimits.notes),
    /** The printable one-page handout. Markdown. */
    handout: markdown(workshopLimits.handout),
  })
  .check(
    z.refine((w) => w.groupSize.min <= w.groupSize.max, {
      path: ['groupSize'],
      message: 'groupSize.min must not exceed groupSize.max',
    }),
    z.refine((w) => w.agenda.reduce((sum, item) => sum + item.minutes, 0) === w.durationMinutes, {
      path: ['agenda'],
      message: "the agenda's minutes must add up to durationMinutes",
    }),
  );

export type Workshop = z.infer<typeof workshopSchema>;

/** Limits on a scheduled session. */
export const sessionLimits = {
  place: 200,
  capacity: 500,
  id: 64,
} as const;

/** A calendar day, `2025-06-14`, that exists. */
const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  // The regex's failure doesn't stop this check from running, so any string gets here: an
  // invalid date must be false, never a thrown RangeError (a 500).
  z.refine(
    (day) => {
      const date = new Date(`${day}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
    },
    { message: 'not a calendar date' },
  ),
);

/** A time of day on the 24-hour clock, `09:30`. */
const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

/** How a participant signs up: by phoning a number, or by coming to a place. */
export const signUpSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('phone'),
    /** Digits, spaces, hyphens and a leading +: `0571-8888 1234`. */
    phone: z.string().check(z.regex(/^\+?[0-9][0-9 -]{2,23}$/)),
  }),
  z.object({
    method: z.literal('place'),
    /** Where to sign up, and when: "the residents' committee office, weekday mornings". */
    place: text(sessionLimits.place),
  }),
]);

/**
 * A scheduled run of a workshop, as a trainer enters it in the console. Its date and times are
 * China Standard Time (UTC+8, no daylight saving), where every community the portal serves is.
 */
export const sessionSchema = z
  .object({
    /** Stable for the session's life, so a calendar updates the event rather than adding one. */
    id: z.string().check(z.regex(/^[A-Za-z0-9_-]+$/), z.maxLength(sessionLimits.id)),
    /** The workshop it runs: its `translationKey`. */
    workshop: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), z.maxLength(60)),
    date: isoDate,
    start: clockTime,
    end: clockTime,
    /** Where it takes place, as a participant would find it. */
    place: text(sessionLimits.place),
    /** How many participants it takes. */
    capacity: z.int().check(z.minimum(1), z.maximum(sessionLimits.capacity)),
    /** The language it is run in. */
    language: z.enum(languages),
    audience: z.enum(workshopAudiences),
    signUp: signUpSchema,
  })
  .check(z.refine((s) => s.start < s.end, { path: ['end'], message: 'a session must end after it starts' }));

export type Session = z.infer<typeof sessionSchema>;
