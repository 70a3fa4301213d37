import { describe, expect, it } from 'vitest';
import { type OfficeStatus, officeStatuses } from '../../functions/domain/status.ts';
import {
  type Action,
  actionAllowed,
  actionSchema,
  canMove,
  targetStatus,
  transitions,
} from '../../functions/domain/workflow.ts';

const act = (action: Record<string, unknown>) =>
  actionSchema.parse({ expectedVersion: 1, ...action }) as Action;

describe('the office workflow', () => {
  it('moves new → triaged → in_progress → referred → closed, and reopens closed → in_progress', () => {
    expect(canMove('new', 'triaged')).toBe(true);
    expect(canMove('triaged', 'in_progress')).toBe(true);
    expect(canMove('in_progress', 'referred')).toBe(true);
    expect(canMove('referred', 'closed')).toBe(true);
    expect(canMove('closed', 'in_progress')).toBe(true);
  });

  it('lets any open report become a duplicate, and nothing leave a duplicate', () => {
    for (const status of ['new', 'triaged', 'in_progress', 'referred'] as OfficeStatus[]) {
      expect(canMove(status, 'duplicate')).toBe(true);
    }
    expect(transitions.duplicate).toEqual([]);
  });

  it('refuses to skip acknowledgement, to go backwards, or to reopen to anything but in_progress', () => {
    expect(canMove('new', 'closed')).toBe(false);
    expect(canMove('new', 'referred')).toBe(false);
    expect(canMove('referred', 'triaged')).toBe(false);
    expect(canMove('in_progress', 'new')).toBe(false);
    expect(canMove('closed', 'triaged')).toBe(false);
    expect(canMove('closed', 'duplicate')).toBe(false);
  });

  it('knows where each action moves a report, and that notes and replies move nothing', () => {
    expect(targetStatus(act({ action: 'acknowledge', priority: 'high' }), 'new')).toBe('triaged');
    expect(targetStatus(act({ action: 'assign', assignee: 'office-lanting' }), 'triaged')).toBe(
      'in_progress',
    );
    expect(targetStatus(act({ action: 'assign', assignee: 'office-lanting' }), 'referred')).toBeUndefined();
    expect(targetStatus(act({ action: 'note', body: 'Visited.' }), 'in_progress')).toBeUndefined();
    expect(targetStatus(act({ action: 'reply', body: 'Thank you.' }), 'new')).toBeUndefined();
    expect(targetStatus(act({ action: 'reopen', reason: 'New information.' }), 'closed')).toBe('in_progress');
  });

  it('allows only notes on a closed report besides reopening it, and nothing but notes on a duplicate', () => {
    expect(actionAllowed(act({ action: 'note', body: 'Filed.' }), 'closed')).toBe(true);
    expect(actionAllowed(act({ action: 'reply', body: 'Hello' }), 'closed')).toBe(false);
    expect(actionAllowed(act({ action: 'reopen', reason: 'Why' }), 'closed')).toBe(true);
    expect(actionAllowed(act({ action: 'reopen', reason: 'Why' }), 'duplicate')).toBe(false);
    expect(actionAllowed(act({ action: 'close', outcome: 'support_provided' }), 'new')).toBe(false);
    for (const status of officeStatuses) {
      expect(actionAllowed(act({ action: 'note', body: 'x' }), status)).toBe(true);
    }
  });

  it('refuses actions without a version, with unknown fields, or with an empty text', () => {
    expect(actionSchema.safeParse({ action: 'note', body: 'x' }).success).toBe(false);
    expect(actionSchema.safeParse({ action: 'note', body: 'x', expectedVersion: 1, extra: 1 }).success).toBe(
      false,
    );
    expect(actionSchema.safeParse({ action: 'note', body: '   ', expectedVersion: 1 }).success).toBe(false);
    expect(actionSchema.safeParse({ action: 'explode', expectedVersion: 1 }).success).toBe(false);
  });
});
