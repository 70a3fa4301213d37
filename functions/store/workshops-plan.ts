/**
 * What each change makes of a workshop: the next record, with its version, time, editors, status
 * and audit step. Nothing is written here; `writeWorkshop` (workshops-change.ts) writes it.
 */
import type { Staff } from '../domain/staff.ts';
import type { Session, Workshop } from '../domain/workshop.ts';
import type { StoredHandout, WorkshopAuditEntry, WorkshopRecord } from '../domain/workshop-record.ts';
import { reviewStateOf } from '../domain/workshop-record.ts';
import { editorsAfterEdit, type ReviewAction, statusAfter } from '../domain/workshop-review.ts';
import type { WorkshopItem } from './workshops.ts';

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

/**
 * A change of the working copy's handout files (functions/store/workshop-handouts.ts): like an
 * edit, it makes a draft, makes the trainer an editor and is audited as `action`.
 * @example writeWorkshop(item, planHandouts(item, staff, now, [...item.draft.handouts, added], 'add_handout'))
 */
export function planHandouts(
  item: WorkshopItem,
  staff: Staff,
  now: Date,
  handouts: StoredHandout[],
  action: 'add_handout' | 'remove_handout',
) {
  const next = advance(item, staff, now, action);
  next.status = statusAfter('edit', reviewStateOf(item));
  next.editors = editorsAfterEdit(item.editors, staff.username);
  next.draft = { ...item.draft, handouts };
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
