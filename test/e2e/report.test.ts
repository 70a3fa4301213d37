/**
 * Sending a concern report in Chromium, as a resident on a phone would: in Chinese, with the
 * receipt shown once, "call 110" when a child is in danger, the server's messages next to their
 * fields, and nothing lost when the connection drops.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { skipBrowser } from './browser.ts';
import { focusedId } from './in-page.ts';
import { storedReports } from './portal.ts';
import { browserSuite } from './suite.ts';

/** Answers every required question, as a neighbour worried about a child left alone. */
async function fillReport(page: Page, description: string): Promise<void> {
  await page.getByLabel('兰亭社区', { exact: true }).check();
  await page.getByLabel('缺乏照顾', { exact: true }).check();
  await page.getByLabel('邻居或社区居民', { exact: true }).check();
  await page.getByLabel('0–7 岁', { exact: true }).check();
  await page.getByLabel('发生了什么').fill(description);
}

const uniqueText = (what: string) => `${what}（测试 ${crypto.randomUUID().slice(0, 8)}）`;

describe.skipIf(skipBrowser)('report page in Chromium', () => {
  const suite = browserSuite({ preparePage: (page, portal) => page.goto(`${portal.url}/report/`) });

  it('sends a report filled in Chinese and shows its 16-digit receipt, which the office can find', async () => {
    const { page, portal } = suite;

    // Prepare
    const description = uniqueText('楼下的小孩经常一个人在家，晚上很晚也没有大人回来');
    await fillReport(page, description);
    await page.getByLabel('在哪里').fill('兰亭路 3 号楼');
    await page.getByLabel('是，还在发生', { exact: true }).check();
    const sent = page.waitForRequest('**/api/reports');

    // Act
    await page.getByRole('button', { name: '发送报告' }).click();
    const receiptPanel = page.getByRole('region', { name: '报告已收到' });
    await receiptPanel.waitFor();

    // Assess: the receipt, large and alone, with the focus on it
    const digits = (await page.locator('.receipt__group').allTextContents()).join(' ');
    expect(digits).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    await expect.poll(() => page.evaluate(focusedId)).toBe('receipt');
    expect(await receiptPanel.textContent()).toContain('只显示这一次');
    expect(await page.locator('form[data-report-form]').isHidden()).toBe(true);
    expect((await sent).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);

    // Assess: it landed, with what was typed and nothing that was not
    const stored = (await storedReports(portal.dynamodbEndpoint)).find((r) => r.description === description);
    expect(stored).toMatchObject({
      community: 'lanting',
      categories: ['neglect'],
      reporterRole: 'resident',
      childAgeBand: '0-7',
      immediateDanger: false,
      location: '兰亭路 3 号楼',
      ongoing: 'yes',
      language: 'zh-CN',
      status: 'new',
    });
    expect(stored).not.toHaveProperty('contact');
    expect(JSON.stringify(stored)).not.toContain(digits.replace(/ /g, ''));
  });

  it('shows the receipt only once: coming back to the page does not show it again', async () => {
    const { page, portal } = suite;

    // Prepare
    await fillReport(page, uniqueText('小区门口常有一个孩子在乞讨'));
    await page.getByRole('button', { name: '发送报告' }).click();
    await page.getByRole('region', { name: '报告已收到' }).waitFor();

    // Act
    await page.getByRole('link', { name: '我已经记下了，返回首页' }).click();
    await page.waitForURL(`${portal.url}/`);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: '报告对孩子的担忧' }).waitFor();

    // Assess
    expect(await page.locator('#receipt').isVisible()).toBe(false);
    expect(await page.locator('.receipt__group').count()).toBe(0);
  });

  it('shows "call 110 now" at the top of the screen as soon as "in danger" is ticked, before sending', async () => {
    const { page } = suite;

    // Prepare
    const call = page.getByRole('link', { name: '现在拨打 110' });
    expect(await call.isVisible()).toBe(false);

    // Act
    await page.getByLabel('是的，孩子现在有危险').check();

    // Assess: visible, at the top of the viewport, a tel: link, announced
    await call.waitFor();
    const box = await call.boundingBox();
    expect(box?.y).toBeLessThan(200);
    expect(await call.getAttribute('href')).toBe('tel:110');
    expect(await page.locator('[data-danger-now]').getAttribute('role')).toBe('alert');

    // Act: unticked, it goes away
    await page.getByLabel('是的，孩子现在有危险').uncheck();

    // Assess
    expect(await call.isVisible()).toBe(false);
  });

  it("puts the server's message next to the field it is about, and sums it up at the top", async () => {
    const { page, portal } = suite;

    // Prepare
    await fillReport(page, '太短了');
    const before = (await storedReports(portal.dynamodbEndpoint)).length;

    // Act
    await page.getByRole('button', { name: '发送报告' }).click();
    const fieldError = page.locator('#error-description');
    await fieldError.waitFor();

    // Assess: the message by the field, in Chinese, and the summary focused
    expect(await fieldError.textContent()).toContain('发生了什么：请至少写 10 个字');
    expect(await page.getByLabel('发生了什么').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(focusedId)).toBe('error-summary');
    expect(await page.locator('#error-summary').textContent()).toContain('请修改以下内容');
    expect((await storedReports(portal.dynamodbEndpoint)).length).toBe(before);

    // Act: the summary's link takes you to the field
    await page.locator('#error-summary a').first().click();

    // Assess
    await expect.poll(() => page.evaluate(focusedId)).toBe('input-description');
    expect(page.url()).toBe(`${portal.url}/report/`);
  });

  it('keeps everything typed when the answer is lost, and "Send again" makes no second report', async () => {
    const { page, portal } = suite;

    // Prepare: the first answer is lost on the way back, after the server has saved the report
    const description = uniqueText('孩子在楼道里哭了很久，身上有伤');
    await fillReport(page, description);
    const keys: string[] = [];
    let attempts = 0;
    await page.route('**/api/reports', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      attempts += 1;
      if (attempts === 1) {
        await route.fetch();
        await route.abort('internetdisconnected');
      } else {
        await route.continue();
      }
    });

    // Act
    await page.getByRole('button', { name: '发送报告' }).click();
    const failed = page.locator('#send-failed');
    await failed.waitFor();

    // Assess: said plainly, with the text still there
    expect(await failed.textContent()).toContain('报告还没有发送成功');
    expect(await page.getByLabel('发生了什么').inputValue()).toBe(description);

    // Act
    await page.getByRole('button', { name: '再发送一次' }).click();
    await page.getByRole('region', { name: '报告已收到' }).waitFor();

    // Assess: same key both times, and one report
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const stored = (await storedReports(portal.dynamodbEndpoint)).filter(
      (r) => r.description === description,
    );
    expect(stored).toHaveLength(1);
  });

  it("shows the server's own words when it cannot save, and keeps the text", async () => {
    const { page } = suite;

    // Prepare
    await fillReport(page, uniqueText('邻居家的孩子好几天没去上学'));
    await page.route('**/api/reports', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        headers: { 'retry-after': '5' },
        body: JSON.stringify({
          error: 'service_unavailable',
          message: '报告暂时没能保存，请稍后再发送一次。',
        }),
      }),
    );

    // Act
    await page.getByRole('button', { name: '发送报告' }).click();
    await page.locator('#send-failed').waitFor();

    // Assess
    expect(await page.locator('#send-failed').textContent()).toContain('报告暂时没能保存');
    await expect.poll(() => page.evaluate(focusedId)).toBe('send-failed');
    expect(await page.getByLabel('发生了什么').inputValue()).toContain('邻居家的孩子');
  });

  it('counts characters as you type, toward the minimum and then what is left', async () => {
    const { page } = suite;

    // Prepare
    const count = page.locator('[data-count-for="input-description"]');

    // Act
    await page.getByLabel('发生了什么').fill('一二三');
    const short = await count.textContent();
    await page.getByLabel('发生了什么').fill('一二三四五六七八九十');
    const enough = await count.textContent();

    // Assess
    expect(short).toBe('还需要再写至少 7 个字');
    expect(enough).toBe('还可以写 4990 个字');
  });
});

describe.skipIf(skipBrowser)('report page without JavaScript', () => {
  const suite = browserSuite({ ownContexts: true });

  it('still shows "call 110 now" when danger is ticked, and says sending needs JavaScript', async () => {
    const { portal, browser } = suite;

    // Prepare
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
    });
    const page = await context.newPage();
    await page.goto(`${portal.url}/report/`);

    // Act
    await page.getByLabel('是的，孩子现在有危险').check();

    // Assess
    expect(await page.getByRole('link', { name: '现在拨打 110' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '发送报告' }).isDisabled()).toBe(true);
    expect(await page.getByText('目前发送报告需要浏览器开启 JavaScript').isVisible()).toBe(true);
    expect(await page.getByRole('checkbox').count()).toBeGreaterThan(10);
    await context.close();
  });
});
