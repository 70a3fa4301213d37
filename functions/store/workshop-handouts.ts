/**
 * Adding and removing handout files on a workshop's working copy (`draft.handouts` of
 * `WORKSHOP#<id>` / `WORKSHOP`). Each change is the same optimistic-locked write and audit step as
 * an edit (workshops-change.ts): a published workshop becomes a draft again, the trainer becomes
 * one of its editors. The upload sends no version (its body is the file), so a change that lost
 * a race with another save is tried again on the fresh item, checked again, a few times.
 */

import { handoutLimits } from '../domain/handout-files.ts';
import type { Staff } from '../domain/staff.ts';
import type { StoredHandout, WorkshopRecord } from '../domain/workshop-record.ts';
import { reviewStateOf } from '../domain/workshop-record.ts';
import { type Refusal, refusal } from '../domain/workshop-review.ts';
import { deleteUpload } from './uploads.ts';
import { findWorkshop, type WorkshopItem } from './workshops.ts';
import { writeWorkshop } from './workshops-change.ts';
import { planHandouts } from './workshops-plan.ts';

/** A change of the working copy's handouts. */
export type HandoutChange = { add: StoredHandout } | { remove: string };

/**
 * Why a change is refused: a review rule's reason (a role that may not edit, a workshop in
 * review), five handouts already, or no such workshop or handout.
 */
export type HandoutRefusal = Refusal | 'too_many_handouts' | 'not_found';

/** How a change ended: written (the item as it now stands), or refused, with the item as read. */
export type HandoutOutcome =
  | { written: WorkshopItem; before: WorkshopItem }
  | { refused: HandoutRefusal; item?: WorkshopItem };

/** Tries of a change that keeps losing races with other saves, before it answers 409. */
const attempts = 3;

/**
 * Why `staff` may not add a handout to `item` as it stands (`'add'`), or remove one, or undefined
 * when they may.
 */
export function handoutRefusal(
  item: WorkshopItem,
  staff: Staff,
  step: 'add' | { remove: string },
): HandoutRefusal | undefined {
  const why = refusal('edit', staff, reviewStateOf(item), item.version);
  if (why) return why;
  const handouts = item.draft.handouts ?? [];
  if (step === 'add') return handouts.length >= handoutLimits.perWorkshop ? 'too_many_handouts' : undefined;
  return handouts.some((h) => h.id === step.remove) ? undefined : 'not_found';
}

/**
 * Makes `change` to the working copy of workshop `id` in `staff`'s community, written only if
 * nobody changed the workshop since it was read and checked; another community's workshop is
 * `not_found`. After `attempts` lost races: `stale_version`, with the item as it now stands.
 */
export async function changeHandouts(
  staff: Staff,
  id: string,
  change: HandoutChange,
  now: Date,
): Promise<HandoutOutcome> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const item = await findWorkshop(staff.community, id);
    if (!item) return { refused: 'not_found' };
    const why = handoutRefusal(item, staff, 'add' in change ? 'add' : change);
    if (why) return { refused: why, item };
    const handouts = item.draft.handouts ?? [];
    const next =
      'add' in change
        ? planHandouts(item, staff, now, [...handouts, change.add], 'add_handout')
        : planHandouts(
            item,
            staff,
            now,
            handouts.filter((h) => h.id !== change.remove),
            'remove_handout',
          );
    const written = await writeWorkshop(item, next);
    if (written) return { written, before: item };
  }
  const item = await findWorkshop(staff.community, id);
  return item ? { refused: 'stale_version', item } : { refused: 'not_found' };
}

/** Every file a record's working copy and live snapshot name. */
function keysOf(record: Pick<WorkshopRecord, 'draft' | 'live'>): Set<string> {
  return new Set([...(record.draft.handouts ?? []), ...(record.live?.handouts ?? [])].map((h) => h.key));
}

/**
 * Deletes the files `before` named that `after` names no more, in its working copy or its live
 * snapshot: a handout removed from the draft stays while the live version still shows it, and
 * goes once a publish or an unpublish leaves nothing pointing at it. Returns the keys deleted.
 * @example await releaseHandoutFiles(itemBefore, itemAfter) // after a publish, unpublish or removal
 */
export async function releaseHandoutFiles(
  before: Pick<WorkshopRecord, 'draft' | 'live'>,
  after: Pick<WorkshopRecord, 'draft' | 'live'>,
): Promise<string[]> {
  const kept = keysOf(after);
  const released = [...keysOf(before)].filter((key) => !kept.has(key));
  for (const key of released) await deleteUpload(key);
  return released;
}
