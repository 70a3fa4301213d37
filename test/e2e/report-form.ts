/**
 * Filling the report form as a person would, in either language: by the labels they read, which
 * come from the same domain labels as the form itself.
 */
import type { Page } from 'playwright-core';
import { deployment } from '../../functions/config.ts';
import {
  categoryLabels,
  childAgeBandLabels,
  fieldLabels,
  ongoingLabels,
  reporterRoleLabels,
} from '../../functions/domain/labels.ts';
import type { Language } from '../../functions/domain/languages.ts';
import type { Category, ChildAgeBand, Ongoing, ReporterRole } from '../../functions/domain/report.ts';
import { submitPlainly } from './in-page.ts';

/** What a test answers; anything left out is not answered. */
export interface Answers {
  role: ReporterRole;
  community?: string;
  categories?: Category[];
  age?: ChildAgeBand;
  description: string;
  location?: string;
  ongoing?: Ongoing;
}

/** Ticks and types `answers` into the report form on `page`, in `lang`. */
export async function fillReport(page: Page, lang: Language, answers: Answers): Promise<void> {
  const exact = { exact: true };
  await page.getByLabel(reporterRoleLabels[answers.role][lang], exact).check();
  const community = deployment.communities.find((c) => c.id === answers.community);
  if (community) await page.getByLabel(community.name[lang], exact).check();
  for (const category of answers.categories ?? []) {
    await page.getByLabel(categoryLabels[category].label[lang], exact).check();
  }
  if (answers.age) await page.getByLabel(childAgeBandLabels[answers.age][lang], exact).check();
  await page.locator('#input-description').fill(answers.description);
  if (answers.location) await page.locator('#input-location').fill(answers.location);
  if (answers.ongoing) await page.getByLabel(ongoingLabels[answers.ongoing][lang], exact).check();
}

/** A resident's answers about a child left alone, with a description no other test uses. */
export function residentAnswers(lang: Language, community = 'lanting'): Answers {
  return {
    role: 'resident',
    community,
    categories: ['neglect'],
    age: '0-7',
    description: uniqueText(
      lang === 'en'
        ? 'The little boy downstairs is often home alone late at night'
        : '楼下的小孩经常一个人在家，晚上很晚也没有大人回来',
    ),
  };
}

/** Text with a short random tag, so a test finds exactly its own report. */
export function uniqueText(what: string): string {
  return `${what} (test ${crypto.randomUUID().slice(0, 8)})`;
}

/** The URL of a site page in a language. */
export function pageIn(lang: Language, path: string): string {
  return lang === deployment.languages[0] ? path : `/${lang.toLowerCase()}${path}`;
}

/** The label of a report field in a language. */
export const labelOf = (field: keyof typeof fieldLabels, lang: Language) => fieldLabels[field][lang];

/** Sends `answers` from the report page as a person would, and returns the receipt shown. */
export async function sendReportFromPage(
  page: Page,
  url: string,
  lang: Language,
  answers: Answers,
): Promise<string> {
  await page.goto(`${url}${pageIn(lang, '/report/')}`);
  await fillReport(page, lang, answers);
  await page.locator('[data-send]').click();
  await page.locator('#receipt').waitFor();
  return (await page.locator('.receipt__group').allTextContents()).join(' ');
}

/**
 * Posts the report form as a browser without the script would, a plain form post, and waits for
 * the page the function answers with to load (from /api/reports too, when posting again there).
 */
export async function postPlainForm(page: Page): Promise<void> {
  const loaded = page.waitForEvent('load');
  await page.locator('form[data-report-form]').evaluate(submitPlainly);
  await loaded;
}
