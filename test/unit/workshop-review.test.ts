/**
 * The review rules of trainers' workshops (docs/workshop-publishing.md): who may take which step,
 * from which state, and what the working copy becomes.
 */
import { describe, expect, it } from 'vitest';
import type { Staff, StaffRole } from '../../functions/domain/staff.ts';
import {
  canCreate,
  editorsAfterEdit,
  type Refusal,
  type ReviewState,
  refusal,
  statusAfter,
  type WorkshopStep,
} from '../../functions/domain/workshop-review.ts';

const person = (username: string, ...roles: StaffRole[]): Staff => ({
  username,
  roles,
  community: 'lanting',
});
const trainer = person('trainer-lanting', 'trainer');
const otherTrainer = person('trainer-2', 'trainer');
const reviewer = person('reviewer-lanting', 'reviewer');
/** Holds both roles and wrote the workshop. */
const both = person('both', 'trainer', 'reviewer');
const office = person('office-lanting', 'office');
const lead = person('lead-lanting', 'lead');

const state = (status: ReviewState['status'], live = false): ReviewState => ({
  status,
  version: 4,
  editors: ['trainer-lanting', 'both'],
  live,
});

describe('workshop review rules', () => {
  // step, who, state, expected refusal (undefined: allowed), status after
  const table: [WorkshopStep, Staff, ReviewState, Refusal | undefined, ReviewState['status'] | null][] = [
    ['edit', trainer, state('draft'), undefined, 'draft'],
    ['edit', otherTrainer, state('published', true), undefined, 'draft'],
    ['edit', trainer, state('in_review'), 'wrong_state', null],
    ['edit', reviewer, state('draft'), 'forbidden', null],
    ['edit', office, state('draft'), 'forbidden', null],
    ['edit', lead, state('draft'), 'forbidden', null],
    ['submit', trainer, state('draft'), undefined, 'in_review'],
    ['submit', otherTrainer, state('draft'), undefined, 'in_review'],
    ['submit', trainer, state('in_review'), 'wrong_state', null],
    ['submit', trainer, state('published', true), 'wrong_state', null],
    ['submit', reviewer, state('draft'), 'forbidden', null],
    ['return', reviewer, state('in_review'), undefined, 'draft'],
    ['return', reviewer, state('draft'), 'wrong_state', null],
    ['return', trainer, state('in_review'), 'forbidden', null],
    ['return', both, state('in_review'), 'own_workshop', null],
    ['publish', reviewer, state('in_review'), undefined, 'published'],
    ['publish', reviewer, state('in_review', true), undefined, 'published'],
    ['publish', reviewer, state('draft'), 'wrong_state', null],
    ['publish', reviewer, state('published', true), 'wrong_state', null],
    ['publish', trainer, state('in_review'), 'forbidden', null],
    ['publish', both, state('in_review'), 'own_workshop', null],
    ['publish', office, state('in_review'), 'forbidden', null],
    ['publish', lead, state('in_review'), 'forbidden', null],
    ['unpublish', reviewer, state('published', true), undefined, 'draft'],
    ['unpublish', reviewer, state('draft', true), undefined, 'draft'],
    ['unpublish', reviewer, state('in_review', true), undefined, 'in_review'],
    // Taking harm down is never blocked, even for someone who wrote it.
    ['unpublish', both, state('published', true), undefined, 'draft'],
    ['unpublish', reviewer, state('draft'), 'wrong_state', null],
    ['unpublish', trainer, state('published', true), 'forbidden', null],
  ];

  const cases = table.map(([step, staff, from, expected, after]) => ({
    step,
    who: staff.username,
    status: `${from.status}${from.live ? ' (live)' : ''}`,
    outcome: expected ?? `allowed, then ${after}`,
    staff,
    from,
    expected,
    after,
  }));

  it.each(cases)('$step by $who from $status: $outcome', ({ step, staff, from, expected, after }) => {
    // Act
    const why = refusal(step, staff, from, from.version);
    // Assess
    expect(why).toBe(expected);
    if (after) expect(statusAfter(step, from)).toBe(after);
  });

  it('refuses any step based on an older version, once role and authorship allow it', () => {
    expect(refusal('edit', trainer, state('draft'), 3)).toBe('stale_version');
    expect(refusal('publish', reviewer, state('in_review'), 5)).toBe('stale_version');
    // Role and own work come first: a stale version tells them nothing they could act on.
    expect(refusal('publish', trainer, state('in_review'), 3)).toBe('forbidden');
    expect(refusal('publish', both, state('in_review'), 3)).toBe('own_workshop');
  });

  it('names a stale version before the wrong state, so the console reloads first', () => {
    expect(refusal('submit', trainer, state('in_review'), 2)).toBe('stale_version');
  });

  it('lets only trainers start a workshop', () => {
    expect([trainer, both, reviewer, office, lead].map(canCreate)).toEqual([true, true, false, false, false]);
  });

  it('remembers everyone who edited, once each', () => {
    expect(editorsAfterEdit(['a'], 'b')).toEqual(['a', 'b']);
    expect(editorsAfterEdit(['a', 'b'], 'a')).toEqual(['a', 'b']);
  });
});
