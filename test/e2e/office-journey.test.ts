/**
 * The browser journey, in Chromium, in both languages, with the real runtime and the
 * real sign-in through the local identity provider:
 *   1. a resident sends a report from /report/;
 *   2. office-lanting signs in on /office/ and finds it at the top of the queue;
 *   3. acknowledges it, replies to the reporter and refers it to an agency;
 *   4. the resident opens /follow-up/ with the receipt, reads the reply and answers;
 *   5. office-lanting sees the answer (the queue's marker and the thread); closing is for
 *      leads, so lead-lanting closes it with an outcome, and the resident sees "closed";
 *   6. office-wutong never sees it: not in the queue, and its address says there is no such
 *      report (the API's 404); signing out leaves no cookie and no web storage.
 * Each person has their own browser, as they would.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { deployment } from '../../functions/config.ts';
import { languages } from '../../functions/domain/languages.ts';
import { t } from '../../site/src/i18n/t.ts';
import { skipBrowser } from './browser.ts';
import {
  act,
  goToScreen,
  openFromQueue,
  queueRefs,
  queueRow,
  signIn,
  signOut,
  staffBrowser,
} from './office.ts';
import { browserTraces, noTraces, storedReport } from './portal.ts';
import { pageIn, residentAnswers, sendReportFromPage, uniqueText } from './report-form.ts';
import { browserSuite } from './suite.ts';

/** Opens the report on /follow-up/ with its receipt, as the resident would. */
async function openFollowUp(page: Page, url: string, lang: (typeof languages)[number], receipt: string) {
  await page.goto(`${url}${pageIn(lang, '/follow-up/')}`);
  await page.locator('#input-receipt').fill(receipt);
  await page.getByRole('button', { name: t(lang, 'followUp.open') }).click();
  await page.locator('#report-view').waitFor();
}

describe.skipIf(skipBrowser)('the office journey in Chromium', () => {
  const suite = browserSuite({ ownContexts: true });

  it.each(languages)(
    'takes a report from a resident to closed, and keeps it from another community (%s)',
    async (lang) => {
      const { browser, portal } = suite;
      const resident = await staffBrowser(browser, lang);
      const office = await staffBrowser(browser, lang);
      const lead = await staffBrowser(browser, lang, 'desk');
      const other = await staffBrowser(browser, lang);
      const agency = deployment.communities.find((c) => c.id === 'lanting')?.agencies?.[0];

      try {
        // 1. A resident sends a report: a young child left alone, still happening (urgent).
        const answers = { ...residentAnswers(lang), ongoing: 'yes' as const };
        const receipt = await sendReportFromPage(resident.page, portal.url, lang, answers);
        const ref = String((await storedReport(portal.dynamodbEndpoint, answers.description)).ref);

        // 2. office-lanting signs in and finds it at the top of the queue.
        await signIn(office.page, portal, 'office-lanting', lang);
        expect((await queueRefs(office.page))[0]).toBe(ref);
        expect(await queueRow(office.page, ref).textContent()).toContain(t(lang, 'office.queue.urgent'));

        // 3. Acknowledges it, replies, and refers it.
        await openFromQueue(office.page, ref);
        expect(await office.page.locator('[data-report-facts] .report-text').first().textContent()).toBe(
          answers.description,
        );
        await act(office.page, lang, 'acknowledge', (form) =>
          form.getByLabel(t(lang, 'office.field.priority')).selectOption('high'),
        );
        const reply = uniqueText(
          lang === 'en'
            ? 'Thank you for telling us. Is he alone tonight?'
            : '谢谢您告诉我们。他今晚是一个人吗？',
        );
        await act(office.page, lang, 'reply', (form) =>
          form.getByLabel(t(lang, 'office.action.reply.label')).fill(reply),
        );
        await act(office.page, lang, 'refer', async (form) => {
          if (agency)
            await form
              .getByLabel(t(lang, 'office.action.refer.agency'), { exact: true })
              .selectOption(agency.id);
          await form.getByLabel(t(lang, 'office.action.refer.method')).selectOption('phone');
          await form.getByLabel(t(lang, 'office.action.refer.contactPerson')).fill('Wang Fang');
        });
        const tags = office.page.locator('[data-report-summary]');
        expect(await tags.textContent()).toContain(t(lang, 'office.status.referred'));
        expect(await office.page.locator('[data-report-referrals]').textContent()).toContain('Wang Fang');
        expect(await office.page.locator('[data-report-thread]').textContent()).toContain(reply);

        // 4. The resident reads the reply and answers.
        await openFollowUp(resident.page, portal.url, lang, receipt);
        const view = resident.page.locator('#report-view');
        expect(await view.locator('.message--office .message__body').textContent()).toBe(reply);
        expect(await view.locator('[aria-current="step"]').textContent()).toContain(
          t(lang, 'followUp.status.in_progress'),
        );
        const answer = uniqueText(
          lang === 'en' ? 'Yes, the light was off until midnight.' : '是的，灯一直关到半夜。',
        );
        await view.getByLabel(t(lang, 'followUp.message.label')).fill(answer);
        await view.getByRole('button', { name: t(lang, 'followUp.message.send') }).click();
        await view.locator('.message--reporter').filter({ hasText: answer }).waitFor();

        // 5. office-lanting sees the answer: the queue marks it, the thread shows it.
        await goToScreen(office.page, '#/queue');
        await office.page.getByRole('button', { name: t(lang, 'office.queue.refresh') }).click();
        await expect
          .poll(() => queueRow(office.page, ref).textContent())
          .toContain(t(lang, 'office.queue.reporterUpdated'));
        await openFromQueue(office.page, ref);
        expect(await office.page.locator('.message--reporter .message__body').last().textContent()).toBe(
          answer,
        );
        // Closing is for leads: office staff are not offered it.
        expect(await office.page.locator('[data-action="close"]').isVisible()).toBe(false);

        // 5. lead-lanting closes it with an outcome; the resident sees "closed".
        await signIn(lead.page, portal, 'lead-lanting', lang);
        await openFromQueue(lead.page, ref);
        await act(lead.page, lang, 'close', async (form) => {
          await form.getByLabel(t(lang, 'office.action.close.outcome')).selectOption('support_provided');
          await form
            .getByLabel(t(lang, 'office.action.close.note'))
            .fill('Family supported; school informed.');
        });
        expect(await lead.page.locator('[data-report-summary]').textContent()).toContain(
          t(lang, 'office.outcome.support_provided'),
        );
        await openFollowUp(resident.page, portal.url, lang, receipt);
        expect(await resident.page.locator('[aria-current="step"]').textContent()).toContain(
          t(lang, 'followUp.status.closed'),
        );

        // 6. office-wutong never sees it: not in its queue, not at its address.
        await signIn(other.page, portal, 'office-wutong', lang);
        expect(await queueRefs(other.page)).not.toContain(ref);
        const refused = other.page.waitForResponse((r) => r.url().includes(`/api/office/reports/${ref}`));
        await goToScreen(other.page, `#/report/${ref}`);
        expect((await refused).status()).toBe(404);
        await expect
          .poll(() => other.page.locator('[data-report-status]').textContent())
          .toBe(t(lang, 'office.report.notFound', { ref }));
        expect(await other.page.locator('[data-report-body]').isVisible()).toBe(false);

        // Signing out leaves nothing behind on the portal's origin.
        await signOut(other.page, portal, lang);
        expect(await browserTraces(other.page)).toEqual(noTraces);
      } finally {
        for (const person of [resident, office, lead, other]) await person.context.close();
      }
    },
    240_000,
  );
});
