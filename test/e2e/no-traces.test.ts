/**
 * Invariant 3: the public pages set no cookies, use no web storage or IndexedDB, and ask no
 * other origin for anything, even after a whole visit that ends with a report sent.
 */
import { describe, expect, it } from 'vitest';
import { builtPages } from '../site/built-pages.ts';
import { phoneContext, skipBrowser } from './browser.ts';
import { browserTraces, noTraces, recordRequests } from './portal.ts';
import { browserSuite } from './suite.ts';

describe.skipIf(skipBrowser)('a whole visit in Chromium', () => {
  const suite = browserSuite({ ownContexts: true });

  it('leaves no cookie or stored data behind and talks to no other origin', async () => {
    const { portal, browser } = suite;

    // Prepare
    const context = await phoneContext(browser);
    const requests = recordRequests(context);
    const page = await context.newPage();

    // Act: every page, then a report sent
    for (const { url } of builtPages()) await page.goto(`${portal.url}${url}`);
    await page.goto(`${portal.url}/report/`);
    await page.getByLabel('梧桐社区', { exact: true }).check();
    await page.getByLabel('欺凌', { exact: true }).check();
    await page.getByLabel('我是孩子，说的是我的朋友', { exact: true }).check();
    await page.getByLabel('8–13 岁', { exact: true }).check();
    await page.getByLabel('发生了什么').fill('我的同学每天放学都被几个高年级的同学拦住要钱。');
    await page.locator('summary').click();
    await page.getByLabel('联系方式').fill('微信 test-only');
    await page.getByRole('button', { name: '发送报告' }).click();
    await page.getByRole('region', { name: '报告已收到' }).waitFor();

    // Assess
    expect(await browserTraces(page)).toEqual(noTraces);
    expect(await context.cookies()).toEqual([]);
    const foreign = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== portal.url);
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(builtPages().length);
    await context.close();
  });
});
