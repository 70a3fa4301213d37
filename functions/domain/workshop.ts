/**
 * The workshop contract: one schema for the curriculum that ships in the repository
 * (`site/src/content/workshops/<lang>/<slug>.md`) and for the workshops trainers write in their
 * console. A workshop is written in one language; its twin in the other language shares its
 * `translationKey`. Pure.
 */
import * as z from 'zod/mini';
import { languages } from './languages.ts';

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
    facilitatorNotes: text(workshopLimits.notes),
    /** What to do if a child discloses abuse during the session. Markdown. Required, always. */
    safeguardingNotes: text(workshopLimits.notes),
    /** The printable one-page handout. Markdown. */
    handout: text(workshopLimits.handout),
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
