/**
 * Which reports are urgent. The rules follow the situations China's 2020 mandatory-reporting
 * opinions say must be reported at once; docs/triage.md explains each one. Pure.
 */
import type { Category, ChildAgeBand, Ongoing } from './report.ts';

/** Why a report was marked urgent; the office console shows these. */
export const urgentReasons = [
  'immediate_danger',
  'self_harm',
  'sexual_abuse_under_14',
  'trafficking_or_begging',
  'young_child_left_without_care',
] as const;

export type UrgentReason = (typeof urgentReasons)[number];

/** The parts of a report that triage reads. */
export interface TriageInput {
  categories: readonly Category[];
  childAgeBand: ChildAgeBand;
  immediateDanger: boolean;
  ongoing?: Ongoing | undefined;
}

/** Bands that may hold a child under 14. An unknown age is treated as possibly under 14. */
const under14: readonly ChildAgeBand[] = ['0-7', '8-13', 'unknown'];

/**
 * Applies the triage rules. A report is urgent when any reason applies.
 * @example triage({ categories: ['self_harm'], childAgeBand: '14-15', immediateDanger: false })
 *   // { urgent: true, reasons: ['self_harm'] }
 */
export function triage(report: TriageInput): { urgent: boolean; reasons: UrgentReason[] } {
  const has = (category: Category) => report.categories.includes(category);
  const reasons: UrgentReason[] = [];
  if (report.immediateDanger) reasons.push('immediate_danger');
  if (has('self_harm')) reasons.push('self_harm');
  if (has('sexual_abuse') && under14.includes(report.childAgeBand)) reasons.push('sexual_abuse_under_14');
  if (has('trafficking_or_begging')) reasons.push('trafficking_or_begging');
  if (has('neglect') && report.childAgeBand === '0-7' && report.ongoing === 'yes') {
    reasons.push('young_child_left_without_care');
  }
  return { urgent: reasons.length > 0, reasons };
}
