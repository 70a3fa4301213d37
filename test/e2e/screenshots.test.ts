/**
 * The report and follow-up pages in each state a person can bring them to, in both languages at
 * phone width (360 px), each of which must fit the screen without sideways scrolling; with
 * `HUTONG_SCREENSHOTS=1` each is saved to test/.out/screenshots/ for a person to look at. Every built page's own fit is checked, without a
 * screenshot, in presentation.test.ts; `npm run screenshots` makes docs/screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { languages } from '../../functions/domain/languages.ts';
import { skipBrowser } from './browser.ts';
import { sidewaysOverflow } from './in-page.ts';
import { seedOfficeReply, storedReport } from './portal.ts';
import { fillReport, pageIn, postPlainForm, residentAnswers, sendReportFromPage } from './report-form.ts';
import { saveScreenshot } from './screenshot.ts';
import { browserSuite } from './suite.ts';

const fileName = (url: string, state = '') =>
  `${url.replace(/^\/|\/$/g, '').replace(/[/.]/g, '-') || 'home'}${state}.png`;

async function overflow(page: Page): Promise<number> {
  return page.evaluate(sidewaysOverflow);
}

describe.skipIf(skipBrowser)('report and follow-up states at 360 px', () => {
  const suite = browserSuite();

  it.each(['/report/', '/en/report/'])('fits %s with "call 110" and problems shown', async (url) => {
    const { page, portal } = suite;

    // Prepare
    await page.goto(`${portal.url}${url}`);
    await page.locator('#input-immediateDanger-true').check();

    // Act
    await page.locator('[data-send]').click();
    await page.locator('#error-summary').waitFor();
    await saveScreenshot(page, fileName(url, '-problems'));

    // Assess
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  describe.each(languages)('in %s', (lang) => {
    const shot = (page: Page, path: string, state: string) =>
      saveScreenshot(page, fileName(pageIn(lang, path), state), true);

    it("fits the report page in a child's wording, and the receipt a child gets", async () => {
      const { page, portal } = suite;

      // Act
      await page.goto(`${portal.url}${pageIn(lang, '/report/')}`);
      await page.locator('#input-reporterRole-child_self').check();
      await shot(page, '/report/', '-child');
      const childOverflow = await overflow(page);
      await fillReport(page, lang, {
        role: 'child_self',
        community: 'lanting',
        description: residentAnswers(lang).description,
      });
      await page.locator('[data-send]').click();
      await page.locator('#receipt').waitFor();
      await shot(page, '/report/', '-child-receipt');

      // Assess
      expect(childOverflow).toBeLessThanOrEqual(0);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    });

    it('fits the report page when too many reports are coming in', async () => {
      const { page, portal } = suite;

      // Prepare
      await page.goto(`${portal.url}${pageIn(lang, '/report/')}`);
      await fillReport(page, lang, residentAnswers(lang));
      await page.route('**/api/reports', (route) =>
        route.fulfill({
          status: 429,
          contentType: 'application/json',
          headers: { 'retry-after': '1800' },
          body: JSON.stringify({
            error: 'too_many_reports',
            message: 'Too many reports right now. Call 110.',
          }),
        }),
      );

      // Act
      await page.locator('[data-send]').click();
      await page.locator('#send-failed').waitFor();
      await saveScreenshot(page.locator('#send-failed'), fileName(pageIn(lang, '/report/'), '-too-many'));

      // Assess
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    });

    it('fits the pages the function answers the plain form with', async () => {
      const { page, portal } = suite;

      // Prepare
      await page.goto(`${portal.url}${pageIn(lang, '/report/')}`);
      await fillReport(page, lang, { ...residentAnswers(lang), categories: [], role: 'child_friend' });
      // Act
      await postPlainForm(page);
      await shot(page, '/report/', '-no-script-problems');
      const problemsOverflow = await overflow(page);
      await page.locator('#input-categories-bullying').check();
      await postPlainForm(page);
      await shot(page, '/report/', '-no-script-receipt');

      // Assess
      expect(problemsOverflow).toBeLessThanOrEqual(0);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    });

    it('fits the follow-up page with a wrong receipt, and with a report open and its thread', async () => {
      const { page, portal } = suite;

      // Prepare
      const answers = residentAnswers(lang, 'wutong');
      const receipt = await sendReportFromPage(page, portal.url, lang, answers);
      const stored = await storedReport(portal.dynamodbEndpoint, answers.description);
      await seedOfficeReply(
        portal.dynamodbEndpoint,
        String(stored.pk),
        lang === 'en'
          ? 'Thank you for telling us. Is the child alone tonight? Please tell us which floor.'
          : '谢谢您告诉我们。孩子今晚是一个人在家吗？请告诉我们是几楼。',
      );
      await page.goto(`${portal.url}${pageIn(lang, '/follow-up/')}`);

      // Act: a wrong receipt
      await page.locator('#input-receipt').fill('1234 5678 9012 3456');
      await page.locator('[data-followup-open] [data-send]').click();
      await page.locator('#error-receipt').waitFor();
      await shot(page, '/follow-up/', '-not-found');
      const wrongOverflow = await overflow(page);

      // Act: the right one, then an answer
      await page.locator('#input-receipt').fill(receipt);
      await page.locator('[data-followup-open] [data-send]').click();
      await page.locator('#report-view').waitFor();
      await page
        .locator('#input-body')
        .fill(lang === 'en' ? 'Fourth floor, on the left.' : '四楼，左边那户。');
      await page.locator('[data-followup-message] [data-send]').click();
      await page.locator('.message--reporter').waitFor();
      await shot(page, '/follow-up/', '-open');

      // Assess
      expect(wrongOverflow).toBeLessThanOrEqual(0);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    });
  });
});
