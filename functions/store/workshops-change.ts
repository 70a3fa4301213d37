/**
 * Changing a workshop: saving its working copy, or a review step. Each is ONE optimistic-locked
 * write of the workshop (condition `version = :expected`; it sets the next version, `updatedAt`,
 * the index attributes and `lastEvent`), then its audit step, written only if absent. If the
 * process stops between the two, the audit step is written on the next read (`workshopAudit`).
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Staff } from '../domain/staff.ts';
import type { Session, Workshop } from '../domain/workshop.ts';
import type { WorkshopAuditEntry, WorkshopRecord } from '../domain/workshop-record.ts';
import { reviewStateOf } from '../domain/workshop-record.ts';
import { editorsAfterEdit, type ReviewAction, statusAfter } from '../domain/workshop-review.ts';
import { call, documentClient, isConditionFailure, tableName } from './client.ts';
import { derivedAttributes, recordAudit, type WorkshopItem, workshopKey } from './workshops.ts';

/** What a step may take away: a live snapshot and its index attributes. Nothing else is removed. */
const removable = ['live', 'liveVersion', 'publishedPk'];

/** The record as it stands in the item, without the keys and index attributes. */
function recordOf(item: WorkshopItem): WorkshopRecord {
  const { id, community, status, version, draft, live, authorName, editors, createdAt, updatedAt } = item;
  return {
    id,
    community,
    status,
    version,
    draft,
    authorName,
    editors,
    createdAt,
    updatedAt,
    ...(live ? { live } : {}),
  };
}

/** The next version of the record: the step, who took it, when, and its audit step. */
function advance(item: WorkshopItem, staff: Staff, now: Date, action: string, comment?: string) {
  const at = now.toISOString();
  const version = item.version + 1;
  const lastEvent: WorkshopAuditEntry = {
    at,
    by: staff.username,
    action,
    version,
    ...(comment ? { comment } : {}),
  };
  return { ...recordOf(item), version, updatedAt: at, lastEvent };
}

/** Saving the working copy: a draft again (the live snapshot stays), with the saver among its editors. */
export function planEdit(
  item: WorkshopItem,
  staff: Staff,
  now: Date,
  workshop: Workshop,
  sessions: Session[],
) {
  const next = advance(item, staff, now, 'edit');
  next.status = statusAfter('edit', reviewStateOf(item));
  next.editors = editorsAfterEdit(item.editors, staff.username);
  next.draft = { ...item.draft, workshop, sessions };
  return next;
}

/** A review step: the new status, and for a publish the snapshot that goes live. */
export function planStep(
  item: WorkshopItem,
  staff: Staff,
  now: Date,
  action: ReviewAction,
  comment?: string,
) {
  const next: WorkshopRecord = advance(item, staff, now, action, comment);
  next.status = statusAfter(action, reviewStateOf(item));
  if (action === 'publish') {
    next.live = {
      ...item.draft,
      version: next.version,
      publishedAt: next.updatedAt,
      publishedBy: staff.username,
    };
  }
  if (action === 'unpublish') delete next.live;
  return next;
}

/**
 * Writes `next` over `item` if nobody changed the workshop since `item.version`: every attribute
 * that differs is set (of the working copy, only the workshop and its sessions: its handouts are
 * written on their own), every one that is gone is removed. Returns the item as it now stands, or
 * undefined when someone changed it first. Then records the audit step.
 */
export async function writeWorkshop(
  item: WorkshopItem,
  next: WorkshopRecord,
): Promise<WorkshopItem | undefined> {
  const before: Record<string, unknown> = { ...item };
  const after: Record<string, unknown> = { ...next, ...derivedAttributes(next) };
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': item.version };
  const sets: string[] = [];
  const assign = (path: string, value: unknown) => {
    const ref = `:v${sets.length}`;
    values[ref] = value;
    sets.push(`${path} = ${ref}`);
  };
  Object.entries(after).forEach(([name, value], i) => {
    if (name === 'draft' || JSON.stringify(value) === JSON.stringify(before[name])) return;
    names[`#a${i}`] = name;
    assign(`#a${i}`, value);
  });
  for (const part of ['workshop', 'sessions'] as const) {
    if (JSON.stringify(next.draft[part]) === JSON.stringify(item.draft[part])) continue;
    names['#draft'] = 'draft';
    names[`#${part}`] = part;
    assign(`#draft.#${part}`, next.draft[part]);
  }
  const removes = removable
    .filter((name) => name in before && !(name in after))
    .map((name, i) => {
      names[`#r${i}`] = name;
      return `#r${i}`;
    });
  try {
    const { Attributes } = await call(() =>
      documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: workshopKey(item.id),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    if (next.lastEvent) await recordAudit(next.id, next.lastEvent);
    return Attributes as WorkshopItem;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}
