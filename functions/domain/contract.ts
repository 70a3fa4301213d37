/**
 * The API's response bodies as schemas: the OpenAPI document is generated from them, and the
 * integration tests check real responses against them. Pure.
 */
import * as z from 'zod/mini';
import { messageAuthors } from './followup.ts';
import { errorMessages } from './messages.ts';
import { publicStatuses } from './status.ts';

/** The body of every error: a code to branch on, and a sentence for a person. */
export const errorBodySchema = z.strictObject({
  error: z.enum(Object.keys(errorMessages) as [keyof typeof errorMessages]),
  message: z.string(),
  issues: z.optional(
    z.array(z.strictObject({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })),
  ),
});

/** 201 from `POST /api/reports`. The receipt is shown once and never again. */
export const reportAcceptedSchema = z.strictObject({
  receipt: z.string().check(z.regex(/^\d{4} \d{4} \d{4} \d{4}$/)),
  status: z.literal('received'),
  urgent: z.boolean(),
});

/** 200 from `GET /api/health`. */
export const healthSchema = z.strictObject({ status: z.literal('ok') });

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** 200 from `POST /api/followup`: what the reporter may see of their report, and nothing else. */
export const followupSchema = z.strictObject({
  status: z.enum(publicStatuses),
  /** The day the status last changed. */
  statusChangedOn: day,
  /** Every change of the reporter-facing status, oldest first, by day. */
  timeline: z.array(z.strictObject({ status: z.enum(publicStatuses), on: day })),
  /** The thread between the office and the reporter, oldest first. Internal notes are never here. */
  messages: z.array(z.strictObject({ from: z.enum(messageAuthors), body: z.string(), sentOn: day })),
});

/** 201 from `POST /api/followup/messages`. */
export const messageAcceptedSchema = z.strictObject({ status: z.literal('sent'), sentOn: day });

/** 200 from `GET /api/challenge`: an altcha v2 challenge, signed and expiring. */
export const challengeSchema = z.object({
  parameters: z.object({
    algorithm: z.string(),
    nonce: z.string(),
    salt: z.string(),
    cost: z.number(),
    keyLength: z.number(),
    keyPrefix: z.string(),
    keySignature: z.optional(z.string()),
    expiresAt: z.number(),
    data: z.optional(z.record(z.string(), z.string())),
  }),
  signature: z.string(),
});
