/**
 * The page weight budgets of DESIGN.md, per page as a phone downloads it: the HTML, every script
 * and stylesheet it loads, every module those scripts import and every worker they start, each
 * gzipped as it would be served.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { siteDist } from '../../infra/site-build.ts';
import { all, assetsOf, attr, builtPages } from './built-pages.ts';

const pages = builtPages();
const kb = 1024;

/** The pages that start the proof-of-work worker: the report form and the follow-up. */
const proofPages = ['/report/', '/follow-up/'];

/**
 * Pages with a script of their own and their budgets in KB, all in: those two (DESIGN.md),
 * the transparency page (a content page, its one tiny script included), the search page (its
 * script; Pagefind and the index load only on a search) and the office console (staff only:
 * its JavaScript at most 60 KB, checked in office-pages.test.ts, plus its page).
 */
const budgets: Record<string, number> = {
  '/report/': 60,
  '/follow-up/': 60,
  '/transparency/': 30,
  '/search/': 30,
  '/office/': 80,
};

/** Children's pages carry the read-aloud script (at most 4 KB, read-aloud-script.test.ts) within 30 KB. */
const readsAloud = (page: (typeof pages)[number]) =>
  all(page.document, 'article', (el) => attr(el, 'data-audience') === 'children').length > 0;

function compressedWeight(page: (typeof pages)[number]): number {
  const files = [page.html, ...assetsOf(page).map((asset) => readFileSync(join(siteDist, asset)))];
  return files.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).byteLength, 0);
}

describe.each(pages.map((page) => [page.url, page] as const))('page %s', (_url, page) => {
  const budget = budgets[page.path ?? ''] ?? 30;
  const scripted = page.path !== undefined && (page.path in budgets || readsAloud(page));

  it(`weighs at most ${budget} KB compressed with its CSS and JS, workers included`, () => {
    // Act
    const weight = compressedWeight(page);

    // Assess
    expect(weight).toBeLessThanOrEqual(budget * kb);
  });

  it(
    scripted
      ? 'runs the quick exit first, then only its own script'
      : 'runs no JavaScript but the quick exit',
    () => {
      // Act
      const scripts = all(page.document, 'script').map((s) => attr(s, 'src'));

      // Assess
      if (scripted) {
        expect(scripts).toHaveLength(2);
        expect(scripts[0]).toBe('/quick-exit.js');
      } else {
        expect(scripts).toEqual(['/quick-exit.js']);
      }
    },
  );
});

describe('the proof-of-work worker', () => {
  it('is counted in the report and follow-up pages, which both start it', () => {
    // Act
    const started = pages
      .filter((page) => proofPages.includes(page.path ?? ''))
      .map((page) => assetsOf(page).some((asset) => /\/pow-worker[-.][\w-]+\.js$/.test(asset)));

    // Assess
    expect(started).toHaveLength(4);
    expect(started.every(Boolean)).toBe(true);
  });
});
