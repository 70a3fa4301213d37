/**
 * The concern report contract (v1): its options, limits and schema. The server validates
 * with this schema and the site builds its form from the same values. Pure.
 */
import * as z from 'zod/mini';
import { languages } from './languages.ts';

/** What the concern is about: WHO subtypes plus what Chinese communities most often see. */
export const categories = [
  'physical_abuse',
  'sexual_abuse',
  'emotional_abuse',
  'neglect',
  'bullying',
  'online_harm',
  'child_labour',
  'trafficking_or_begging',
  'self_harm',
  'other',
] as const;

/** Who is telling us. */
export const reporterRoles = [
  'resident',
  'parent_or_family',
  'child_self',
  'child_friend',
  'professional',
  'other',
] as const;

/** The child's age as a band: a band is enough to triage, and less identifying than an age. */
export const childAgeBands = ['0-7', '8-13', '14-15', '16-17', 'unknown'] as const;

/** Whether the harm is still happening. */
export const ongoingAnswers = ['yes', 'no', 'unknown'] as const;

export type Category = (typeof categories)[number];
export type ReporterRole = (typeof reporterRoles)[number];
export type ChildAgeBand = (typeof childAgeBands)[number];
export type Ongoing = (typeof ongoingAnswers)[number];

/** Every length and count limit of the contract, for the form's attributes and the API's checks. */
export const reportLimits = {
  categories: { min: 1, max: 5 },
  description: { min: 10, max: 5000 },
  location: { max: 300 },
  contact: { max: 200 },
  community: { max: 32 },
} as const;

/** Fields that `reportSchema` accepts. */
export const reportFields = [
  'community',
  'categories',
  'reporterRole',
  'childAgeBand',
  'immediateDanger',
  'description',
  'location',
  'ongoing',
  'contact',
  'language',
] as const;

export type ReportField = (typeof reportFields)[number];

const trimmed = (max: number, min = 0) =>
  z.string().check(z.trim(), ...(min > 0 ? [z.minLength(min)] : []), z.maxLength(max));

/** Optional free text: blank means "not given", so an empty box stores nothing. */
const optionalText = (max: number) =>
  z.pipe(
    z.optional(trimmed(max)),
    z.transform((value) => (value ? value : undefined)),
  );

/**
 * Builds the report schema for a deployment's communities. With exactly one community the
 * field may be omitted and defaults to it.
 */
export function reportSchema(communityIds: readonly string[]) {
  const community = z.enum(communityIds as [string, ...string[]]);
  return z.strictObject({
    community: communityIds.length === 1 ? z._default(community, communityIds[0] as string) : community,
    categories: z.array(z.enum(categories)).check(
      z.minLength(reportLimits.categories.min),
      z.maxLength(reportLimits.categories.max),
      z.refine((values) => new Set(values).size === values.length, { message: 'duplicate' }),
    ),
    reporterRole: z.enum(reporterRoles),
    childAgeBand: z.enum(childAgeBands),
    immediateDanger: z.boolean(),
    description: trimmed(reportLimits.description.max, reportLimits.description.min),
    location: optionalText(reportLimits.location.max),
    ongoing: z.optional(z.enum(ongoingAnswers)),
    contact: optionalText(reportLimits.contact.max),
    language: z.enum(languages),
  });
}

/** A report as the API accepts it, after trimming and defaults. */
export type ReportInput = z.output<ReturnType<typeof reportSchema>>;

/** Limits of the fields that travel with a request but are not part of the report. */
export const requestLimits = { altcha: 8000, website: 500 } as const;

/**
 * What `POST /api/reports` accepts: the report, plus the proof of work (`altcha`, the base64
 * payload altcha's solvers produce) and `website`, a honeypot field people never see. Neither
 * is stored; `splitReportRequest` takes them off.
 */
export function reportRequestSchema(communityIds: readonly string[]) {
  return z.extend(reportSchema(communityIds), {
    altcha: z.optional(z.string().check(z.maxLength(requestLimits.altcha))),
    website: z.optional(z.string().check(z.maxLength(requestLimits.website))),
  });
}

/** A validated `POST /api/reports` body. */
export type ReportRequest = z.output<ReturnType<typeof reportRequestSchema>>;

/** Separates the report from the request's proof of work and honeypot. */
export function splitReportRequest(request: ReportRequest): {
  report: ReportInput;
  altcha: string | undefined;
  honeypotFilled: boolean;
} {
  const { altcha, website, ...report } = request;
  return { report, altcha, honeypotFilled: (website ?? '').trim() !== '' };
}
