/**
 * The index attributes of a report, derived from its state in one place, so a submission and
 * every staff action keep the queue, status and month indexes consistent. Pure.
 */
import type { OfficeStatus } from '../domain/status.ts';
import { openStatuses, type Priority } from '../domain/workflow.ts';

/** What the index attributes are derived from. */
export interface IndexedState {
  community: string;
  ref: string;
  status: OfficeStatus;
  urgent: boolean;
  priority?: Priority | undefined;
  createdAt: string;
  statusChangedAt: string;
}

const rank: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/**
 * Queue order: a set priority, else urgent before the rest; then oldest first.
 * @example queueSortKey({ urgent: true, createdAt, ref }) // '0#2026-11-28T21:00:00.000Z#K7Q2M-9XD4P'
 */
export function queueSortKey(state: Pick<IndexedState, 'urgent' | 'priority' | 'createdAt' | 'ref'>): string {
  const priority = state.priority ? rank[state.priority] : state.urgent ? rank.urgent : rank.normal;
  return `${priority}#${state.createdAt}#${state.ref}`;
}

/**
 * The attributes to SET for a state, and those to REMOVE: an open report is in the queue, a
 * closed or duplicate one leaves it (the queue index is sparse).
 */
export function indexAttributes(state: IndexedState): { set: Record<string, string>; remove: string[] } {
  const open = openStatuses.includes(state.status);
  const set: Record<string, string> = {
    statusPk: `${state.community}#${state.status}`,
    statusSk: `${state.statusChangedAt}#${state.ref}`,
    monthPk: `${state.community}#${state.createdAt.slice(0, 7)}`,
    monthSk: `${state.createdAt}#${state.ref}`,
  };
  if (open) {
    set.queuePk = state.community;
    set.queueSk = queueSortKey(state);
  }
  return { set, remove: open ? [] : ['queuePk', 'queueSk'] };
}
