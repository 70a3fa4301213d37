/**
 * axe (WCAG 2.2 A and AA) over the office console's states, signed out, signed in as someone
 * with no access to reports, the queue, a report with something in every part and an action
 * open, the alerts and the lead's statistics, and over the transparency page with its figures,
 * in both languages. Real runtime, real sign-in.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { languages } from '../../functions/domain/languages.ts';
import { t } from '../../site/src/i18n/t.ts';
import { skipBrowser } from './browser.ts';
import { scrollToTop } from './in-page.ts';
import {
  actionForm,
  consoleUrl,
  goToScreen,
  seedReport,
  signIn,
  staffBrowser,
  workedReport,
} from './office.ts';
import { pageIn } from './report-form.ts';
import { browserSuite } from './suite.ts';

const wcag22aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Each violation as "rule: target", judged from the top of the page (see accessibility.test.ts). */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(scrollToTop);
  const results = await new AxeBuilder({ page }).withTags(wcag22aa).analyze();
  return results.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

describe.skipIf(skipBrowser)('office console and transparency accessibility (axe, WCAG 2.2 AA)', () => {
  const suite = browserSuite({ ownContexts: true });

  describe.each(languages)('in %s', (lang) => {
    it('finds no violation on the console signed out, nor for an account without access', async () => {
      const { browser, portal } = suite;
      const { context, page } = await staffBrowser(browser, lang);

      // Act
      await page.goto(consoleUrl(portal, lang));
      await page.locator('[data-view="signed-out"]:not([hidden])').waitFor();

      // Assess
      expect(await violations(page)).toEqual([]);

      // Act
      await signIn(page, portal, 'reviewer-lanting', lang);

      // Assess
      expect(await page.getByText(t(lang, 'office.staffOnly.heading')).isVisible()).toBe(true);
      expect(await violations(page)).toEqual([]);
      await context.close();
    });

    it('finds no violation on the queue, a worked report with an action open, the alerts and the statistics', async () => {
      const { browser, portal } = suite;
      const { context, page } = await staffBrowser(browser, lang, 'desk');
      await seedReport(portal, { immediateDanger: true });
      await signIn(page, portal, 'lead-lanting', lang);

      // Assess: the queue
      await page.locator('.queue-item').first().waitFor();
      expect(await violations(page)).toEqual([]);

      // Act: a report with every part filled, and the reply form open
      await workedReport(page, portal, lang);
      await actionForm(page, 'reply');

      // Assess
      expect(await violations(page)).toEqual([]);

      // Act / Assess: the alerts and the statistics
      await goToScreen(page, '#/alerts');
      await page.locator('[data-alerts][aria-busy="false"]').waitFor({ state: 'attached' });
      expect(await violations(page)).toEqual([]);
      await goToScreen(page, '#/dashboard');
      await page.locator('[data-chart="byStatus"] svg').waitFor();
      expect(await violations(page)).toEqual([]);
      await context.close();
    });

    it('finds no violation on the transparency page with its figures', async () => {
      const { browser, portal } = suite;
      const { context, page } = await staffBrowser(browser, lang);

      // Act
      await page.goto(`${portal.url}${pageIn(lang, '/transparency/')}`);
      await page.locator('.transparency__table').first().waitFor();

      // Assess
      expect(await violations(page)).toEqual([]);
      await context.close();
    });
  });
});
