/**
 * The office console's states and the transparency page at 360 px (staff on home visits), where
 * nothing may stick out sideways. With `HUTONG_SCREENSHOTS=1` each state is also saved to
 * test/.out/screenshots/ for a person to look at, at 1280 px (the office desk) too.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipBrowser } from './browser.ts';
import { sidewaysOverflow } from './in-page.ts';
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
import { keepScreenshots, saveScreenshot } from './screenshot.ts';
import { browserSuite } from './suite.ts';

describe.skipIf(skipBrowser)('office console screenshots', () => {
  const suite = browserSuite({ ownContexts: true });

  // The desk asserts nothing of its own: it runs only to be looked at.
  const sizes = [
    ['phone', 'zh-CN'],
    ['phone', 'en'],
    ...(keepScreenshots
      ? ([
          ['desk', 'en'],
          ['desk', 'zh-CN'],
        ] as const)
      : []),
  ] as const;

  it.each(sizes)('shows every state on a %s, in %s', async (size, lang) => {
    const { browser, portal } = suite;
    const { context, page } = await staffBrowser(browser, lang, size);
    const shoot = async (state: string) => {
      await saveScreenshot(page, `office-${state}-${size}-${lang}.png`, true);
      if (size === 'phone') expect(await page.evaluate(sidewaysOverflow), state).toBeLessThanOrEqual(0);
    };
    const settle = (target: Page) => target.waitForLoadState('networkidle');
    await seedReport(portal, { immediateDanger: true, categories: ['physical_abuse'] });
    await seedReport(portal, { categories: ['bullying', 'online_harm'], childAgeBand: '14-15' });

    // Act / Assess: every state
    await page.goto(consoleUrl(portal, lang));
    await page.locator('[data-view="signed-out"]:not([hidden])').waitFor();
    await shoot('signed-out');
    await signIn(page, portal, 'lead-lanting', lang);
    await page.locator('.queue-item').first().waitFor();
    await shoot('queue');
    await workedReport(page, portal, lang);
    await shoot('report');
    await actionForm(page, 'close');
    await shoot('report-closing');
    await goToScreen(page, '#/alerts');
    await settle(page);
    await shoot('alerts');
    await goToScreen(page, '#/dashboard');
    await page.locator('[data-chart="byStatus"] svg').waitFor();
    await shoot('statistics');
    await page.goto(`${portal.url}${pageIn(lang, '/transparency/')}`);
    await page.locator('.transparency__table').first().waitFor();
    await shoot('transparency');
    await context.close();
  });
});
