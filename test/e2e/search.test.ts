/**
 * Search in Chromium on the local runtime, with its real headers: nothing of Pagefind loads
 * until someone searches, then results appear as links with the words marked, in the page's
 * language. Without JavaScript the page says so and offers the sections. Pagefind compiles
 * WebAssembly, so the CSP must allow it (`'wasm-unsafe-eval'` in script-src); without it the
 * page says search isn't working, and these tests show that sentence.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { phoneContext, skipBrowser } from './browser.ts';
import { recordRequests } from './portal.ts';
import { browserSuite } from './suite.ts';

const fromPagefind = (urls: string[]) => urls.filter((url) => new URL(url).pathname.startsWith('/pagefind/'));

describe.skipIf(skipBrowser)('search in Chromium', () => {
  const suite = browserSuite({ ownContexts: true });

  /** A phone context whose requests are recorded, and its page. */
  async function phone(): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
    const context = await phoneContext(suite.browser);
    const requests = recordRequests(context);
    return { context, page: await context.newPage(), requests };
  }

  it('loads nothing from /pagefind/ on the way to a search, then finds 欺凌 when asked', async () => {
    const { context, page, requests } = await phone();

    // Prepare: the home page, a content page and the search page, as someone would walk in.
    await page.goto(`${suite.portal.url}/`);
    await page.goto(`${suite.portal.url}/children/`);
    await page.getByRole('banner').getByRole('link', { name: '搜索' }).click();
    await page.waitForURL(`${suite.portal.url}/search/`);
    const beforeSearching = fromPagefind(requests);

    // Act
    await page.getByLabel('要找什么？').fill('欺凌');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 15_000 })
      .toMatch(/^找到 \d+ 个页面。$/);
    const results = page.locator('[data-search-list] > li');

    // Assess
    expect(beforeSearching).toEqual([]);
    expect(fromPagefind(requests)).toContain(`${suite.portal.url}/pagefind/pagefind.js`);
    expect(await results.count()).toBeGreaterThan(0);
    expect(await results.first().locator('mark').first().textContent()).toBe('欺凌');
    const hrefs = await results
      .locator('a')
      .evaluateAll((links) =>
        links.map((link) => (link as unknown as { getAttribute(name: string): string }).getAttribute('href')),
      );
    expect(hrefs.every((href) => href.startsWith('/') && !href.startsWith('/en/'))).toBe(true);
    // An in-page search leaves no query in the address, nor so in the history.
    expect(page.url()).toBe(`${suite.portal.url}/search/`);
    await context.close();
  });

  it('finds English pages about bullying from the English search page', async () => {
    const { context, page } = await phone();

    // Prepare
    await page.goto(`${suite.portal.url}/en/search/`);

    // Act
    await page.getByLabel('What are you looking for?').fill('bullying');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 15_000 })
      .toMatch(/^\d+ pages? found\.$/);
    const results = page.locator('[data-search-list] > li');

    // Assess
    const first = results.first().locator('a');
    expect(await first.getAttribute('href')).toMatch(/^\/en\//);
    await first.click();
    await page.waitForURL(/\/en\/.+/);
    expect(await page.locator('h1').textContent()).not.toBe('');
    await context.close();
  });

  it('runs the search a link asks for: /search/?q=留守', async () => {
    const { context, page } = await phone();

    // Act
    await page.goto(`${suite.portal.url}/search/?q=${encodeURIComponent('留守')}`);
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 15_000 })
      .toMatch(/^找到 \d+ 个页面。$/);
    const results = page.locator('[data-search-list] > li');

    // Assess
    expect(await page.getByLabel('要找什么？').inputValue()).toBe('留守');
    expect(await results.count()).toBeGreaterThan(0);
    await context.close();
  });

  it('says so, kindly, when nothing is found', async () => {
    const { context, page } = await phone();

    // Prepare
    await page.goto(`${suite.portal.url}/en/search/`);

    // Act
    await page.getByLabel('What are you looking for?').fill('xylophonequartz');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('No pages found for “xylophonequartz”', { exact: false }).waitFor();

    // Assess
    expect(await page.locator('[data-search-list] > li').count()).toBe(0);
    await context.close();
  });

  it('offers the search from the header as a 44 px target on every page', async () => {
    const { context, page } = await phone();

    // Prepare
    await page.goto(`${suite.portal.url}/report/`);

    // Act
    const link = page.getByRole('banner').getByRole('link', { name: '搜索' });
    const box = await link.boundingBox();

    // Assess
    expect(await link.getAttribute('href')).toBe('/search/');
    expect(box?.height).toBeGreaterThanOrEqual(44);
    expect(box?.width).toBeGreaterThanOrEqual(44);
    await context.close();
  });

  it('says search needs JavaScript, and links to the sections, when it is off', async () => {
    // Prepare
    const context = await suite.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();

    // Act
    await page.goto(`${suite.portal.url}/search/`);

    // Assess
    const notice = page.locator('.no-js-notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('搜索需要浏览器开启 JavaScript');
    for (const [name, href] of [
      ['给孩子', '/children/'],
      ['居民和家长学习', '/learn/'],
      ['给专业人员', '/professionals/'],
      ['儿童权利和法律', '/rights/'],
      ['求助电话和地点', '/help/'],
    ]) {
      const link = page.locator('.search-sections').getByRole('link', { name, exact: true });
      expect(await link.getAttribute('href')).toBe(href);
    }
    await context.close();
  });
});
