/**
 * What staff see: stored reports and the items under them, turned into the office contract's
 * bodies (`functions/domain/office-contract.ts`). Every text stays plain text. A report's
 * sealed contact is opened here, for staff of its community only (the caller found the report
 * through its community).
 */
import { type SlaTargets, slaFor } from '../domain/sla.ts';
import { openContact } from '../store/contact-open.ts';
import type { QueueRow } from '../store/office.ts';
import type { ReportItem } from '../store/reports.ts';

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/** One queue row, with where it stands against the targets now. */
export function queueItem(row: QueueRow, targets: SlaTargets, now: Date) {
  return {
    ref: row.ref,
    status: row.status,
    urgent: row.urgent,
    ...optional('priority', row.priority),
    categories: row.categories,
    childAgeBand: row.childAgeBand,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    ...optional('reporterUpdatedAt', row.reporterUpdatedAt),
    ...optional('assignee', row.assignee),
    sla: slaFor(row, targets, now),
  };
}

type Item = Record<string, unknown>;
const bySk = (prefix: string, items: Item[]) =>
  items
    .filter((item) => String(item.sk).startsWith(prefix))
    .sort((a, b) => String(a.sk).localeCompare(String(b.sk)));

/** The contact the reporter left, opened; or a plaintext one from before contacts were sealed. */
function contactOf(report: ReportItem): Promise<string | undefined> | string | undefined {
  return report.sealedContact ? openContact(report.sealedContact, report.community) : report.contact;
}

/** The whole report as staff see it: fields, thread, notes, referrals, duplicates, audit trail. */
export async function reportView(report: ReportItem, items: Item[], targets: SlaTargets, now: Date) {
  return {
    ref: report.ref,
    version: report.version,
    status: report.status,
    urgent: report.urgent,
    urgentReasons: report.urgentReasons,
    ...optional('priority', report.priority),
    ...optional('assignee', report.assignee),
    community: report.community,
    categories: report.categories,
    reporterRole: report.reporterRole,
    childAgeBand: report.childAgeBand,
    immediateDanger: report.immediateDanger,
    description: report.description,
    ...optional('location', report.location),
    ...optional('ongoing', report.ongoing),
    ...optional('contact', await contactOf(report)),
    language: report.language,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    ...optional('acknowledgedAt', report.acknowledgedAt),
    ...optional('firstReplyAt', report.firstReplyAt),
    ...optional('closedAt', report.closedAt),
    ...optional('reporterUpdatedAt', report.reporterUpdatedAt),
    ...optional('outcome', report.outcome),
    sla: slaFor(report, targets, now),
    messages: bySk('MSG#', items).map((m) => ({
      from: m.from as 'office' | 'reporter',
      body: String(m.body),
      sentAt: String(m.sentAt),
      ...optional('author', m.author as string | undefined),
    })),
    notes: bySk('NOTE#', items).map((n) => ({
      body: String(n.body),
      at: String(n.at),
      author: String(n.author),
    })),
    referrals: bySk('REFERRAL#', items).map((r) => ({
      agency: String(r.agency),
      method: r.method as 'phone',
      on: String(r.on),
      contactPerson: String(r.contactPerson),
      ...optional('note', r.note as string | undefined),
      by: String(r.by),
      at: String(r.at),
    })),
    ...optional('duplicateOf', report.duplicateOf),
    duplicates: report.duplicates ?? [],
    audit: bySk('AUDIT#', items).map((e) => ({
      id: String(e.id),
      at: String(e.at),
      actor: String(e.actor),
      action: String(e.action),
      ...optional('from', e.from as ReportItem['status'] | undefined),
      ...optional('to', e.to as ReportItem['status'] | undefined),
      ...optional('details', e.details as Record<string, string> | undefined),
    })),
  };
}
