/**
 * Invariant 3: the public pages set no cookies, use no web storage or IndexedDB, and ask no
 * other origin for anything, even after a whole visit: every page, a report sent, the receipt
 * used to follow up, and a message added.
 */
import { describe, expect, it } from 'vitest';
import { builtPages } from '../site/built-pages.ts';
import { phoneContext, skipBrowser } from './browser.ts';
import { browserTraces, noTraces, recordRequests } from './portal.ts';
import { fillReport } from './report-form.ts';
import { browserSuite } from './suite.ts';

describe.skipIf(skipBrowser)('a whole visit in Chromium', () => {
  const suite = browserSuite({ ownContexts: true });

  it('leaves no cookie or stored data behind and talks to no other origin', async () => {
    const { portal, browser } = suite;

    // Prepare
    const context = await phoneContext(browser);
    const requests = recordRequests(context);
    const page = await context.newPage();

    // Act: every page, then a report sent by a child, with contact details
    for (const { url } of builtPages()) await page.goto(`${portal.url}${url}`);
    await page.goto(`${portal.url}/report/`);
    await fillReport(page, 'zh-CN', {
      role: 'child_friend',
      community: 'wutong',
      categories: ['bullying'],
      age: '8-13',
      description: '我的同学每天放学都被几个高年级的同学拦住要钱。',
    });
    await page.locator('summary').click();
    await page.locator('#input-contact').fill('微信 test-only');
    await page.getByRole('button', { name: '发送报告' }).click();
    await page.locator('#receipt').waitFor();
    const receipt = (await page.locator('.receipt__group').allTextContents()).join(' ');

    // Act: back with the receipt, and a message added
    await page.goto(`${portal.url}/follow-up/`);
    await page.locator('#input-receipt').fill(receipt);
    await page.getByRole('button', { name: '查看我的报告' }).click();
    await page.locator('#input-body').fill('今天他们又来了。');
    await page.getByRole('button', { name: '发送留言' }).click();
    await page.locator('.message--reporter').waitFor();

    // Assess
    expect(await browserTraces(page)).toEqual(noTraces);
    expect(await context.cookies()).toEqual([]);
    const foreign = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== portal.url);
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(builtPages().length);
    expect(
      requests.filter((url) => url.includes(receipt.replace(/ /g, '')) || url.includes(receipt)),
    ).toEqual([]);
    await context.close();
  });
});
