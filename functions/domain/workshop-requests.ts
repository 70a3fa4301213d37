/**
 * The trainer console's request bodies (docs/workshop-publishing.md), validated once at the
 * boundary, and the rules for the sessions a trainer sends. Pure.
 */
import * as z from 'zod/mini';
import type { FieldIssue } from './issues.ts';
import { type Language, languages } from './languages.ts';
import { issueMessages } from './messages.ts';
import { type Session, sessionSchema, workshopSchema } from './workshop.ts';
import type { reviewActions } from './workshop-review.ts';

/** Limits on what a request carries besides the workshop. */
export const workshopRequestLimits = {
  /** Sessions a workshop schedules at once. */
  sessions: 50,
  /** A reviewer's or trainer's comment on a step. */
  comment: 2_000,
} as const;

const { workshop: _workshop, id: sessionId, ...sessionFields } = sessionSchema.shape;

/**
 * A session as the console sends it: `sessionSchema` without `workshop` (the workshop's own
 * `translationKey`), and `id` left out for a new session (the server assigns one).
 */
export const sessionInputSchema = z
  .strictObject({ ...sessionFields, id: z.optional(sessionId) })
  // The same rule, with the same words, as `sessionSchema`'s.
  .check(z.refine((s) => s.start < s.end, { path: ['end'], message: 'a session must end after it starts' }));

export type SessionInput = z.output<typeof sessionInputSchema>;

const sessions = z.array(sessionInputSchema).check(z.maxLength(workshopRequestLimits.sessions));
const version = z.int().check(z.positive());
/** The language to answer in; the workshop's own language is `workshop.language`. */
const language = z.optional(z.enum(languages));
const comment = z.string().check(z.trim(), z.minLength(1), z.maxLength(workshopRequestLimits.comment));

/** `POST /api/trainer/workshops`: a new workshop and its sessions. */
export const createWorkshopSchema = z.strictObject({ workshop: workshopSchema, sessions, language });
export type CreateWorkshop = z.output<typeof createWorkshopSchema>;

/** `PUT /api/trainer/workshops/{id}`: the working copy as saved, and the version it was based on. */
export const saveWorkshopSchema = z.strictObject({ version, workshop: workshopSchema, sessions, language });
export type SaveWorkshop = z.output<typeof saveWorkshopSchema>;

const step = (action: Exclude<(typeof reviewActions)[number], 'return'>) =>
  z.strictObject({ action: z.literal(action), version, comment: z.optional(comment), language });

/** `POST /api/trainer/workshops/{id}/actions`: a review step. Sending back needs a comment. */
export const workshopActionSchema = z.discriminatedUnion('action', [
  step('submit'),
  z.strictObject({ action: z.literal('return'), version, comment, language }),
  step('publish'),
  step('unpublish'),
]);
export type WorkshopActionRequest = z.output<typeof workshopActionSchema>;

const fill = (template: string, field: string) => template.replace('{field}', field);

/**
 * The sessions to store: each input with its workshop's key and an id. A session the workshop
 * already has keeps its id (a calendar then updates the event rather than adding one); a new one
 * gets `newId()`. An id the workshop never had, or one sent twice, is refused: ids are the
 * server's, and the build needs each to be unique.
 * @example sessionsFor(inputs, 'parents-body-safety-talk', ['a1'], () => 'b2', 'en')
 */
export function sessionsFor(
  inputs: readonly SessionInput[],
  translationKey: string,
  knownIds: readonly string[],
  newId: () => string,
  language: Language,
): { sessions: Session[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const result = inputs.map((input, index): Session => {
    const path = ['sessions', index, 'id'];
    if (input.id !== undefined) {
      if (!knownIds.includes(input.id)) {
        issues.push({ path, message: fill(issueMessages.unknownSession[language], path.join('.')) });
      } else if (seen.has(input.id)) {
        issues.push({ path, message: fill(issueMessages.repeatedSession[language], path.join('.')) });
      }
      seen.add(input.id);
    }
    return { ...input, id: input.id ?? newId(), workshop: translationKey };
  });
  return { sessions: result, issues };
}
