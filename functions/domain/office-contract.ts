/**
 * The office API's bodies as schemas: the console, the OpenAPI document and the tests all read
 * them. Every report text is plain text: the console renders it as text, never as HTML. Pure.
 */
import * as z from 'zod/mini';
import { languages } from './languages.ts';
import { categories, childAgeBands, ongoingAnswers, reporterRoles } from './report.ts';
import { staffRoles } from './staff.ts';
import { officeStatuses } from './status.ts';
import { outcomes, priorities, referralMethods } from './workflow.ts';

const instant = z.string();
const slaState = z.strictObject({ state: z.enum(['met', 'late', 'due', 'overdue']), dueAt: instant });
const sla = z.strictObject({ acknowledge: slaState, firstReply: slaState, outcome: slaState });

/** One row of the queue. */
export const queueItemSchema = z.strictObject({
  ref: z.string(),
  status: z.enum(officeStatuses),
  urgent: z.boolean(),
  priority: z.optional(z.enum(priorities)),
  categories: z.array(z.enum(categories)),
  childAgeBand: z.enum(childAgeBands),
  createdAt: instant,
  updatedAt: instant,
  /** Set when the reporter added a message since the office last acted. */
  reporterUpdatedAt: z.optional(instant),
  assignee: z.optional(z.string()),
  sla,
});

/** `GET /api/office/reports`: one page of the queue, urgent first, then oldest first. */
export const queuePageSchema = z.strictObject({
  items: z.array(queueItemSchema),
  /** Opaque; pass it back as `?cursor=` for the next page. Absent on the last page. */
  cursor: z.optional(z.string()),
});

/** `GET /api/office/counts`: how many of the community's reports are in each status. */
export const countsSchema = z.record(z.enum(officeStatuses), z.int());

const event = z.strictObject({
  id: z.string(),
  at: instant,
  actor: z.string(),
  action: z.string(),
  from: z.optional(z.enum(officeStatuses)),
  to: z.optional(z.enum(officeStatuses)),
  details: z.optional(z.record(z.string(), z.string())),
});

/** `GET /api/office/reports/{ref}` and every action's answer: everything staff see of one report. */
export const reportViewSchema = z.strictObject({
  ref: z.string(),
  version: z.int(),
  status: z.enum(officeStatuses),
  urgent: z.boolean(),
  urgentReasons: z.array(z.string()),
  priority: z.optional(z.enum(priorities)),
  assignee: z.optional(z.string()),
  community: z.string(),
  categories: z.array(z.enum(categories)),
  reporterRole: z.enum(reporterRoles),
  childAgeBand: z.enum(childAgeBands),
  immediateDanger: z.boolean(),
  description: z.string(),
  location: z.optional(z.string()),
  ongoing: z.optional(z.enum(ongoingAnswers)),
  contact: z.optional(z.string()),
  language: z.enum(languages),
  createdAt: instant,
  updatedAt: instant,
  acknowledgedAt: z.optional(instant),
  firstReplyAt: z.optional(instant),
  closedAt: z.optional(instant),
  reporterUpdatedAt: z.optional(instant),
  outcome: z.optional(z.enum(outcomes)),
  sla,
  /** The thread with the reporter, oldest first. */
  messages: z.array(
    z.strictObject({
      from: z.enum(['office', 'reporter']),
      body: z.string(),
      sentAt: instant,
      author: z.optional(z.string()),
    }),
  ),
  /** Internal notes: the reporter never sees these. */
  notes: z.array(z.strictObject({ body: z.string(), at: instant, author: z.string() })),
  referrals: z.array(
    z.strictObject({
      agency: z.string(),
      method: z.enum(referralMethods),
      on: z.string(),
      contactPerson: z.string(),
      note: z.optional(z.string()),
      by: z.string(),
      at: instant,
    }),
  ),
  /** Office references this report duplicates, or that duplicate it. */
  duplicateOf: z.optional(z.string()),
  duplicates: z.array(z.string()),
  /** Who viewed, who changed what, and when: newest last. */
  audit: z.array(event),
});

/** `GET /api/office/me`: the signed-in staff member and what their community's console needs. */
export const meSchema = z.strictObject({
  username: z.string(),
  roles: z.array(z.enum(staffRoles)),
  community: z.strictObject({ id: z.string(), name: z.record(z.string(), z.string()) }),
  colleagues: z.array(z.strictObject({ username: z.string(), roles: z.array(z.enum(staffRoles)) })),
  agencies: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.string(),
      name: z.record(z.string(), z.string()),
      phone: z.string(),
    }),
  ),
  sla: z.strictObject({
    urgentAcknowledgeMinutes: z.int(),
    acknowledgeHours: z.int(),
    firstReplyDays: z.int(),
    outcomeDays: z.int(),
  }),
});

/** A 409: the move isn't allowed (with the moves that are), or the report changed meanwhile (with how it is now). */
export const conflictSchema = z.strictObject({
  error: z.enum(['invalid_transition', 'stale_version']),
  message: z.string(),
  allowed: z.optional(z.array(z.enum(officeStatuses))),
  current: z.optional(reportViewSchema),
});

/** `GET /api/office/alerts`: the community's recent urgent alerts, as they were sent. */
export const alertsSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      ref: z.string(),
      kind: z.enum(['alert', 'reminder']),
      sentAt: instant,
      /** Exactly what was sent: the community and the office reference, never report content. */
      message: z.string(),
    }),
  ),
});

const byKey = z.record(z.string(), z.int());

/** `GET /api/office/stats`: the lead's dashboard, from the month index (no report text). */
export const statsSchema = z.strictObject({
  /** The last 12 weeks, oldest first, by the Monday each starts on. */
  weeks: z.array(
    z.strictObject({ weekStart: z.string(), total: z.int(), byCategory: byKey, byStatus: byKey }),
  ),
  /** Medians over the same weeks; null when nothing was acknowledged / replied to yet. */
  medianMinutesToAcknowledge: z.nullable(z.number()),
  medianHoursToFirstReply: z.nullable(z.number()),
  /** Open reports past each target now. */
  overdue: z.strictObject({ acknowledge: z.int(), firstReply: z.int(), outcome: z.int() }),
  /** Referrals by agency id. */
  referralsByAgency: byKey,
});

/** A public count: the number when it is 5 or more, else `{ fewerThan: 5 }`, so no small group stands out. */
export const publicCountSchema = z.union([
  z.int().check(z.minimum(5)),
  z.strictObject({ fewerThan: z.literal(5) }),
]);

/** `GET /api/transparency`: per community, per month, how concerns were handled. Aggregates only. */
export const transparencySchema = z.strictObject({
  generatedAt: instant,
  communities: z.array(
    z.strictObject({
      id: z.string(),
      name: z.record(z.string(), z.string()),
      months: z.array(
        z.strictObject({
          /** `YYYY-MM`. */
          month: z.string(),
          received: publicCountSchema,
          acknowledgedInTime: publicCountSchema,
          closed: publicCountSchema,
        }),
      ),
    }),
  ),
});

/** `GET /api/office/config`: where the console signs staff in. */
export const officeConfigSchema = z.strictObject({ issuer: z.string(), clientId: z.string() });
