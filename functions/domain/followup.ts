/**
 * The follow-up contract: what a reporter sends with their receipt to read the office's
 * messages and to add information. Pure.
 */
import * as z from 'zod/mini';
import { languages } from './languages.ts';
import { normalizeReceipt } from './receipt.ts';
import { requestLimits } from './report.ts';

/** Limits of a reporter's message. */
export const messageLimits = { body: { min: 1, max: 5000 } } as const;

/** A receipt as typed: spaces, dashes and full-width digits are fine; it must hold 16 digits. */
const receipt = z.pipe(
  z.string().check(z.maxLength(64)),
  z.transform((typed, context) => {
    const digits = normalizeReceipt(typed);
    if (digits) return digits;
    context.issues.push({ code: 'custom', message: 'receipt', input: typed });
    return z.NEVER;
  }),
);

const altcha = z.optional(z.string().check(z.maxLength(requestLimits.altcha)));

/** `POST /api/followup`: open a report with its receipt. */
export const followupRequestSchema = z.strictObject({
  receipt,
  language: z.enum(languages),
  altcha,
});

/** `POST /api/followup/messages`: add information or answer the office. */
export const messageRequestSchema = z.strictObject({
  receipt,
  body: z.string().check(z.trim(), z.minLength(messageLimits.body.min), z.maxLength(messageLimits.body.max)),
  language: z.enum(languages),
  altcha,
});

export type FollowupRequest = z.output<typeof followupRequestSchema>;
export type MessageRequest = z.output<typeof messageRequestSchema>;

/** Who wrote a message in the thread between the office and the reporter. */
export const messageAuthors = ['office', 'reporter'] as const;
export type MessageAuthor = (typeof messageAuthors)[number];
