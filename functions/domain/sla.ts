/**
 * Service targets and where a report stands against them: acknowledge (sooner when urgent),
 * first reply to the reporter, and an outcome. GlobaLeaks' users ask for exactly these
 * reminders; the defaults follow common practice for statutory feedback. Pure.
 */

/** The targets, as the deployment configures them. */
export interface SlaTargets {
  urgentAcknowledgeMinutes: number;
  acknowledgeHours: number;
  firstReplyDays: number;
  outcomeDays: number;
}

/** Where one target stands. */
export interface SlaState {
  /** `met` in time, `late` met after its due time, `due` not yet met and not yet late, `overdue`. */
  state: 'met' | 'late' | 'due' | 'overdue';
  /** When it is or was due. */
  dueAt: string;
}

/** The dates a report's targets are measured by. */
export interface SlaDates {
  urgent: boolean;
  createdAt: string;
  acknowledgedAt?: string | undefined;
  firstReplyAt?: string | undefined;
  closedAt?: string | undefined;
}

const minute = 60_000;

function stand(dueAt: number, doneAt: string | undefined, now: Date): SlaState {
  const due = new Date(dueAt).toISOString();
  if (doneAt) return { state: Date.parse(doneAt) <= dueAt ? 'met' : 'late', dueAt: due };
  return { state: now.getTime() > dueAt ? 'overdue' : 'due', dueAt: due };
}

/**
 * Where a report stands against every target at `now`.
 * @example slaFor({ urgent: true, createdAt }, targets, now).acknowledge.state // 'overdue' after an hour
 */
export function slaFor(
  report: SlaDates,
  targets: SlaTargets,
  now: Date,
): { acknowledge: SlaState; firstReply: SlaState; outcome: SlaState } {
  const created = Date.parse(report.createdAt);
  const acknowledgeWithin = report.urgent
    ? targets.urgentAcknowledgeMinutes * minute
    : targets.acknowledgeHours * 60 * minute;
  return {
    acknowledge: stand(created + acknowledgeWithin, report.acknowledgedAt, now),
    firstReply: stand(created + targets.firstReplyDays * 24 * 60 * minute, report.firstReplyAt, now),
    outcome: stand(created + targets.outcomeDays * 24 * 60 * minute, report.closedAt, now),
  };
}
