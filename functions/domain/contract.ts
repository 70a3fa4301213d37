/**
 * The API's response bodies as schemas: the OpenAPI document is generated from them, and the
 * integration tests check real responses against them. Pure.
 */
import * as z from 'zod/mini';
import { errorMessages } from './messages.ts';

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
