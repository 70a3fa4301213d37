/**
 * The figures staff and the public see, computed from non-identifying rows: the lead's
 * dashboard and the community's transparency figures, where every count under 5 is withheld
 * so no child or family can be singled out. Pure.
 */
import { type SlaTargets, slaFor } from './sla.ts';

/** What a figure is computed from: one report, or one statistic kept after retention. */
export interface InsightRow {
  status: string;
  urgent: boolean;
  categories: string[];
  createdAt: string;
  acknowledgedAt?: string | undefined;
  firstReplyAt?: string | undefined;
  closedAt?: string | undefined;
  referralAgencies?: string[] | undefined;
}

const open = new Set(['new', 'triaged', 'in_progress', 'referred']);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The Monday (UTC) of an instant's week, `YYYY-MM-DD`. */
export function weekStart(instant: string | Date): string {
  const date = new Date(instant);
  const day = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day))
    .toISOString()
    .slice(0, 10);
}

function tally(keys: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

/** The lead's dashboard over the last `weeks` weeks up to `now`. */
export function dashboard(rows: readonly InsightRow[], targets: SlaTargets, now: Date, weeks = 12) {
  const starts = Array.from({ length: weeks }, (_, i) =>
    weekStart(new Date(now.getTime() - (weeks - 1 - i) * 7 * 86_400_000)),
  );
  const inRange = rows.filter((row) => weekStart(row.createdAt) >= (starts[0] as string));
  const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
  const openRows = rows.filter((row) => open.has(row.status));
  const overdue = (key: 'acknowledge' | 'firstReply' | 'outcome') =>
    openRows.filter((row) => slaFor(row, targets, now)[key].state === 'overdue').length;
  return {
    weeks: starts.map((start) => {
      const week = inRange.filter((row) => weekStart(row.createdAt) === start);
      return {
        weekStart: start,
        total: week.length,
        byCategory: tally(week.flatMap((row) => row.categories)),
        byStatus: tally(week.map((row) => row.status)),
      };
    }),
    medianMinutesToAcknowledge: median(
      inRange
        .filter((row) => row.acknowledgedAt)
        .map((row) => minutes(row.createdAt, row.acknowledgedAt as string)),
    ),
    medianHoursToFirstReply: (() => {
      const m = median(
        inRange
          .filter((row) => row.firstReplyAt)
          .map((row) => minutes(row.createdAt, row.firstReplyAt as string)),
      );
      return m === null ? null : m / 60;
    })(),
    overdue: {
      acknowledge: overdue('acknowledge'),
      firstReply: overdue('firstReply'),
      outcome: overdue('outcome'),
    },
    referralsByAgency: tally(inRange.flatMap((row) => row.referralAgencies ?? [])),
  };
}

/** The smallest count shown as itself; below it, "fewer than 5". */
export const smallestPublicCount = 5;

/** A count as the public may see it. */
export function publicCount(count: number): number | { fewerThan: 5 } {
  return count >= smallestPublicCount ? count : { fewerThan: smallestPublicCount };
}

/** One community's month, as the transparency page shows it. */
export function transparencyMonth(month: string, rows: readonly InsightRow[], targets: SlaTargets) {
  const acknowledgedInTime = rows.filter((row) => {
    if (!row.acknowledgedAt) return false;
    return slaFor(row, targets, new Date(row.acknowledgedAt)).acknowledge.state === 'met';
  }).length;
  return {
    month,
    received: publicCount(rows.length),
    acknowledgedInTime: publicCount(acknowledgedInTime),
    closed: publicCount(rows.filter((row) => row.closedAt || row.status === 'closed').length),
  };
}
