/**
 * The trainer console's response bodies as schemas (docs/workshop-publishing.md): the OpenAPI
 * document is generated from them and the integration tests check real answers against them.
 * Trainers' text is plain text to the console; it is rendered as Markdown without HTML only on
 * the built site. Pure.
 */
import * as z from 'zod/mini';
import { languages } from './languages.ts';
import { sessionSchema, workshopAudiences, workshopSchema } from './workshop.ts';
import { workshopStatuses } from './workshop-review.ts';

const instant = z.string();

/** The kinds of file a handout may be. */
export const handoutTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type HandoutType = (typeof handoutTypes)[number];

/** A handout file as the console sees it (where it is stored is the server's business). */
export const handoutSchema = z.strictObject({
  id: z.string(),
  /** The file name the trainer uploaded it as. */
  name: z.string(),
  type: z.enum(handoutTypes),
  bytes: z.int(),
});

/** One row of `GET /api/trainer/workshops`. */
export const workshopSummarySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  language: z.enum(languages),
  audience: z.enum(workshopAudiences),
  status: z.enum(workshopStatuses),
  version: z.int(),
  updatedAt: instant,
  authorName: z.string(),
  /** True while a published version is on the public site. */
  live: z.boolean(),
});

/** `GET /api/trainer/workshops`: the community's workshops, last changed first. */
export const workshopListSchema = z.strictObject({ workshops: z.array(workshopSummarySchema) });

/** One step in a workshop's audit trail. */
export const workshopAuditSchema = z.strictObject({
  at: instant,
  /** The staff member's username. */
  by: z.string(),
  /** `create`, `edit`, `submit`, `return`, `publish`, `unpublish`, or a handout's addition or removal. */
  action: z.string(),
  comment: z.optional(z.string()),
});

/** A workshop and everything the console shows of it; the answer of every trainer write. */
export const workshopViewSchema = z.strictObject({
  id: z.string(),
  status: z.enum(workshopStatuses),
  /** Send it back with the next change; a change based on an older one is a 409. */
  version: z.int(),
  /** The working copy. */
  workshop: workshopSchema,
  sessions: z.array(sessionSchema),
  handouts: z.array(handoutSchema),
  authorName: z.string(),
  /** Everyone who created or edited it: none of them may review it. */
  editors: z.array(z.string()),
  createdAt: instant,
  updatedAt: instant,
  /** The version on the public site, or null when none is. */
  live: z.nullable(z.strictObject({ version: z.int(), publishedAt: instant, publishedBy: z.string() })),
  /** What was said along the way (a reviewer's reasons for sending it back, first of all), oldest first. */
  comments: z.array(z.strictObject({ at: instant, by: z.string(), text: z.string() })),
  /** Every step, oldest first. */
  audit: z.array(workshopAuditSchema),
});

export type WorkshopView = z.output<typeof workshopViewSchema>;
export type WorkshopSummary = z.output<typeof workshopSummarySchema>;

/** A 409 on a workshop: changed meanwhile or not open to the step (with how it is now), or its key is taken. */
export const workshopConflictSchema = z.strictObject({
  error: z.enum(['stale_version', 'wrong_state', 'translation_key_taken']),
  message: z.string(),
  current: z.optional(workshopViewSchema),
});
