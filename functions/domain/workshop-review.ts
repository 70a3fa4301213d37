/**
 * The review of trainers' workshops (docs/workshop-publishing.md): the states a workshop's working
 * copy is in, the steps people take, and who may take which step from where. Pure: the handlers
 * turn a refusal into its HTTP error.
 */
import { hasRole, type Staff, type StaffRole } from './staff.ts';

/** Where a workshop's working copy is. A `live` snapshot may exist beside any of them. */
export const workshopStatuses = ['draft', 'in_review', 'published'] as const;
export type WorkshopStatus = (typeof workshopStatuses)[number];

/** The review steps, taken through `POST /api/trainer/workshops/{id}/actions`. */
export const reviewActions = ['submit', 'return', 'publish', 'unpublish'] as const;
export type ReviewAction = (typeof reviewActions)[number];

/** Every step that changes an existing workshop: saving the working copy, or a review step. */
export type WorkshopStep = 'edit' | ReviewAction;

/** Why a step is refused; each is the API's error code (403, 403, 409, 409). */
export type Refusal = 'forbidden' | 'own_workshop' | 'stale_version' | 'wrong_state';

/** What the rules need to know of a workshop. */
export interface ReviewState {
  status: WorkshopStatus;
  version: number;
  /** Everyone who created or edited the working copy. */
  editors: readonly string[];
  /** True while a published snapshot is on the public site. */
  live: boolean;
}

/** The role each step needs. Trainers write and submit; reviewers judge. */
export const stepRoles: Readonly<Record<WorkshopStep, StaffRole>> = {
  edit: 'trainer',
  submit: 'trainer',
  return: 'reviewer',
  publish: 'reviewer',
  unpublish: 'reviewer',
};

/**
 * The steps that are a judgement of the content, which nobody may make on their own work.
 * Taking a live workshop down is not among them: whoever notices harm must be able to remove it.
 */
export const reviewSteps: readonly WorkshopStep[] = ['return', 'publish'];

/** The states each step may be taken from. */
const takenFrom: Readonly<Record<WorkshopStep, (state: ReviewState) => boolean>> = {
  // In review, the reviewer judges what was submitted; the trainer waits, or it is returned.
  edit: (state) => state.status !== 'in_review',
  submit: (state) => state.status === 'draft',
  return: (state) => state.status === 'in_review',
  publish: (state) => state.status === 'in_review',
  unpublish: (state) => state.live,
};

/** True when `staff` may start a new workshop. */
export function canCreate(staff: Staff): boolean {
  return hasRole(staff, ['trainer']);
}

/**
 * Why `staff` may not take `step` on a workshop they read at `expectedVersion`, or undefined when
 * they may. Checked in this order: the role, their own work, the version, the state.
 * @example refusal('publish', reviewer, { status: 'draft', version: 3, editors: ['t'], live: false }, 3)
 *   // 'wrong_state'
 */
export function refusal(
  step: WorkshopStep,
  staff: Staff,
  state: ReviewState,
  expectedVersion: number,
): Refusal | undefined {
  if (!hasRole(staff, [stepRoles[step]])) return 'forbidden';
  if (reviewSteps.includes(step) && state.editors.includes(staff.username)) return 'own_workshop';
  if (expectedVersion !== state.version) return 'stale_version';
  if (!takenFrom[step](state)) return 'wrong_state';
  return undefined;
}

/**
 * The working copy's status after an allowed step. Editing a published workshop makes a new
 * draft (the live snapshot stays up); unpublishing a workshop whose working copy is already a
 * new draft or in review leaves that copy where it is.
 */
export function statusAfter(step: WorkshopStep, state: ReviewState): WorkshopStatus {
  switch (step) {
    case 'edit':
    case 'return':
      return 'draft';
    case 'submit':
      return 'in_review';
    case 'publish':
      return 'published';
    case 'unpublish':
      return state.status === 'published' ? 'draft' : state.status;
  }
}

/** The editors after `username` saved the working copy: everyone who wrote it, once each. */
export function editorsAfterEdit(editors: readonly string[], username: string): string[] {
  return editors.includes(username) ? [...editors] : [...editors, username];
}
