import { describe, expect, it } from 'vitest';
import {
  dashboard,
  type InsightRow,
  publicCount,
  transparencyMonth,
  weekStart,
} from '../../functions/domain/insights.ts';
import { slaFor } from '../../functions/domain/sla.ts';

const targets = { urgentAcknowledgeMinutes: 60, acknowledgeHours: 24, firstReplyDays: 3, outcomeDays: 90 };
const row = (over: Partial<InsightRow>): InsightRow => ({
  status: 'new',
  urgent: false,
  categories: ['neglect'],
  createdAt: '2026-11-23T09:00:00.000Z',
  ...over,
});

describe('service targets', () => {
  it('gives an urgent report an hour to be acknowledged, and others a day', () => {
    const created = '2026-11-28T09:00:00.000Z';
    const at = (iso: string) => new Date(iso);
    expect(
      slaFor({ urgent: true, createdAt: created }, targets, at('2026-11-28T09:59:00Z')).acknowledge.state,
    ).toBe('due');
    expect(
      slaFor({ urgent: true, createdAt: created }, targets, at('2026-11-28T10:01:00Z')).acknowledge.state,
    ).toBe('overdue');
    expect(
      slaFor({ urgent: false, createdAt: created }, targets, at('2026-11-28T10:01:00Z')).acknowledge.state,
    ).toBe('due');
    const late = slaFor(
      { urgent: true, createdAt: created, acknowledgedAt: '2026-11-28T11:00:00Z' },
      targets,
      at('2026-12-02'),
    );
    expect(late.acknowledge.state).toBe('late');
    expect(late.firstReply.state).toBe('overdue');
  });
});

describe('transparency figures', () => {
  it('never shows a count under 5', () => {
    expect(publicCount(0)).toEqual({ fewerThan: 5 });
    expect(publicCount(4)).toEqual({ fewerThan: 5 });
    expect(publicCount(5)).toBe(5);
  });

  it('counts received, acknowledged in time and closed for a month', () => {
    const rows = [
      ...Array.from({ length: 6 }, () =>
        row({ acknowledgedAt: '2026-11-23T10:00:00.000Z', status: 'triaged' }),
      ),
      row({ acknowledgedAt: '2026-11-25T10:00:00.000Z' }),
      ...Array.from({ length: 5 }, () => row({ status: 'closed', closedAt: '2026-11-30T00:00:00.000Z' })),
    ];
    expect(transparencyMonth('2026-11', rows, targets)).toEqual({
      month: '2026-11',
      received: 12,
      acknowledgedInTime: 6,
      closed: 5,
    });
  });
});

describe("the lead's dashboard", () => {
  it('counts by week, category and status, with medians, overdue items and referrals', () => {
    // Prepare
    const now = new Date('2026-11-28T12:00:00Z');
    const rows = [
      row({
        acknowledgedAt: '2026-11-23T09:30:00.000Z',
        firstReplyAt: '2026-11-23T11:00:00.000Z',
        status: 'referred',
        referralAgencies: ['police'],
      }),
      row({
        createdAt: '2026-11-24T09:00:00.000Z',
        acknowledgedAt: '2026-11-24T10:30:00.000Z',
        categories: ['bullying', 'online_harm'],
      }),
      row({ createdAt: '2026-11-20T09:00:00.000Z' }),
    ];
    // Act
    const board = dashboard(rows, targets, now);
    // Assess
    expect(board.weeks).toHaveLength(12);
    expect(board.weeks.at(-1)).toMatchObject({
      weekStart: '2026-11-23',
      total: 2,
      byCategory: { neglect: 1, bullying: 1, online_harm: 1 },
      byStatus: { referred: 1, new: 1 },
    });
    expect(board.medianMinutesToAcknowledge).toBe(60);
    expect(board.medianHoursToFirstReply).toBe(2);
    expect(board.overdue.acknowledge).toBe(1);
    expect(board.referralsByAgency).toEqual({ police: 1 });
    expect(weekStart('2026-11-29T23:00:00Z')).toBe('2026-11-23');
  });
});
