/**
 * The office console's states and the transparency page at 360 px (staff on home visits) and at
 * 1280 px (the office desk), saved to test/.out/screenshots/ for a person to look at; at
 * phone width nothing may stick out sideways.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/site-build.ts';
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
import { browserSuite } from './suite.ts';

const outDir = join(repoRoot, 'test', '.out', 'screenshots');

describe.skipIf(skipBrowser)('office console screenshots', () => {
  const suite = browserSuite({ ownContexts: true });

  beforeAll(() => {
    mkdirSync(outDir, { recursive: true });
  });

  it.each([
    ['phone', 'zh-CN'],
    ['desk', 'en'],
    ['phone', 'en'],
    ['desk', 'zh-CN'],
  ] as const)('shows every state on a %s, in %s', async (size, lang) => {
    const { browser, portal } = suite;
    const { context, page } = await staffBrowser(browser, lang, size);
    const shoot = async (state: string) => {
      await page.screenshot({ path: join(outDir, `office-${state}-${size}-${lang}.png`), fullPage: true });
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
