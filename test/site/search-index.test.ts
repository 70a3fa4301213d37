/**
 * The built site's search index, as the search page uses it: Pagefind's bundle in site/dist,
 * one index per language holding exactly the content pages, that finds Chinese words as words.
 * Searches run in Chromium through Pagefind's own JavaScript API, on the built files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchIndexDir } from '../../infra/site-build.ts';
import { launchBrowser, skipBrowser } from '../e2e/browser.ts';
import { all, attr, builtPages, elements, one, text, urlIn } from './built-pages.ts';
import { builtSiteOrigin as origin, serveBuiltSite } from './serve-built-site.ts';

/** Pagefind's manifest: the languages it wrote an index for, and how many pages each holds. */
interface Manifest {
  version: string;
  languages: Record<string, { page_count: number }>;
}

/** What a search returned: how many pages, and the first few as the page would show them. */
interface Found {
  count: number;
  pages: { url: string; title: string; excerpt: string }[];
}

const manifestPath = join(searchIndexDir, 'pagefind-entry.json');
const pages = builtPages();
/** The pages that mark their words for the index (content pages do), in each language. */
const marked = pages.filter((page) =>
  elements(page.document).some((el) => attr(el, 'data-pagefind-body') !== undefined),
);

/**
 * Pagefind's API in the page, as the search page uses it: imports the bundle, loads the index of
 * the page's language, searches, and returns the count and the first results. A string, so the
 * test runner leaves its `import()` to the browser.
 */
const searchInPage = `async ({ bundle, term }) => {
  const pagefind = await import(bundle);
  await pagefind.init();
  const found = await pagefind.search(term);
  const data = await Promise.all(found.results.slice(0, 5).map((result) => result.data()));
  return {
    count: found.results.length,
    pages: data.map(({ url, meta, excerpt }) => ({ url, title: meta.title, excerpt })),
  };
}`;

/** Searches the index of the page's language. */
function search(page: Page, term: string): Promise<Found> {
  return page.evaluate(
    `(${searchInPage})(${JSON.stringify({ bundle: '/pagefind/pagefind.js', term })})`,
  ) as Promise<Found>;
}

describe('the search index', () => {
  it('is written into the built site, with an index for each language', () => {
    // Act
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;

    // Assess
    expect(existsSync(join(searchIndexDir, 'pagefind.js'))).toBe(true);
    expect(Object.keys(manifest.languages).sort()).toEqual(['en', 'zh-cn']);
  });

  it.each([
    ['zh-CN', 'zh-cn'],
    ['en', 'en'],
  ])('holds every page marked for search in %s, and nothing else', (lang, key) => {
    // Prepare
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const expected = marked.filter((page) => page.lang === lang).length;

    // Act
    const indexed = manifest.languages[key]?.page_count;

    // Assess
    expect(expected).toBeGreaterThan(5);
    expect(indexed).toBe(expected);
  });

  it('marks every content page for search, and leaves out the home, report and search pages', () => {
    // Prepare
    const content = pages.filter(
      (page) => all(page.document, 'article', (el) => attr(el, 'data-audience') !== undefined).length > 0,
    );

    // Act
    const urls = marked.map((page) => page.url);

    // Assess
    expect(content.filter((page) => !urls.includes(page.url)).map((page) => page.url)).toEqual([]);
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const path of ['/', '/report/', '/follow-up/', '/search/']) {
        expect(urls).not.toContain(urlIn(lang, path));
      }
    }
  });
});

describe.skipIf(skipBrowser)('searching the built index in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext();
    await serveBuiltSite(context);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(['欺凌', '留守'])('finds Chinese pages about %s, with the word itself marked', async (term) => {
    // Prepare
    await page.goto(`${origin}/search/`);

    // Act
    const found = await search(page, term);

    // Assess
    expect(found.count).toBeGreaterThan(0);
    expect(found.pages.every((result) => !result.url.startsWith('/en/'))).toBe(true);
    expect(found.pages[0]?.excerpt).toContain(`<mark>${term}</mark>`);
  });

  it('finds English pages about bullying, in English only', async () => {
    // Prepare
    await page.goto(`${origin}/en/search/`);

    // Act
    const found = await search(page, 'bullying');

    // Assess
    expect(found.count).toBeGreaterThan(0);
    expect(found.pages.every((result) => result.url.startsWith('/en/'))).toBe(true);
    expect(found.pages[0]?.excerpt.toLowerCase()).toContain('<mark>bullying</mark>');
  });

  it('gives each result the title of its page, from its heading', async () => {
    // Prepare
    await page.goto(`${origin}/search/`);

    // Act
    const found = await search(page, '欺凌');

    // Assess
    for (const result of found.pages) {
      const built = pages.find((candidate) => candidate.url === result.url);
      expect(built && text(one(built.document, 'h1'))).toBe(result.title);
    }
  });
});
