/**
 * axe over every built page in both languages, and over the report page's other states
 * (problems shown, "call 110" shown, receipt shown), with the WCAG 2.2 A and AA rules.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtPages } from '../site/built-pages.ts';
import { skipBrowser } from './browser.ts';
import { browserSuite } from './suite.ts';

const wcag22aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Each violation as "rule: target", so a failure says what to fix and where. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcag22aa).analyze();
  return results.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

describe.skipIf(skipBrowser)('accessibility (axe, WCAG 2.2 AA)', () => {
  const suite = browserSuite();

  it.each(builtPages().map((p) => p.url))('finds no violation on %s', async (url) => {
    const { page, portal } = suite;

    // Act
    await page.goto(`${portal.url}${url}`);

    // Assess
    expect(await violations(page)).toEqual([]);
  });

  it.each(['/report/', '/en/report/'])(
    'finds no violation on %s with problems and "call 110" shown',
    async (url) => {
      const { page, portal } = suite;

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
    const { page, portal } = suite;

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
