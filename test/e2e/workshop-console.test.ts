/**
 * The console's workshop screens in Chromium beyond the journey: the editor by keyboard (the
 * error summary takes focus and its links lead to each field; rows are added and removed with
 * focus following), two trainers saving one workshop at once (nothing is overwritten; the second
 * is told, keeps the text, and reloads when they choose), and a handout file the API refuses,
 * its reason said at the file field. Real runtime, real sign-in.
 */
import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../functions/domain/messages.ts';
import { t } from '../../site/src/i18n/t.ts';
import { skipBrowser } from './browser.ts';
import { focusedId } from './in-page.ts';
import { goToScreen, signIn, staffBrowser } from './office.ts';
import { browserSuite } from './suite.ts';
import { fillWorkshop, openWorkshop, sampleWorkshop, saveWorkshop, tinyPng } from './workshop-console.ts';

describe.skipIf(skipBrowser)('the workshop screens in Chromium', () => {
  const suite = browserSuite({ ownContexts: true });

  it('works by keyboard: the error summary leads to each field, and focus follows added and removed rows', async () => {
    const { browser, portal } = suite;
    const { context, page } = await staffBrowser(browser, 'en');
    /** The label of the field that has focus, as a screen reader would announce it. */
    const focused = async () => {
      const id = await page.evaluate(focusedId);
      return id ? page.locator(`label[for="${id}"]`).textContent() : '';
    };
    try {
      await signIn(page, portal, 'trainer-lanting', 'en');
      await goToScreen(page, '#/workshop/new');
      await page.locator('[data-workshop-form]:not([hidden])').waitFor();

      // Act: save with nothing typed, by keyboard
      await page.getByRole('button', { name: t('en', 'office.workshop.save'), exact: true }).focus();
      await page.keyboard.press('Enter');

      // Assess: the summary has focus; its first link leads to the title
      const summary = page.locator('[data-workshop-errors]');
      await expect.poll(() => summary.and(page.locator(':focus')).count()).toBe(1);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await focused()).toBe(t('en', 'office.workshop.field.title'));

      // Act: add an objective with the keyboard
      await page.getByRole('button', { name: t('en', 'office.workshop.field.objectives.add') }).focus();
      await page.keyboard.press('Enter');

      // Assess: the new row has focus; typing goes there
      expect(await focused()).toBe(t('en', 'office.workshop.field.objectives.item', { n: 2 }));
      await page.keyboard.type('Know whom to tell');

      // Act: the next Tab is its Remove; pressing it removes the row
      await page.keyboard.press('Tab');
      expect(await page.locator('.row__remove:focus').textContent()).toBe(
        `${t('en', 'office.workshop.remove')} ${t('en', 'office.workshop.field.objectives.item', { n: 2 })}`,
      );
      await page.keyboard.press('Enter');

      // Assess: one objective is left, and focus is on it rather than lost
      expect(await page.locator('[data-rows-of="workshop.objectives"] .row').count()).toBe(1);
      expect(await focused()).toBe(t('en', 'office.workshop.field.objectives.item', { n: 1 }));
    } finally {
      await context.close();
    }
  });

  it('when two trainers save one workshop at once, keeps the first’s change and tells the second', async () => {
    const { browser, portal } = suite;
    const first = await staffBrowser(browser, 'en');
    const second = await staffBrowser(browser, 'zh-CN');
    const workshop = sampleWorkshop('en');
    try {
      await signIn(first.page, portal, 'trainer-lanting', 'en');
      await goToScreen(first.page, '#/workshop/new');
      await fillWorkshop(first.page, 'en', workshop);
      await saveWorkshop(first.page, 'en');
      await signIn(second.page, portal, 'trainer-lanting', 'zh-CN');
      await openWorkshop(second.page, workshop.title);
      const summary = (page: typeof first.page, lang: 'en' | 'zh-CN') =>
        page.getByLabel(t(lang, 'office.workshop.field.summary'), { exact: true });

      // Act: both change the summary; the first saves, then the second
      await summary(first.page, 'en').fill('The first trainer’s summary.');
      await summary(second.page, 'zh-CN').fill('第二位培训师写的简介。');
      await saveWorkshop(first.page, 'en');
      await second.page
        .getByRole('button', { name: t('zh-CN', 'office.workshop.save'), exact: true })
        .click();

      // Assess: the second is told, and still has what they typed
      const conflict = second.page.locator('[data-workshop-conflict]');
      await conflict.waitFor();
      expect(await conflict.textContent()).toContain(t('zh-CN', 'office.workshop.conflict.stale'));
      expect(await summary(second.page, 'zh-CN').inputValue()).toBe('第二位培训师写的简介。');

      // Act: they reload
      await conflict.getByRole('button', { name: t('zh-CN', 'office.workshop.reload') }).click();

      // Assess: the first's summary, which nobody overwrote
      await expect
        .poll(() => summary(second.page, 'zh-CN').inputValue())
        .toBe('The first trainer’s summary.');
      expect(await conflict.isVisible()).toBe(false);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it('says at the file field why the API refused a handout, and lists nothing', async () => {
    const { browser, portal } = suite;
    const { context, page } = await staffBrowser(browser, 'zh-CN');
    const broken = tinyPng();
    // IEND's checksum no longer matches: a PNG by its signature that can't be read as one.
    broken.writeUInt8(broken.readUInt8(broken.length - 1) ^ 0xff, broken.length - 1);
    try {
      await signIn(page, portal, 'trainer-lanting', 'zh-CN');
      await goToScreen(page, '#/workshop/new');
      await fillWorkshop(page, 'zh-CN', sampleWorkshop('zh-CN'));
      await saveWorkshop(page, 'zh-CN');

      // Act
      const field = page.getByLabel(t('zh-CN', 'office.handouts.file'), { exact: true });
      await field.setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: broken });
      const answer = page.waitForResponse((r) => r.url().includes('/handouts?'));
      await page.getByRole('button', { name: t('zh-CN', 'office.handouts.upload'), exact: true }).click();

      // Assess: the API's reason, in the page's language, at the field that takes the file
      expect((await answer).status()).toBe(422);
      const error = page.locator('#handout-file-error');
      await error.waitFor();
      expect(await error.textContent()).toContain(errorMessages.unreadable_file['zh-CN']);
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('[data-handout-list] li').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
