/**
 * The shape of a deployment's configuration file (`hutong.config.json`): its communities,
 * phone lines, quick-exit targets and languages. Pure: parsing only, no file access.
 */
import * as z from 'zod/mini';
import { languages } from './languages.ts';
import { agencyKinds } from './workflow.ts';

const text = z.string().check(z.trim(), z.minLength(1), z.maxLength(500));

/** Text in every language the code knows, so no page is ever half-translated. */
const localized = z.strictObject({ 'zh-CN': text, en: text });

const httpsUrl = z.string().check(
  z.refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', {
    message: 'must be an https:// address',
  }),
);

const phoneNumber = z.string().check(z.regex(/^[0-9][0-9 -]{1,19}$/, 'must be digits, spaces or dashes'));

/** A number people can call, with what it is for. */
const phoneLine = z.strictObject({
  /** Digits as dialled, e.g. "110" or "12345". */
  number: phoneNumber,
  /** Who answers, e.g. "Police". */
  name: localized,
  /** When to call it, in a few words. */
  when: localized,
});

/** The office that triages one community's reports. */
const office = z.strictObject({
  name: localized,
  phone: phoneNumber,
  address: localized,
  /** Opening hours as people read them, e.g. "Mon–Fri 9:00–17:00". */
  hours: localized,
});

/**
 * The community's children's home (儿童之家): the open space where children play, read and
 * meet the 儿童主任. Its name, address and hours are text in every language; the phone is
 * optional, because many homes are staffed part-time and answered through the office.
 */
const childrensHome = z.strictObject({
  name: localized,
  address: localized,
  /** Opening hours as people read them, e.g. "Tue–Sun 14:00–18:00". */
  hours: localized,
  /** A number that reaches the home itself, when it has one. */
  phone: z.optional(phoneNumber),
});

const id = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9-]{1,31}$/, 'must be lower-case letters, digits or dashes'));

/** An agency the office refers reports to: police, hospital, school, civil affairs… */
const agency = z.strictObject({
  id,
  kind: z.enum(agencyKinds),
  name: localized,
  phone: phoneNumber,
});

/** One residential community (社区) served by the deployment. */
const community = z.strictObject({
  /** Stable id used in reports and URLs: lower-case letters, digits and dashes. */
  id,
  name: localized,
  office,
  /**
   * Optional: not every community has a children's home yet, and a deployment must not invent
   * one to pass validation. Where it is missing, the help page sends children to the office.
   */
  childrensHome: z.optional(childrensHome),
  /** The agencies this community's office refers to, in the order the console lists them. */
  agencies: z.array(agency).check(z.minLength(1)),
});

/** Service targets; the office console shows every report against them. */
const sla = z.strictObject({
  urgentAcknowledgeMinutes: z.int().check(z.positive()),
  acknowledgeHours: z.int().check(z.positive()),
  firstReplyDays: z.int().check(z.positive()),
  outcomeDays: z.int().check(z.positive()),
});

/**
 * Caps on reports per hour, GlobaLeaks-style, so a flood can't bury the office. Counted per
 * clock hour. Form posts without JavaScript carry no proof of work, so they have their own,
 * tighter cap.
 */
const limits = z.strictObject({
  /** Reports a community's office can receive in one hour, all channels together. */
  reportsPerHourPerCommunity: z.int().check(z.positive()),
  /** Reports the whole deployment can receive in one hour. */
  reportsPerHour: z.int().check(z.positive()),
  /** Of a community's hourly reports, how many may come from the form without JavaScript. */
  formReportsPerHourPerCommunity: z.int().check(z.positive()),
});

/** The whole deployment configuration. */
const deploymentSchema = z
  .strictObject({
    /** The portal's name as shown in the header. */
    name: localized,
    /** Languages the site is published in; the first is the default, served at `/`. */
    languages: z.array(z.enum(languages)).check(z.minLength(1)),
    /** The number to call when a child is in danger right now (110 in China). */
    emergency: phoneLine,
    /** Other lines, in the order the footer lists them. */
    hotlines: z.array(phoneLine),
    /** Where the quick exit sends people, per language: a neutral site such as a weather page. */
    quickExit: z.strictObject({ 'zh-CN': httpsUrl, en: httpsUrl }),
    communities: z.array(community).check(z.minLength(1)),
    limits,
    sla,
    /** Days a closed report is kept before retention deletes it, keeping only statistics. */
    retentionDays: z.int().check(z.minimum(30)),
  })
  .check(
    z.refine((d) => new Set(d.communities.map((c) => c.id)).size === d.communities.length, {
      message: 'community ids must be unique',
      path: ['communities'],
    }),
    z.refine((d) => new Set(d.languages).size === d.languages.length, {
      message: 'languages must not repeat',
      path: ['languages'],
    }),
  );

/** A validated deployment configuration. */
export type Deployment = z.infer<typeof deploymentSchema>;

/** A community as configured. */
export type Community = Deployment['communities'][number];

/**
 * Validates a parsed configuration file, or throws one error listing every problem.
 * @example parseDeployment(JSON.parse(readFileSync('hutong.config.json', 'utf8')))
 */
export function parseDeployment(raw: unknown): Deployment {
  const result = deploymentSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`hutong.config.json is not valid:\n${problems.join('\n')}`);
}
