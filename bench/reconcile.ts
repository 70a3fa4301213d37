/**
 * The count every reliability scenario ends with: what the reporters were told against what the
 * table holds. Exact means every 201 has exactly one report, each report belongs to a 201, every
 * retry got the same receipt, and nothing was left unanswered.
 */
import { type Submission, tokenIn } from './virtual-reporter.ts';

/** The reconciliation of one run. */
export interface Reconciliation {
  /** Reports the reporters set out to send. */
  submissions: number;
  /** Submissions answered 201 at least once. */
  accepted: number;
  /** Submissions refused with a 4xx (a cap's 429, say), and never accepted. */
  refused: number;
  /** Submissions still failing when the run's deadline passed. */
  unresolved: number;
  /** Reports in the table. */
  reports: number;
  /** Accepted submissions with no report: a lost report. */
  missing: number;
  /** Submissions with more than one report: a duplicate. */
  duplicated: number;
  /** Reports of submissions that were never told 201 (or of no submission at all). */
  unexpected: number;
  /** Accepted submissions sent again that got another receipt, or a refusal. */
  replayFailures: number;
  exact: boolean;
}

/** The status of every attempt, tallied: `{ "201": 812, "503": 40, "connection failed": 3 }`. */
export function statusTally(submissions: readonly Submission[]): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const attempt of submissions.flatMap((s) => s.attempts)) {
    const key = attempt.status ? String(attempt.status) : 'connection failed';
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
}

/**
 * A tally as one line of text, for the figures' tables.
 * @example describeTally({ '201': 812, '503': 40 }) // '201: 812, 503: 40'
 */
export function describeTally(tally: Record<string, number>): string {
  return (
    Object.entries(tally)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ') || '—'
  );
}

/** Reconciles `submissions` with the table's `items` (from `scanAll`). */
export function reconcile(
  submissions: readonly Submission[],
  items: readonly Record<string, unknown>[],
): Reconciliation {
  const reports = items.filter((item) => item.type === 'report');
  const perToken = new Map<string, number>();
  for (const report of reports) {
    const token = tokenIn(report.description) ?? 'not ours';
    perToken.set(token, (perToken.get(token) ?? 0) + 1);
  }
  const accepted = submissions.filter((s) => s.outcome === 'accepted');
  const acceptedTokens = new Set(accepted.map((s) => s.token));
  const replayFailures = accepted.filter((s) => {
    const after = s.attempts.slice(s.attempts.findIndex((a) => a.status === 201));
    const receipts = new Set(after.filter((a) => a.status === 201).map((a) => a.receipt));
    return receipts.size !== 1 || after.some((a) => a.status >= 400 && a.status < 500);
  }).length;
  const missing = accepted.filter((s) => !perToken.has(s.token)).length;
  const duplicated = [...perToken.values()].filter((count) => count > 1).length;
  const unexpected = reports.filter((r) => !acceptedTokens.has(tokenIn(r.description) ?? '')).length;
  const unresolved = submissions.filter((s) => s.outcome === 'unresolved').length;
  return {
    submissions: submissions.length,
    accepted: accepted.length,
    refused: submissions.filter((s) => s.outcome === 'refused').length,
    unresolved,
    reports: reports.length,
    missing,
    duplicated,
    unexpected,
    replayFailures,
    exact:
      missing + duplicated + unexpected + replayFailures + unresolved === 0 &&
      reports.length === accepted.length,
  };
}
