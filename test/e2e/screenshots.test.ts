/**
 * Every page in both languages at phone width (360 px), saved to test/.out/screenshots/ for a
 * person to look at; each must fit the screen without sideways scrolling.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/site-build.ts';
import { builtPages } from '../site/built-pages.ts';
import { launchBrowser, phoneContext, skipBrowser } from './browser.ts';
import { sidewaysOverflow } from './in-page.ts';
import { type Portal, startPortal } from './portal.ts';

const outDir = join(repoRoot, 'test', '.out', 'screenshots');

const fileName = (url: string, state = '') =>
  `${url.replace(/^\/|\/$/g, '').replace(/[/.]/g, '-') || 'home'}${state}.png`;

async function overflow(page: Page): Promise<number> {
  return page.evaluate(sidewaysOverflow);
}

describe.skipIf(skipBrowser)('pages at 360 px', () => {
  let portal: Portal;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
    page = await (await phoneContext(browser)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it.each(builtPages().map((p) => p.url))('fits %s on a phone screen', async (url) => {
    // Act
    await page.goto(`${portal.url}${url}`);
    await page.screenshot({ path: join(outDir, fileName(url)), fullPage: true });

    // Assess
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  it.each(['/report/', '/en/report/'])('fits %s with "call 110" and problems shown', async (url) => {
    // Prepare
    await page.goto(`${portal.url}${url}`);
    await page.locator('#input-immediateDanger-true').check();

    // Act
    await page.locator('[data-send]').click();
    await page.locator('#error-summary').waitFor();
    await page.screenshot({ path: join(outDir, fileName(url, '-problems')) });

    // Assess
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });
});
