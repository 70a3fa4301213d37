import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../functions/domain/issues.ts';
import { categories, childAgeBands, reporterRoles, reportSchema } from '../../functions/domain/report.ts';

const twoCommunities = reportSchema(['lanting', 'wutong']);

const valid = {
  community: 'lanting',
  categories: ['neglect'],
  reporterRole: 'resident',
  childAgeBand: '0-7',
  immediateDanger: false,
  description: 'The little boy next door is often alone at night.',
  language: 'en',
};

/** Parses and returns the messages a person would read, keyed by field. */
function problems(body: unknown, language: 'en' | 'zh-CN' = 'en') {
  const result = twoCommunities.safeParse(body);
  if (result.success) return undefined;
  return Object.fromEntries(
    describeIssues(result.error.issues, body, language).map((i) => [i.path.join('.'), i.message]),
  );
}

describe('report schema', () => {
  it('accepts a complete, valid report and trims its text', () => {
    // Act
    const result = twoCommunities.safeParse({
      ...valid,
      description: '   The little boy next door is often alone at night.  ',
      location: '  Building 3 ',
      ongoing: 'yes',
      contact: ' 138 0000 0000 ',
    });
    // Assess
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      description: 'The little boy next door is often alone at night.',
      location: 'Building 3',
      contact: '138 0000 0000',
    });
  });

  it('accepts every option of every enumerated field', () => {
    for (const category of categories)
      expect(twoCommunities.safeParse({ ...valid, categories: [category] }).success).toBe(true);
    for (const role of reporterRoles)
      expect(twoCommunities.safeParse({ ...valid, reporterRole: role }).success).toBe(true);
    for (const band of childAgeBands)
      expect(twoCommunities.safeParse({ ...valid, childAgeBand: band }).success).toBe(true);
  });

  it('stores nothing for optional text left blank, so an empty contact box stays anonymous', () => {
    const result = twoCommunities.safeParse({ ...valid, contact: '   ', location: '' });
    expect(result.data).not.toHaveProperty('contact', expect.anything());
    expect(result.data?.contact).toBeUndefined();
    expect(result.data?.location).toBeUndefined();
  });

  it('defaults the community when exactly one is configured, and requires it when there are two', () => {
    const { community: _, ...withoutCommunity } = valid;
    expect(reportSchema(['lanting']).parse(withoutCommunity).community).toBe('lanting');
    expect(problems(withoutCommunity)).toEqual({ community: 'Community: please answer this.' });
  });

  it('refuses a community that is not configured', () => {
    expect(problems({ ...valid, community: 'elsewhere' })).toEqual({
      community: 'Community: please choose one of the options given.',
    });
  });

  it('counts the description after trimming, and says how many characters were written', () => {
    expect(problems({ ...valid, description: '   short    ' })).toEqual({
      description: 'What happened: please write at least 10 characters (you wrote 5).',
    });
    expect(problems({ ...valid, description: 'x'.repeat(5001) })).toEqual({
      description: 'What happened: please write at most 5000 characters (you wrote 5001).',
    });
    expect(twoCommunities.safeParse({ ...valid, description: 'x'.repeat(5000) }).success).toBe(true);
  });

  it('limits categories to 1–5 distinct known values', () => {
    expect(problems({ ...valid, categories: [] })).toEqual({
      categories: 'What you are worried about: please choose at least 1.',
    });
    expect(problems({ ...valid, categories: categories.slice(0, 6) })).toEqual({
      categories: 'What you are worried about: please choose at most 5.',
    });
    expect(problems({ ...valid, categories: ['neglect', 'neglect'] })).toEqual({
      categories: 'What you are worried about: each option can be chosen only once.',
    });
    expect(problems({ ...valid, categories: ['neglect', 'witchcraft'] })).toEqual({
      'categories.1': 'What you are worried about: please choose one of the options given.',
    });
  });

  it('limits location to 300 and contact to 200 characters', () => {
    expect(problems({ ...valid, location: 'x'.repeat(301) })).toHaveProperty('location');
    expect(problems({ ...valid, contact: 'x'.repeat(201) })).toHaveProperty('contact');
    expect(
      twoCommunities.safeParse({ ...valid, location: 'x'.repeat(300), contact: 'x'.repeat(200) }).success,
    ).toBe(true);
  });

  it('refuses wrong types, naming the field', () => {
    expect(problems({ ...valid, immediateDanger: 'yes' })).toEqual({
      immediateDanger: 'Is the child in danger right now: this is not in the right format.',
    });
    expect(problems({ ...valid, categories: 'neglect' })).toHaveProperty('categories');
    expect(problems({ ...valid, description: 42 })).toHaveProperty('description');
  });

  it('refuses unknown values of reporterRole, childAgeBand, ongoing and language', () => {
    expect(
      Object.keys(
        problems({
          ...valid,
          reporterRole: 'police',
          childAgeBand: '18+',
          ongoing: 'maybe',
          language: 'fr',
        }) ?? {},
      ).sort(),
    ).toEqual(['childAgeBand', 'language', 'ongoing', 'reporterRole']);
  });

  it('refuses unknown fields, including ones that look like what we must never store', () => {
    // Prepare: parsed as the API parses it, so __proto__ is an own key, not a prototype.
    const body = JSON.parse(
      JSON.stringify({ ...valid, ip: '203.0.113.7' }).replace(/}$/, ',"__proto__":{"x":1}}'),
    );
    // Assess
    expect(Object.entries(problems(body) ?? {})).toEqual([
      ['ip', '"ip" is not part of a report; please remove it.'],
      ['__proto__', '"__proto__" is not part of a report; please remove it.'],
    ]);
  });

  it('refuses a body that is not an object', () => {
    expect(problems([valid])).toEqual({ '': 'A report must be a JSON object.' });
    expect(problems(null)).toEqual({ '': 'A report must be a JSON object.' });
  });

  it('says every problem in Chinese when asked', () => {
    expect(problems({ ...valid, description: 'short', categories: [] }, 'zh-CN')).toEqual({
      description: '发生了什么：请至少写 10 个字（现在是 5 个）。',
      categories: '您担心的情况：请至少选择 1 项。',
    });
  });
});
