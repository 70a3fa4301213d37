/**
 * axe with the WCAG 2.2 A and AA rules over every state a person can bring the report and
 * follow-up pages to (problems, "call 110", a child's wording, the receipt, a failed send, an open
 * report with its thread), with and without the page script, and over the pages the function
 * renders for the plain form. Every built page as it loads is checked in every-built-page.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { languages } from '../../functions/domain/languages.ts';
import { t } from '../../site/src/i18n/t.ts';
import { injectAxe, violations } from './axe.ts';
import { skipBrowser } from './browser.ts';
import { seedOfficeReply, storedReport } from './portal.ts';
import { fillReport, pageIn, postPlainForm, residentAnswers, sendReportFromPage } from './report-form.ts';
import { browserSuite } from './suite.ts';

describe.skipIf(skipBrowser)('accessibility of the report and follow-up states (axe, WCAG 2.2 AA)', () => {
  const suite = browserSuite({ prepareContext: injectAxe });

  describe.each(languages)('in %s', (lang) => {
    const report = pageIn(lang, '/report/');
    const followUp = pageIn(lang, '/follow-up/');

    it('finds no violation on the report page with problems and "call 110" shown', async () => {
      const { page, portal } = suite;

      // Prepare
      await page.goto(`${portal.url}${report}`);
      await page.locator('#input-immediateDanger-true').check();

      // Act
      await page.locator('[data-send]').click();
      await page.locator('#error-summary').waitFor();

      // Assess
      expect(await violations(page)).toEqual([]);
    });

    it("finds no violation on the report page in a child's wording, with and without the script", async () => {
      const { page, portal } = suite;

      // Prepare
      await page.goto(`${portal.url}${report}`);

      // Act
      await page.locator('#input-reporterRole-child_self').check();

      // Assess
      expect(await violations(page)).toEqual([]);

      // Act: the same, as a browser without the page script sees it
      await page.route('**/_astro/*.js', (route) => route.abort());
      await page.reload();
      await page.locator('#input-reporterRole-child_friend').check();

      // Assess
      expect(await violations(page)).toEqual([]);
    });

    it('finds no violation on the report page with the receipt shown', async () => {
      const { page, portal } = suite;

      // Act
      await sendReportFromPage(page, portal.url, lang, {
        ...residentAnswers(lang),
        role: 'child_friend',
        age: 'unknown',
      });

      // Assess
      expect(await violations(page)).toEqual([]);
    });

    it('finds no violation on the report page when sending failed', async () => {
      const { page, portal } = suite;

      // Prepare
      await page.goto(`${portal.url}${report}`);
      await fillReport(page, lang, residentAnswers(lang));
      await page.route('**/api/reports', (route) =>
        route.fulfill({
          status: 429,
          contentType: 'application/json',
          headers: { 'retry-after': '600' },
          body: JSON.stringify({
            error: 'too_many_reports',
            message: 'Too many reports right now. Call 110.',
          }),
        }),
      );

      // Act
      await page.locator('[data-send]').click();
      await page.locator('#send-failed').waitFor();

      // Assess
      expect(await violations(page)).toEqual([]);
    });

    it('finds no violation on the pages the function answers the plain form with', async () => {
      const { page, portal } = suite;

      // Prepare: a form with no kind of concern, which only the server checks
      await page.goto(`${portal.url}${report}`);
      await fillReport(page, lang, { ...residentAnswers(lang), categories: [], role: 'child_self' });

      // Act
      await postPlainForm(page);

      // Assess: the form again, with its problem
      expect(await page.locator('#error-categories').isVisible()).toBe(true);
      expect(await violations(page)).toEqual([]);

      // Act
      await page.locator('#input-categories-other').check();
      await postPlainForm(page);

      // Assess: the receipt
      await page.locator('#receipt').waitFor();
      expect(await violations(page)).toEqual([]);
    });

    it('finds no violation on the follow-up page with a receipt that matches nothing', async () => {
      const { page, portal } = suite;

      // Prepare
      await page.goto(`${portal.url}${followUp}`);

      // Act
      await page.locator('#input-receipt').fill('1234');
      await page.locator('[data-followup-open] [data-send]').click();
      await page.locator('#error-receipt').waitFor();

      // Assess
      expect(await violations(page)).toEqual([]);
    });

    it('finds no violation on the follow-up page with a report open, its thread and a message sent', async () => {
      const { page, portal } = suite;

      // Prepare
      const answers = residentAnswers(lang, 'wutong');
      const receipt = await sendReportFromPage(page, portal.url, lang, answers);
      const stored = await storedReport(portal.dynamodbEndpoint, answers.description);
      await seedOfficeReply(portal.dynamodbEndpoint, String(stored.pk), t(lang, 'followUp.thread.empty'));
      await page.goto(`${portal.url}${followUp}`);
      await page.locator('#input-receipt').fill(receipt);
      await page.locator('[data-followup-open] [data-send]').click();
      await page.locator('#report-view').waitFor();

      // Assess: open, with the office's message
      expect(await violations(page)).toEqual([]);

      // Act
      await page.locator('#input-body').fill('Accessibility check: a message from the reporter.');
      await page.locator('[data-followup-message] [data-send]').click();
      await page.locator('.message--reporter').waitFor();

      // Assess
      expect(await violations(page)).toEqual([]);

      // Act: the next send fails
      await page.route('**/api/followup/messages', (route) => route.abort('internetdisconnected'));
      await page.locator('#input-body').fill('This one will not arrive.');
      await page.locator('[data-followup-message] [data-send]').click();
      await page.locator('#message-failed').waitFor();

      // Assess
      expect(await violations(page)).toEqual([]);
    });

    it('finds no violation on the follow-up page as a browser without the script sees it', async () => {
      const { page, portal } = suite;

      // Prepare
      await page.route('**/_astro/*.js', (route) => route.abort());

      // Act
      await page.goto(`${portal.url}${followUp}`);

      // Assess
      expect(await page.locator('[data-no-js-notice]').isVisible()).toBe(true);
      expect(await violations(page)).toEqual([]);
    });
  });
});
