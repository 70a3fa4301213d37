/**
 * Where a report stands: the office's statuses, and the three a reporter sees. Pure.
 */

/** The office's workflow: new → triaged → in_progress → referred → closed; closed may reopen; any open one may become a duplicate. */
export const officeStatuses = ['new', 'triaged', 'in_progress', 'referred', 'closed', 'duplicate'] as const;

/** What the reporter sees: received → being handled → closed. */
export const publicStatuses = ['received', 'in_progress', 'closed'] as const;

export type OfficeStatus = (typeof officeStatuses)[number];
export type PublicStatus = (typeof publicStatuses)[number];

const toPublic: Record<OfficeStatus, PublicStatus> = {
  new: 'received',
  triaged: 'in_progress',
  in_progress: 'in_progress',
  referred: 'in_progress',
  // A duplicate is handled under the report it duplicates: still in hand, from the reporter's side.
  duplicate: 'in_progress',
  closed: 'closed',
};

/**
 * The status a reporter is shown for an office status. Internal steps (triage, referral,
 * duplicate) all read as "being handled".
 * @example publicStatus('referred') // 'in_progress'
 */
export function publicStatus(status: OfficeStatus): PublicStatus {
  return toPublic[status];
}

/** A day in the reporter's timeline: day precision on purpose, no clock times. */
export interface TimelineEntry {
  status: PublicStatus;
  /** `YYYY-MM-DD`, UTC. */
  on: string;
}

/** The day of an instant, as the reporter sees dates: `YYYY-MM-DD`. */
export function dayOf(instant: string | Date): string {
  return (typeof instant === 'string' ? instant : instant.toISOString()).slice(0, 10);
}
