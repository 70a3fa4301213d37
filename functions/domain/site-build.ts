/**
 * The public site's rebuild as the trainer console sees it (`GET /api/trainer/site-build`,
 * docs/workshop-publishing.md): the schema the OpenAPI document is generated from, and its type.
 * Pure.
 */
import * as z from 'zod/mini';

/** The steps of a build, in order: exporting the published workshops, pages, search, publishing. */
export const siteBuildSteps = ['exporting', 'building', 'indexing', 'publishing'] as const;

/** One step of a build. */
export type SiteBuildStep = (typeof siteBuildSteps)[number];

/** The states of the site's rebuild. */
export const siteBuildStates = ['idle', 'waiting', 'building', 'succeeded', 'failed'] as const;

/** Where the public site's rebuild is, as the console shows it after a publish. */
export const siteBuildSchema = z.strictObject({
  /** `waiting`: asked for, not started; `building`: running; the others: how the last one ended. */
  state: z.enum(siteBuildStates),
  /** When the latest build was asked for (ISO 8601). */
  requestedAt: z.optional(z.string()),
  /** When the latest build started. */
  startedAt: z.optional(z.string()),
  /** When it ended, for `succeeded` and `failed`. */
  finishedAt: z.optional(z.string()),
  /** The step it is at, or the one that failed. */
  step: z.optional(z.enum(siteBuildSteps)),
  /** Every step of a build, in order, for a progress list. */
  steps: z.optional(z.array(z.enum(siteBuildSteps))),
  /** Why a build failed, in a few words (never a stack). */
  message: z.optional(z.string()),
});

/** Where the public site's rebuild is. */
export type SiteBuild = z.output<typeof siteBuildSchema>;
