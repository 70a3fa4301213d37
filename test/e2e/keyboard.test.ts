/**
 * The main journeys with the keyboard alone, as someone who cannot use a pointer makes them: from
 * the home page to a report sent, to a children's page, across languages, and out by the quick
 * exit. Only Tab, Enter, Space and typing move things; selectors only say where focus should be.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { deployment } from '../../functions/config.ts';
import { skipBrowser } from './browser.ts';
import { focusedId } from './in-page.ts';
import { browserSuite } from './suite.ts';

declare const document: { activeElement: { matches(selector: string): boolean; outerHTML: string } | null };

/** Where focus is now, for a failure message. */
const focusedHtml = () => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing';

/**
 * Presses Tab until the focused element matches `selector`, and returns how many presses it took;
 * throws, saying where focus went, when it is not reached within `most` presses.
 */
async function tabTo(page: Page, selector: string, most = 120): Promise<number> {
  const passed: string[] = [];
  for (let presses = 1; presses <= most; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
    passed.push(await page.evaluate(focusedHtml));
  }
  throw new Error(`Tab never reached ${selector}; it passed:\n${passed.slice(-15).join('\n')}`);
}

/** Presses Enter on the focused link and waits for the page it leads to. */
async function follow(page: Page, url: string | RegExp): Promise<void> {
  await Promise.all([page.waitForURL(url), page.keyboard.press('Enter')]);
}

/** The neutral sites the quick exit leaves for, answered here: the machine has no internet. */
async function fakeNeutralSites(context: BrowserContext): Promise<void> {
  const origins = Object.values(deployment.quickExit).map((url) => new URL(url).origin);
  await context.route(
    (url) => origins.includes(url.origin),
    (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>elsewhere</title>' }),
  );
}

describe.skipIf(skipBrowser)('the keyboard alone', () => {
  const suite = browserSuite({ prepareContext: fakeNeutralSites });

  it('goes from the home page to a report sent, and the receipt has the focus', async () => {
    const { page, portal } = suite;

    // Prepare
    await page.goto(`${portal.url}/`);

    // Act: to the form
    await tabTo(page, 'a.entry__link[href="/report/"]');
    await follow(page, '**/report/');

    // Act: a radio group takes focus on its first choice, and Space picks it
    await tabTo(page, '[name="reporterRole"]');
    await page.keyboard.press('Space');
    await tabTo(page, '[name="community"]');
    await page.keyboard.press('Space');
    await tabTo(page, '#input-categories-neglect');
    await page.keyboard.press('Space');
    await tabTo(page, '[name="childAgeBand"]');
    await page.keyboard.press('Space');
    await tabTo(page, '#input-description');
    await page.keyboard.type('楼下的孩子晚上经常一个人在家（键盘测试）');
    await tabTo(page, '[data-send]');
    await page.keyboard.press('Enter');

    // Assess
    await page.locator('#receipt').waitFor();
    await expect.poll(() => page.evaluate(focusedId)).toBe('receipt');
    expect(await page.locator('.receipt__group').allTextContents()).not.toEqual([]);
  });

  it("goes from the home page to the children's pages, and on to one written for a child", async () => {
    const { page, portal } = suite;

    // Prepare
    await page.goto(`${portal.url}/`);

    // Act
    await tabTo(page, 'a.entry__link[href="/children/"]');
    await follow(page, '**/children/');
    await tabTo(page, 'main a[href^="/children/"]:not([href="/children/"])');
    await follow(page, /\/children\/.+\/$/);

    // Assess
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it('switches to the same page in English and back', async () => {
    const { page, portal } = suite;

    // Prepare
    await page.goto(`${portal.url}/report/`);

    // Act
    await tabTo(page, 'a[hreflang="en"]');
    await follow(page, '**/en/report/');
    const english = await page.locator('html').getAttribute('lang');
    await tabTo(page, 'a[hreflang="zh-CN"]');
    await follow(page, `${portal.url}/report/`);

    // Assess
    expect(english).toBe('en');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it('skips to the main content from the first stop, and reaches the quick exit at the second', async () => {
    const { page, portal } = suite;

    // Prepare
    await page.goto(`${portal.url}/en/learn/`);

    // Act: the skip link first, and after it the next stop is in the page's own content
    const toSkip = await tabTo(page, '.skip-link');
    await page.keyboard.press('Enter');
    const toContent = await tabTo(page, 'main *');
    await page.goto(`${portal.url}/children/`);
    const toExit = await tabTo(page, '[data-quick-exit]');

    // Assess
    expect(toSkip).toBe(1);
    expect(toContent).toBe(1);
    expect(toExit).toBe(2);
  });

  it('leaves by the quick exit with Enter', async () => {
    const { page, portal } = suite;

    // Prepare
    await page.goto(`${portal.url}/children/`);
    await tabTo(page, '[data-quick-exit]');

    // Act
    await page.keyboard.press('Enter');

    // Assess
    await page.waitForURL(deployment.quickExit['zh-CN']);
  });
});
