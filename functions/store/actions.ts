/**
 * Staff actions on a report. Each is ONE optimistic-locked write of the report (condition:
 * `version = :expected`; it sets `version + 1`, `updatedAt` and `lastEvent`), then the items
 * the action adds (a note, a reply, a referral) and its audit event, each written only if
 * absent. The change carries its own event, so if the process stops before the audit item is
 * written, `recordLastEvent` writes it the next time the report is read.
 */
import { randomBytes } from 'node:crypto';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Staff } from '../domain/staff.ts';
import { dayOf, type OfficeStatus, publicStatus, type TimelineEntry } from '../domain/status.ts';
import { type Action, targetStatus } from '../domain/workflow.ts';
import { conditionally, documentClient, tableName } from './client.ts';
import { indexAttributes } from './report-indexes.ts';
import type { AuditEvent, ReportItem } from './reports.ts';

const eventId = () => randomBytes(8).toString('hex');

/** What an action changes on the report. */
interface Change {
  set: Record<string, unknown>;
  remove: string[];
  appendTimeline?: TimelineEntry;
}

/** Builds the report change and the audit event for a validated, allowed action. */
export function plan(
  report: ReportItem,
  action: Action,
  staff: Staff,
  now: Date,
): { change: Change; event: AuditEvent } {
  const at = now.toISOString();
  const id = eventId();
  const from = report.status;
  const to = targetStatus(action, from);
  const moves = to !== undefined && to !== from;
  const set: Record<string, unknown> = { version: report.version + 1, updatedAt: at, staffActedAt: at };
  const remove: string[] = [];
  const event: AuditEvent = {
    id,
    at,
    actor: staff.username,
    action: action.action,
    ...(moves ? { from, to } : {}),
  };
  const status: OfficeStatus = moves ? (to as OfficeStatus) : from;
  let priority = report.priority;

  switch (action.action) {
    case 'acknowledge':
      priority = action.priority;
      set.priority = priority;
      if (!report.acknowledgedAt) set.acknowledgedAt = at;
      remove.push('alertPk', 'alertSk');
      event.details = { priority };
      break;
    case 'set_priority':
      priority = action.priority;
      set.priority = priority;
      event.details = { priority };
      break;
    case 'assign':
      set.assignee = action.assignee;
      event.details = { assignee: action.assignee };
      break;
    case 'note':
      event.adds = {
        sk: `NOTE#${at}#${id}`,
        item: { type: 'note', author: staff.username, body: action.body, at },
      };
      break;
    case 'reply':
      if (!report.firstReplyAt) set.firstReplyAt = at;
      event.adds = {
        sk: `MSG#${at}#${id}`,
        item: { type: 'message', from: 'office', author: staff.username, body: action.body, sentAt: at },
      };
      break;
    case 'refer': {
      const { agency, method, on, contactPerson, note } = action;
      set.referralAgencies = [...(report.referralAgencies ?? []), agency];
      event.details = { agency, method, on, contactPerson };
      event.adds = {
        sk: `REFERRAL#${at}#${id}`,
        item: {
          type: 'referral',
          agency,
          method,
          on,
          contactPerson,
          ...(note ? { note } : {}),
          by: staff.username,
          at,
        },
      };
      break;
    }
    case 'duplicate':
      set.duplicateOf = action.of;
      remove.push('alertPk', 'alertSk');
      event.details = { of: action.of };
      break;
    case 'close':
      set.outcome = action.outcome;
      set.closedAt = at;
      remove.push('alertPk', 'alertSk');
      event.details = { outcome: action.outcome, ...(action.note ? { note: action.note } : {}) };
      break;
    case 'reopen':
      remove.push('closedAt', 'outcome');
      event.details = { reason: action.reason };
      break;
  }

  const statusChangedAt = moves ? at : report.statusChangedAt;
  if (moves) set.status = status;
  if (moves) set.statusChangedAt = at;
  const indexes = indexAttributes({ ...report, status, priority, statusChangedAt });
  Object.assign(set, indexes.set);
  remove.push(...indexes.remove);
  const appendTimeline =
    moves && publicStatus(status) !== publicStatus(from)
      ? { status: publicStatus(status), on: dayOf(at) }
      : undefined;
  set.lastEvent = event;
  return { change: { set, remove, ...(appendTimeline ? { appendTimeline } : {}) }, event };
}

/** Writes the change if nobody changed the report since `expectedVersion`; false if someone did. */
export function writeChange(report: ReportItem, expectedVersion: number, change: Change): Promise<boolean> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':expected': expectedVersion };
  const sets = Object.entries(change.set).map(([name, value], i) => {
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
    return `#s${i} = :s${i}`;
  });
  if (change.appendTimeline) {
    names['#timeline'] = 'timeline';
    values[':timeline'] = [change.appendTimeline];
    values[':none'] = [];
    sets.push('#timeline = list_append(if_not_exists(#timeline, :none), :timeline)');
  }
  const removes = [...new Set(change.remove)]
    .filter((name) => !(name in change.set))
    .map((name, i) => {
      names[`#r${i}`] = name;
      return `#r${i}`;
    });
  return conditionally(() =>
    documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: report.pk, sk: 'REPORT' },
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: 'version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    ),
  );
}

function putIfAbsent(item: Record<string, unknown>): Promise<boolean> {
  return conditionally(() =>
    documentClient.send(
      new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(sk)' }),
    ),
  );
}

/** Writes what an event adds, then the event itself; both are no-ops if already there. */
export async function recordEvent(pk: string, event: AuditEvent): Promise<void> {
  if (event.adds) await putIfAbsent({ pk, sk: event.adds.sk, ...event.adds.item });
  const { adds: _, ...rest } = event;
  await putIfAbsent({ pk, sk: `AUDIT#${event.at}#${event.id}`, type: 'audit', ...rest });
}

/** Records that a staff member opened a report: the audit trail says who viewed, and when. */
export function recordView(report: ReportItem, staff: Staff, now: Date): Promise<void> {
  return recordEvent(report.pk, {
    id: eventId(),
    at: now.toISOString(),
    actor: staff.username,
    action: 'viewed',
  });
}

/** Links a report to the one it duplicates, on the other report: "linked both ways". */
export function linkDuplicate(original: ReportItem, duplicateRef: string): Promise<boolean> {
  return conditionally(() =>
    documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: original.pk, sk: 'REPORT' },
        UpdateExpression: 'SET duplicates = list_append(if_not_exists(duplicates, :none), :ref)',
        ConditionExpression: 'attribute_exists(pk) AND NOT contains(duplicates, :refText)',
        ExpressionAttributeValues: { ':none': [], ':ref': [duplicateRef], ':refText': duplicateRef },
      }),
    ),
  );
}
