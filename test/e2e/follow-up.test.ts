/**
 * Coming back with the receipt, in Chromium and in both languages: the reporter opens their
 * report, sees where it stands, reads the office's reply (seeded into the table until the office
 * side exists) as text, and adds information that shows in the thread. The receipt is forgotten
 * when they leave, and never goes into the URL or the title.
 */
import { describe, expect, it } from 'vitest';
import { languages } from '../../functions/domain/languages.ts';
import { t } from '../../site/src/i18n/t.ts';
import { skipBrowser } from './browser.ts';
import { focusedId } from './in-page.ts';
import { seedOfficeReply, seedStatus, storedMessages, storedReport } from './portal.ts';
import { pageIn, residentAnswers, sendReportFromPage, uniqueText } from './report-form.ts';
import { browserSuite } from './suite.ts';

describe.skipIf(skipBrowser)('follow-up page in Chromium', () => {
  const suite = browserSuite();

  describe.each(languages)('in %s', (lang) => {
    const opened = t(lang, 'followUp.status.heading');

    it("opens the report with its receipt, shows the office's reply as text, and adds information to the thread", async () => {
      const { page, portal } = suite;

      // Prepare: a report sent from the site, and the office's answer to it
      const answers = residentAnswers(lang);
      const receipt = await sendReportFromPage(page, portal.url, lang, answers);
      const report = await storedReport(portal.dynamodbEndpoint, answers.description);
      const reply =
        lang === 'en'
          ? 'Thank you. <b>Is the child alone tonight?</b>\nPlease tell us which floor.'
          : '谢谢您。<b>孩子今晚是一个人吗？</b>\n请告诉我们是几楼。';
      await seedOfficeReply(portal.dynamodbEndpoint, String(report.pk), reply);
      await page.getByRole('link', { name: t(lang, 'report.receipt.followUp') }).click();

      // Act: the receipt as a person might type it, without the spaces
      await page.locator('#input-receipt').fill(receipt.replace(/ /g, ''));
      await page.getByRole('button', { name: t(lang, 'followUp.open') }).click();
      const view = page.getByRole('region', { name: opened });
      await view.waitFor();

      // Assess: where it stands, with what that means and the day it got there
      const current = view.locator('[aria-current="step"]');
      expect(await current.textContent()).toContain(t(lang, 'followUp.status.received'));
      expect(await current.textContent()).toContain(t(lang, 'followUp.status.receivedText'));
      expect(await current.locator('[data-step-date]').textContent()).not.toBe('');
      expect(await view.getByText(t(lang, 'followUp.status.closedText')).isVisible()).toBe(true);
      await expect.poll(() => page.evaluate(focusedId)).toBe('report-view');

      // Assess: the office's words exactly as written, markup shown as text
      const office = view.locator('.message--office');
      expect(await office.locator('.message__body').textContent()).toBe(reply);
      expect(await office.textContent()).toContain(t(lang, 'followUp.thread.office'));
      expect(await view.locator('.thread b').count()).toBe(0);

      // Assess: the receipt is nowhere but in the page's memory
      expect(page.url()).toBe(`${portal.url}${pageIn(lang, '/follow-up/')}`);
      expect(await page.title()).not.toContain(receipt.slice(0, 4));
      expect(await page.locator('#input-receipt').inputValue()).toBe('');

      // Act: an answer to the office
      const answer = uniqueText(lang === 'en' ? 'Fourth floor, the door on the left.' : '四楼，左边那户。');
      await view.getByLabel(t(lang, 'followUp.message.label')).fill(answer);
      await view.getByRole('button', { name: t(lang, 'followUp.message.send') }).click();
      const mine = view.locator('.message--reporter');
      await mine.waitFor();

      // Assess: in the thread under "you", said to be sent, and stored for the office
      expect(await mine.locator('.message__body').textContent()).toBe(answer);
      expect(await mine.textContent()).toContain(t(lang, 'followUp.thread.reporter'));
      expect(await view.locator('[data-sent-note]').textContent()).toBe(t(lang, 'followUp.message.sent'));
      expect(await view.getByLabel(t(lang, 'followUp.message.label')).inputValue()).toBe('');
      const thread = await storedMessages(portal.dynamodbEndpoint, String(report.pk));
      expect(thread.map((m) => [m.from, m.body])).toEqual([
        ['office', reply],
        ['reporter', answer],
      ]);
    });

    it('says plainly, next to the box, when a receipt matches no report', async () => {
      const { page, portal } = suite;

      // Prepare
      await page.goto(`${portal.url}${pageIn(lang, '/follow-up/')}`);

      // Act
      await page.locator('#input-receipt').fill('0000 1111 2222 3333');
      await page.getByRole('button', { name: t(lang, 'followUp.open') }).click();
      const problem = page.locator('#error-receipt');
      await problem.waitFor();

      // Assess
      expect(await problem.textContent()).toMatch(lang === 'en' ? /No report was found/ : /没有找到/);
      expect(await page.locator('#input-receipt').getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => page.evaluate(focusedId)).toBe('input-receipt');
      expect(await page.locator('#report-view').isVisible()).toBe(false);
    });

    it('explains without JavaScript that following up needs it, gives the numbers, and sends nothing', async () => {
      const { browser, portal } = suite;

      // Prepare
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 360, height: 740 },
      });
      const page = await context.newPage();

      // Act
      await page.goto(`${portal.url}${pageIn(lang, '/follow-up/')}`);

      // Assess
      expect(await page.getByText(t(lang, 'followUp.noJs')).isVisible()).toBe(true);
      expect(await page.locator('[data-no-js-notice] a[href="tel:110"]').isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: t(lang, 'followUp.open') }).isDisabled()).toBe(true);
      await context.close();
    });
  });

  it('shows a report being handled, with the day each step was reached', async () => {
    const { page, portal } = suite;

    // Prepare
    const answers = residentAnswers('zh-CN', 'wutong');
    const receipt = await sendReportFromPage(page, portal.url, 'zh-CN', answers);
    const report = await storedReport(portal.dynamodbEndpoint, answers.description);
    await seedStatus(portal.dynamodbEndpoint, String(report.pk), {
      status: 'referred',
      timeline: [
        { status: 'received', on: '2026-03-01' },
        { status: 'in_progress', on: '2026-03-04' },
      ],
    });

    // Act
    await page.goto(`${portal.url}/follow-up/`);
    await page.locator('#input-receipt').fill(receipt);
    await page.getByRole('button', { name: '查看我的报告' }).click();
    await page.locator('#report-view').waitFor();

    // Assess: "being handled" now, "received" done, "closed" still ahead
    const step = (status: string) => page.locator(`[data-step="${status}"]`);
    expect(await step('in_progress').getAttribute('aria-current')).toBe('step');
    expect(await step('in_progress').textContent()).toContain('2026年3月4日起');
    expect(await step('received').textContent()).toContain('2026年3月1日起');
    expect(await step('closed').locator('[data-step-date]').textContent()).toBe('');
    expect(await page.locator('[data-status-changed]').textContent()).toBe('最近一次变化：2026年3月4日');
    expect(await page.getByText('没有找到').count()).toBe(0);
  });

  it('forgets the receipt and the report when the person leaves the page', async () => {
    const { page, portal } = suite;

    // Prepare
    const answers = residentAnswers('zh-CN');
    const receipt = await sendReportFromPage(page, portal.url, 'zh-CN', answers);
    await page.goto(`${portal.url}/follow-up/`);
    await page.locator('#input-receipt').fill(receipt);
    await page.getByRole('button', { name: '查看我的报告' }).click();
    await page.locator('#report-view').waitFor();

    // Act
    await page.goto(`${portal.url}/`);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: '查看报告进展' }).waitFor();

    // Assess
    expect(await page.locator('#report-view').isVisible()).toBe(false);
    expect(await page.locator('.message').count()).toBe(0);
    expect(await page.locator('#input-receipt').inputValue()).toBe('');
  });

  it('keeps a message when the connection drops, and "Try again" adds it to the thread once', async () => {
    const { page, portal, context } = suite;

    // Prepare
    const answers = residentAnswers('en', 'wutong');
    const receipt = await sendReportFromPage(page, portal.url, 'en', answers);
    const report = await storedReport(portal.dynamodbEndpoint, answers.description);
    await page.goto(`${portal.url}/en/follow-up/`);
    await page.locator('#input-receipt').fill(receipt);
    await page.getByRole('button', { name: 'Open my report' }).click();
    await page.locator('#report-view').waitFor();
    let attempts = 0;
    await context.route('**/api/followup/messages', async (route) => {
      attempts += 1;
      if (attempts > 1) return route.continue();
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    const message = uniqueText('The boy was crying on the stairs again this morning.');

    // Act
    await page.getByLabel('Add information, or answer the office').fill(message);
    await page.getByRole('button', { name: 'Send message' }).click();
    const failed = page.locator('#message-failed');
    await failed.waitFor();

    // Assess: said plainly, with the text kept
    expect(await failed.textContent()).toContain('That did not go through');
    expect(await page.getByLabel('Add information, or answer the office').inputValue()).toBe(message);

    // Act
    await failed.getByRole('button', { name: 'Try again' }).click();
    await page.locator('.message--reporter').waitFor();

    // Assess: once in the thread, once in the table
    expect(await page.locator('.message--reporter').count()).toBe(1);
    const stored = await storedMessages(portal.dynamodbEndpoint, String(report.pk));
    expect(stored.filter((m) => m.body === message)).toHaveLength(1);
  });
});
