/**
 * Guides and handouts print cleanly: every page links the print stylesheet, for print only, and
 * on paper the quick exit, navigation, search and read-aloud are gone, the text is black on
 * white, and each link in the text says where it goes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, skipBrowser } from '../e2e/browser.ts';
import { all, attr, builtPages, urlIn } from './built-pages.ts';
import { builtSiteOrigin, serveBuiltSite } from './serve-built-site.ts';

/** The browser's own, in the page: declared here because the tests' types are Node's. */
declare function getComputedStyle(
  element: unknown,
  pseudo?: string,
): { display: string; color: string; content: string };

const printSheet = '/styles/print.css';
const pages = builtPages();
const inBoth = (path: string) => (['zh-CN', 'en'] as const).map((lang) => urlIn(lang, path));
/** A guide with links in its text, in both languages. */
const guides = inBoth('/learn/');
/** Those, and a children's page with read-aloud. */
const samples = [...guides, ...inBoth('/children/6-8/bullying/')];

describe('the print stylesheet', () => {
  it.each(pages.map((page) => [page.url, page] as const))('is linked by %s, for print only', (_url, page) => {
    // Act
    const links = all(
      page.document,
      'link',
      (el) => attr(el, 'rel') === 'stylesheet' && attr(el, 'href') === printSheet,
    );

    // Assess
    expect(links).toHaveLength(1);
    expect(links[0] && attr(links[0], 'media')).toBe('print');
  });
});

describe.skipIf(skipBrowser)('a page on paper', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext();
    await serveBuiltSite(context);
    page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const shown = (selector: string) =>
    page.$$eval(selector, (els) => els.filter((el) => getComputedStyle(el).display !== 'none').length);

  it.each(samples)('%s hides the quick exit, the navigation, search and read-aloud', async (url) => {
    // Prepare
    await page.goto(`${builtSiteOrigin}${url}`);

    // Act
    const visible = await Promise.all(
      [
        '.top-bar',
        '.skip-link',
        '.site-header__tools',
        '.breadcrumbs',
        '.page-tools',
        '.site-footer__pages',
      ].map(async (selector) => [selector, await shown(selector)] as const),
    );

    // Assess
    expect(visible.filter(([, count]) => count > 0)).toEqual([]);
    expect(await shown('h1')).toBe(1);
    expect(await shown('.site-footer__phones')).toBe(1);
  });

  it.each(guides)('%s prints its text in black, and where each link in it goes', async (url) => {
    // Prepare
    await page.goto(`${builtSiteOrigin}${url}`);

    // Act
    const color = await page.$eval('.prose__body', (el) => getComputedStyle(el).color);
    const links = await page.$$eval('.prose__body a[href^="/"], .prose__body a[href^="http"]', (els) =>
      els.map((el) => ({
        href: (el as unknown as { getAttribute(name: string): string }).getAttribute('href'),
        after: getComputedStyle(el, '::after').content,
      })),
    );

    // Assess
    expect(color).toBe('rgb(0, 0, 0)');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.after).toContain(link.href);
  });
});
