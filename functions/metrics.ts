/**
 * The portal's own metrics, declared once, as plain data: the functions emit them (CloudWatch
 * embedded metric format, through Powertools Metrics), and the stack builds its alarms and its
 * dashboard from the same list. No metric carries anything about a person: counts, durations and
 * a few fixed dimension values (a refusal's error code, an action's kind, a record's kind).
 */

/** The CloudWatch namespace every metric of the portal is published under. */
export const metricNamespace = 'Hutong';

/** One metric: its name, unit, and the one dimension it is split by, if any. */
export interface MetricDefinition {
  name: string;
  unit: 'Count' | 'Seconds';
  /** A dimension whose values are fixed codes from the contract, never free text. */
  dimension?: string;
  /** A level each run samples (read its Maximum), not events to add up. */
  gauge?: true;
  /** One line for the dashboard and the docs. */
  summary: string;
}

export const metrics = {
  reportsAccepted: {
    name: 'ReportsAccepted',
    unit: 'Count',
    summary: 'Reports stored (201), retries of a stored report not counted again',
  },
  reportsRefused: {
    name: 'ReportsRefused',
    unit: 'Count',
    dimension: 'Reason',
    summary:
      "Report submissions refused, by the refusal's error code (invalid_report, too_many_reports, …), or honeypot for a filled trap field",
  },
  followUps: {
    name: 'FollowUps',
    unit: 'Count',
    summary: 'Follow-up lookups and messages by reporters that succeeded',
  },
  officeActions: {
    name: 'OfficeActions',
    unit: 'Count',
    dimension: 'Action',
    summary: "Office actions applied to reports, by the action's kind",
  },
  timeToAcknowledge: {
    name: 'TimeToAcknowledge',
    unit: 'Seconds',
    summary: "Seconds from a report's arrival to the office acknowledging it",
  },
  purged: {
    name: 'Purged',
    unit: 'Count',
    dimension: 'Kind',
    summary: 'Records deleted by the purge and retention jobs, by kind',
  },
  urgentUnacknowledged: {
    name: 'UrgentUnacknowledgedPastTarget',
    unit: 'Count',
    gauge: true,
    summary:
      'Urgent reports unacknowledged past their target, counted by every alert-dispatch run until staff acknowledge, merge or close each; 0 when none',
  },
} as const satisfies Record<string, MetricDefinition>;

/** A metric's key in `metrics`. */
export type MetricKey = keyof typeof metrics;
