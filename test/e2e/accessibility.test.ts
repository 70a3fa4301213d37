/**
 * axe over every built page in both languages, and over the report page's other states
 * (problems shown, "call 110" shown, receipt shown), with the WCAG 2.2 A and AA rules.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { builtPages } from '../site/built-pages.ts';
import { launchBrowser, phoneContext, skipBrowser } from './browser.ts';
import { type Portal, startPortal } from './portal.ts';

const wcag22aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Each violation as "rule: target", so a failure says what to fix and where. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcag22aa).analyze();
  return results.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

describe.skipIf(skipBrowser)('accessibility (axe, WCAG 2.2 AA)', () => {
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  beforeEach(async () => {
    context = await phoneContext(browser);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context.close();
  });

  it.each(builtPages().map((p) => p.url))('finds no violation on %s', async (url) => {
    // Act
    await page.goto(`${portal.url}${url}`);

    // Assess
    expect(await violations(page)).toEqual([]);
  });

  it.each(['/report/', '/en/report/'])(
    'finds no violation on %s with problems and "call 110" shown',
    async (url) => {
      // Prepare
      await page.goto(`${portal.url}${url}`);
      await page.locator('#input-immediateDanger-true').check();

      // Act
      await page.locator('[data-send]').click();
      await page.locator('#error-summary').waitFor();

      // Assess
      expect(await violations(page)).toEqual([]);
    },
  );

  it.each(['/report/', '/en/report/'])('finds no violation on %s with the receipt shown', async (url) => {
    // Prepare
    await page.goto(`${portal.url}${url}`);
    await page.locator('#input-community-lanting').check();
    await page.locator('#input-categories-other').check();
    await page.locator('#input-reporterRole-other').check();
    await page.locator('#input-childAgeBand-unknown').check();
    await page.locator('#input-immediateDanger-true').check();
    await page.locator('#input-description').fill('A test report for the accessibility check.');

    // Act
    await page.locator('[data-send]').click();
    await page.locator('#receipt').waitFor();

    // Assess
    expect(await violations(page)).toEqual([]);
  });
});
