/**
 * The workshop journey, in Chromium, with the real runtime, the real sign-in and the
 * local rebuild of the site; the trainer works in Chinese, the reviewer in English, each on
 * their own phone:
 *   1. trainer-lanting writes a workshop with a session a month ahead and a handout (a small
 *      real PNG), saves it and submits it for review;
 *   2. reviewer-lanting sends it back with a comment;
 *   3. the trainer sees the comment, fixes the summary and submits it again;
 *   4. the reviewer publishes it and watches the build panel until the page is live;
 *   5. the public page shows the workshop and its handout file, and the calendar has the session.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../site/src/i18n/t.ts';
import { skipBrowser } from './browser.ts';
import { signIn, staffBrowser } from './office.ts';
import { browserSuite } from './suite.ts';
import {
  addSession,
  fillWorkshop,
  openWorkshop,
  sampleSession,
  sampleWorkshop,
  saveWorkshop,
  submitWorkshop,
  tinyPng,
  uploadHandout,
} from './workshop-console.ts';

/** An iCalendar file's lines as written, folded lines joined again (RFC 5545 §3.1). */
const unfolded = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

describe.skipIf(skipBrowser)('the workshop journey in Chromium', () => {
  const suite = browserSuite({ ownContexts: true });

  it('takes a workshop from a trainer’s draft through review to the public site and its calendar', async () => {
    const { browser, portal } = suite;
    const trainer = await staffBrowser(browser, 'zh-CN');
    const reviewer = await staffBrowser(browser, 'en');
    const workshop = sampleWorkshop('zh-CN');
    const session = sampleSession('zh-CN');
    const comment = 'The summary should say it is for parents of children aged 3 to 8.';
    const fixedSummary = '帮助 3 到 8 岁孩子的家长，用孩子听得懂的话谈身体安全。';

    try {
      // 1. The trainer writes it, with a session and a handout, and submits it.
      await signIn(trainer.page, portal, 'trainer-lanting', 'zh-CN');
      await trainer.page.getByRole('link', { name: t('zh-CN', 'office.workshops.new') }).click();
      await trainer.page.locator('[data-workshop-form]:not([hidden])').waitFor();
      await fillWorkshop(trainer.page, 'zh-CN', workshop);
      expect(await trainer.page.locator('[data-agenda-total]').textContent()).toBe(
        t('zh-CN', 'office.workshop.agenda.match', { total: 60, duration: 60 }),
      );
      await addSession(trainer.page, 'zh-CN', session);
      await saveWorkshop(trainer.page, 'zh-CN');
      await uploadHandout(trainer.page, 'zh-CN', { name: 'handout.png', buffer: tinyPng() });
      await submitWorkshop(trainer.page, 'zh-CN');
      expect(await trainer.page.locator('[data-workshop-summary]').textContent()).toContain(
        t('zh-CN', 'office.workshopStatus.in_review'),
      );
      expect(await trainer.page.locator('[data-workshop-form]').isVisible()).toBe(false);

      // 2. The reviewer finds it in review, reads it, and sends it back with a comment.
      await signIn(reviewer.page, portal, 'reviewer-lanting', 'en');
      await openWorkshop(reviewer.page, workshop.title);
      const read = reviewer.page.locator('[data-workshop-read]');
      expect(await read.textContent()).toContain(workshop.safeguardingNotes);
      expect(await read.textContent()).toContain(session.place);
      expect(await reviewer.page.locator('[data-handout-list]').textContent()).toContain('handout.png');
      await reviewer.page.getByRole('button', { name: t('en', 'office.review.return'), exact: true }).click();
      expect(await reviewer.page.locator('[data-review-form="return"] .field-error').isVisible()).toBe(true);
      await reviewer.page.getByLabel(t('en', 'office.review.return.comment'), { exact: true }).fill(comment);
      await reviewer.page.getByRole('button', { name: t('en', 'office.review.return'), exact: true }).click();
      await expect
        .poll(() => reviewer.page.locator('[data-review-status]').textContent())
        .toBe(t('en', 'office.review.done.return'));

      // 3. The trainer sees the comment, fixes the summary and submits it again.
      await openWorkshop(trainer.page, workshop.title);
      expect(await trainer.page.locator('[data-workshop-comments]').textContent()).toContain(comment);
      expect(await trainer.page.locator('[data-workshop-note]').textContent()).toBe(
        t('zh-CN', 'office.workshop.note.returned'),
      );
      await trainer.page
        .getByLabel(t('zh-CN', 'office.workshop.field.summary'), { exact: true })
        .fill(fixedSummary);
      await submitWorkshop(trainer.page, 'zh-CN');

      // 4. The reviewer publishes it and watches the site being rebuilt until the page is live.
      await openWorkshop(reviewer.page, workshop.title);
      expect(await reviewer.page.locator('[data-workshop-read]').textContent()).toContain(fixedSummary);
      await reviewer.page
        .getByRole('button', { name: t('en', 'office.review.publish'), exact: true })
        .click();
      const build = reviewer.page.locator('[data-build-state]');
      expect(await build.getAttribute('role')).toBe('status');
      await expect
        .poll(() => build.textContent(), { timeout: 240_000, interval: 1_000 })
        .toContain(t('en', 'office.build.live'));
      const page = `/workshops/${workshop.translationKey}/`;
      expect(await build.getByRole('link').getAttribute('href')).toBe(page);

      // 5. The public page shows it and its handout file; the calendar has the session.
      await trainer.page.goto(`${portal.url}${page}`);
      expect(await trainer.page.locator('h1').textContent()).toContain(workshop.title);
      expect(await trainer.page.locator('main').textContent()).toContain(fixedSummary);
      const file = trainer.page.locator('[data-files]').getByRole('link', { name: 'handout.png' });
      const fileResponse = await trainer.page.request.get(`${portal.url}${await file.getAttribute('href')}`);
      expect(fileResponse.headers()['content-type']).toBe('image/png');
      const calendar = unfolded(await (await fetch(`${portal.url}/workshops/calendar.ics`)).text());
      const start = `DTSTART:${session.date.replaceAll('-', '')}T060000Z`;
      expect(calendar).toContain(start);
      expect(calendar).toContain(`LOCATION;LANGUAGE=zh-CN:${session.place}`);
    } finally {
      for (const person of [trainer, reviewer]) await person.context.close();
    }
  }, 420_000);
});
