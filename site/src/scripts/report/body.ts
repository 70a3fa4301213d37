/** Reads the report form into the JSON body of `POST /api/reports`. Browser only. */
import type { ReportField } from '../../../../functions/domain/report.ts';

/** The fields a body may carry: the report's, the honeypot and the proof of work. */
type BodyField = ReportField | 'website' | 'altcha';

/**
 * What the form sends. Values are as typed or chosen, unvalidated: the API validates once and
 * answers in the page's language. Blank optional answers are left out, never sent empty.
 */
export type ReportBody = Partial<Record<BodyField, string | string[] | boolean>>;

/** The roles that mean a child is telling us, and the form speaks to a child. */
const childRoles: readonly string[] = ['child_self', 'child_friend'];

/** True when the form says a child is telling. */
export function isChildTelling(form: HTMLFormElement): boolean {
  return childRoles.includes(String(new FormData(form).get('reporterRole') ?? ''));
}

/**
 * The body for the form's current answers. A child may skip the kind of concern and the age:
 * the contract still needs both, so they go as "something else" and "unknown".
 * @example JSON.stringify(reportBody(form))
 */
export function reportBody(form: HTMLFormElement): ReportBody {
  const data = new FormData(form);
  const text = (name: BodyField): string => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  const optional = (name: BodyField): string | undefined => (text(name).trim() ? text(name) : undefined);
  const child = isChildTelling(form);
  const chosen = data.getAll('categories').map(String);
  const body: ReportBody = {
    community: optional('community'),
    categories: chosen.length === 0 && child ? ['other'] : chosen,
    reporterRole: optional('reporterRole'),
    childAgeBand: optional('childAgeBand') ?? (child ? 'unknown' : undefined),
    immediateDanger: data.has('immediateDanger'),
    description: text('description'),
    location: optional('location'),
    ongoing: optional('ongoing'),
    contact: optional('contact'),
    language: text('language'),
    website: optional('website'),
  };
  for (const key of Object.keys(body) as BodyField[]) if (body[key] === undefined) delete body[key];
  return body;
}
