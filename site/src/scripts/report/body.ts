/** Reads the report form into the JSON body of `POST /api/reports`. Browser only. */
import type { ReportField } from '../../../../functions/domain/report.ts';

/**
 * What the form sends. Values are as typed or chosen, unvalidated: the API validates once and
 * answers in the page's language. Blank optional answers are left out, never sent empty.
 */
export type ReportBody = Partial<Record<ReportField, string | string[] | boolean>>;

/**
 * The body for the form's current answers.
 * @example JSON.stringify(reportBody(form))
 */
export function reportBody(form: HTMLFormElement): ReportBody {
  const data = new FormData(form);
  const text = (name: ReportField): string => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  const optional = (name: ReportField): string | undefined => (text(name).trim() ? text(name) : undefined);
  const body: ReportBody = {
    community: optional('community'),
    categories: data.getAll('categories').map(String),
    reporterRole: optional('reporterRole'),
    childAgeBand: optional('childAgeBand'),
    immediateDanger: data.has('immediateDanger'),
    description: text('description'),
    location: optional('location'),
    ongoing: optional('ongoing'),
    contact: optional('contact'),
    language: text('language'),
  };
  for (const key of Object.keys(body) as ReportField[]) if (body[key] === undefined) delete body[key];
  return body;
}
