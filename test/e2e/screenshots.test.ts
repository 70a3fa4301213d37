/**
 * Every page in both languages at phone width (360 px), saved to test/.out/screenshots/ for a
 * person to look at; each must fit the screen without sideways scrolling.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/site-build.ts';
import { builtPages } from '../site/built-pages.ts';
import { skipBrowser } from './browser.ts';
import { sidewaysOverflow } from './in-page.ts';
import { browserSuite } from './suite.ts';

const outDir = join(repoRoot, 'test', '.out', 'screenshots');

const fileName = (url: string, state = '') =>
  `${url.replace(/^\/|\/$/g, '').replace(/[/.]/g, '-') || 'home'}${state}.png`;

async function overflow(page: Page): Promise<number> {
  return page.evaluate(sidewaysOverflow);
}

describe.skipIf(skipBrowser)('pages at 360 px', () => {
  const suite = browserSuite();

  beforeAll(() => {
    mkdirSync(outDir, { recursive: true });
  });

  it.each(builtPages().map((p) => p.url))('fits %s on a phone screen', async (url) => {
    const { page, portal } = suite;

    // Act
    await page.goto(`${portal.url}${url}`);
    await page.screenshot({ path: join(outDir, fileName(url)), fullPage: true });

    // Assess
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  it.each(['/report/', '/en/report/'])('fits %s with "call 110" and problems shown', async (url) => {
    const { page, portal } = suite;

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
