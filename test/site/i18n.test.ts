/**
 * Every language says everything: the UI string files have the same keys and placeholders, and
 * every field and option of the report contract has a label in every language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  categoryLabels,
  childAgeBandLabels,
  fieldLabels,
  ongoingLabels,
  reporterRoleLabels,
} from '../../functions/domain/labels.ts';
import { languages } from '../../functions/domain/languages.ts';
import {
  categories,
  childAgeBands,
  ongoingAnswers,
  reporterRoles,
  reportFields,
} from '../../functions/domain/report.ts';
import { repoRoot } from '../../infra/site-build.ts';

function uiStrings(lang: string): Record<string, string> {
  return JSON.parse(readFileSync(join(repoRoot, 'site', 'src', 'i18n', `${lang}.json`), 'utf8'));
}

const placeholders = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  const [first, ...others] = languages;
  const reference = uiStrings(first);

  it.each(others)('has exactly the same keys in %s as in the default language', (lang) => {
    // Act
    const keys = Object.keys(uiStrings(lang)).sort();

    // Assess
    expect(keys).toEqual(Object.keys(reference).sort());
  });

  it.each(languages)('has no empty string in %s', (lang) => {
    // Act
    const empty = Object.entries(uiStrings(lang)).filter(([, value]) => value.trim() === '');

    // Assess
    expect(empty).toEqual([]);
  });

  it.each(others)('fills in the same placeholders in %s as in the default language', (lang) => {
    // Prepare
    const strings = uiStrings(lang);

    // Act
    const mismatched = Object.keys(reference).filter(
      (key) => placeholders(reference[key] ?? '').join() !== placeholders(strings[key] ?? '').join(),
    );

    // Assess
    expect(mismatched).toEqual([]);
  });
});

describe('report labels', () => {
  const options = [
    ['field', reportFields, fieldLabels],
    ['category', categories, Object.fromEntries(categories.map((c) => [c, categoryLabels[c]?.label]))],
    ['category hint', categories, Object.fromEntries(categories.map((c) => [c, categoryLabels[c]?.hint]))],
    ['reporter role', reporterRoles, reporterRoleLabels],
    ['age band', childAgeBands, childAgeBandLabels],
    ['ongoing answer', ongoingAnswers, ongoingLabels],
  ] as const;

  it.each(options)('labels every %s in every language', (_kind, values, labels) => {
    // Act
    const missing = values.flatMap((value) =>
      languages
        .filter(
          (lang) => !(labels as Record<string, Record<string, string> | undefined>)[value]?.[lang]?.trim(),
        )
        .map((lang) => `${value} (${lang})`),
    );

    // Assess
    expect(missing).toEqual([]);
  });
});
