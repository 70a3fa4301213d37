import { describe, expect, it } from 'vitest';
import { type TriageInput, triage } from '../../functions/domain/triage.ts';

const calm: TriageInput = {
  categories: ['bullying'],
  childAgeBand: '14-15',
  immediateDanger: false,
  ongoing: 'no',
};

describe('triage', () => {
  it('marks a report urgent when the child is in danger right now', () => {
    expect(triage({ ...calm, immediateDanger: true })).toEqual({
      urgent: true,
      reasons: ['immediate_danger'],
    });
  });

  it('marks self-harm urgent at any age', () => {
    for (const band of ['0-7', '8-13', '14-15', '16-17', 'unknown'] as const) {
      expect(triage({ ...calm, categories: ['self_harm'], childAgeBand: band }).urgent).toBe(true);
    }
  });

  it('marks sexual abuse urgent for a child under 14, or of unknown age, but not by itself at 14 and over', () => {
    for (const band of ['0-7', '8-13', 'unknown'] as const) {
      expect(triage({ ...calm, categories: ['sexual_abuse'], childAgeBand: band }).reasons).toContain(
        'sexual_abuse_under_14',
      );
    }
    for (const band of ['14-15', '16-17'] as const) {
      expect(triage({ ...calm, categories: ['sexual_abuse'], childAgeBand: band }).urgent).toBe(false);
    }
  });

  it('marks trafficking or organised begging urgent', () => {
    expect(triage({ ...calm, categories: ['trafficking_or_begging'] }).reasons).toEqual([
      'trafficking_or_begging',
    ]);
  });

  it('marks a young child left without care urgent only while it is ongoing', () => {
    const neglect: TriageInput = { categories: ['neglect'], childAgeBand: '0-7', immediateDanger: false };
    expect(triage({ ...neglect, ongoing: 'yes' }).reasons).toEqual(['young_child_left_without_care']);
    expect(triage({ ...neglect, ongoing: 'no' }).urgent).toBe(false);
    expect(triage({ ...neglect, childAgeBand: '8-13', ongoing: 'yes' }).urgent).toBe(false);
  });

  it('gives every reason that applies', () => {
    expect(
      triage({ categories: ['self_harm', 'sexual_abuse'], childAgeBand: '8-13', immediateDanger: true })
        .reasons,
    ).toEqual(['immediate_danger', 'self_harm', 'sexual_abuse_under_14']);
  });

  it('leaves other reports for ordinary triage', () => {
    expect(triage(calm)).toEqual({ urgent: false, reasons: [] });
  });
});
