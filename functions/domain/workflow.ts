/**
 * The office's workflow, after Primero's case flow cut to what a community office does daily:
 * the moves between statuses, the actions staff take, and what each may change. Pure.
 */
import * as z from 'zod/mini';
import type { OfficeStatus } from './status.ts';

/** How soon a report needs attention, set when it is acknowledged. */
export const priorities = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof priorities)[number];

/** How a report ended. */
export const outcomes = [
  'child_safe_no_further_action',
  'support_provided',
  'referred_and_accepted',
  'guardian_admonished',
  'police_case_opened',
  'could_not_locate',
  'not_a_child_protection_concern',
  'other',
] as const;
export type Outcome = (typeof outcomes)[number];

/** Kinds of agency a community refers to. */
export const agencyKinds = [
  'police',
  'hospital',
  'school',
  'civil_affairs',
  'womens_federation',
  'social_organisation',
  'other',
] as const;

/** How a referral was made. */
export const referralMethods = ['phone', 'in_person', 'letter', 'online_platform', 'other'] as const;

/** Statuses a report is open in; the queue holds only these. */
export const openStatuses: readonly OfficeStatus[] = ['new', 'triaged', 'in_progress', 'referred'];

/**
 * Every allowed move: new → triaged → in_progress → referred → closed; closed → in_progress
 * (reopen); any open status → duplicate. A report must be acknowledged before anything else;
 * after that it may skip ahead (many concerns are resolved by the office itself, without a
 * referral, or are referred straight away), and a referred report may be referred again.
 * Nothing goes backwards except a reopen. docs/office.md explains each move.
 */
export const transitions: Record<OfficeStatus, readonly OfficeStatus[]> = {
  new: ['triaged', 'duplicate'],
  triaged: ['in_progress', 'referred', 'closed', 'duplicate'],
  in_progress: ['referred', 'closed', 'duplicate'],
  referred: ['referred', 'closed', 'duplicate'],
  closed: ['in_progress'],
  duplicate: [],
};

/** True when the workflow allows moving from `from` to `to`. */
export function canMove(from: OfficeStatus, to: OfficeStatus): boolean {
  return transitions[from].includes(to);
}

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const version = z.int().check(z.positive());

/** Every action a staff member can take on a report. Each carries the version it was based on. */
export const actionSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('acknowledge'),
    expectedVersion: version,
    priority: z.enum(priorities),
  }),
  z.strictObject({
    action: z.literal('set_priority'),
    expectedVersion: version,
    priority: z.enum(priorities),
  }),
  z.strictObject({ action: z.literal('assign'), expectedVersion: version, assignee: text(128) }),
  z.strictObject({ action: z.literal('note'), expectedVersion: version, body: text(5000) }),
  z.strictObject({ action: z.literal('reply'), expectedVersion: version, body: text(5000) }),
  z.strictObject({
    action: z.literal('refer'),
    expectedVersion: version,
    agency: text(64),
    method: z.enum(referralMethods),
    /** The day the referral was made, `YYYY-MM-DD`. */
    on: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    contactPerson: text(200),
    note: z.optional(z.string().check(z.maxLength(2000))),
  }),
  z.strictObject({ action: z.literal('duplicate'), expectedVersion: version, of: text(32) }),
  z.strictObject({
    action: z.literal('close'),
    expectedVersion: version,
    outcome: z.enum(outcomes),
    note: z.optional(z.string().check(z.maxLength(2000))),
  }),
  z.strictObject({ action: z.literal('reopen'), expectedVersion: version, reason: text(2000) }),
]);

/** A validated action. */
export type Action = z.output<typeof actionSchema>;
export type ActionName = Action['action'];

/** The status an action moves a report to, from `from`; undefined when it doesn't move it. */
export function targetStatus(action: Action, from: OfficeStatus): OfficeStatus | undefined {
  switch (action.action) {
    case 'acknowledge':
      return 'triaged';
    case 'assign':
      // Taking a triaged report on is starting work on it; later assignments don't move it.
      return from === 'triaged' ? 'in_progress' : undefined;
    case 'refer':
      return 'referred';
    case 'duplicate':
      return 'duplicate';
    case 'close':
      return 'closed';
    case 'reopen':
      return 'in_progress';
    default:
      return undefined;
  }
}

/** Actions only a lead may take (assigning to someone else is checked separately). */
export const leadOnlyActions: readonly ActionName[] = ['close', 'reopen'];

/**
 * Whether an action may be taken on a report in `status`: it must allow the move it makes, and
 * a closed or duplicate report takes only a reopen (closed) or a note.
 */
export function actionAllowed(action: Action, status: OfficeStatus): boolean {
  const to = targetStatus(action, status);
  if (to) return canMove(status, to);
  if (status === 'closed' || status === 'duplicate') return action.action === 'note';
  return true;
}

/** The moves open from a status, to say in a 409 what is allowed instead. */
export function allowedMoves(status: OfficeStatus): readonly OfficeStatus[] {
  return transitions[status];
}
