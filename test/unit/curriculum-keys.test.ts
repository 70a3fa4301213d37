/** The list of the shipped curriculum's keys, which trainers' workshops may not take, is the files. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { curriculumKeys, isCurriculumKey } from '../../functions/domain/curriculum-keys.ts';
import { languages } from '../../functions/domain/languages.ts';
import { repoRoot } from '../../infra/site-build.ts';

const workshops = join(repoRoot, 'site', 'src', 'content', 'workshops');

describe('curriculum keys', () => {
  it.each(languages)('lists exactly the %s module files', (language) => {
    // Prepare
    const files = readdirSync(join(workshops, language))
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => name.slice(0, -'.yaml'.length))
      .sort();
    // Assess
    expect([...curriculumKeys[language]].sort()).toEqual(files);
  });

  it('tells a shipped key from a free one', () => {
    expect(isCurriculumKey('en', 'parents-body-safety-talk')).toBe(true);
    expect(isCurriculumKey('zh-CN', 'a-trainers-own-workshop')).toBe(false);
  });
});
