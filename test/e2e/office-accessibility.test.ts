/**
 * axe (WCAG 2.2 A and AA) over the office console's states, signed out, the queue, a report with
 * something in every part and an action open, the alerts and the lead's statistics; the
 * workshop screens (the list, the editor with the API's problems shown, the reviewer's view);
 * and the transparency page with its figures, in both languages. Real runtime, real sign-in.
 */
import { describe, expect, it } from 'vitest';
import { languages } from '../../functions/domain/languages.ts';
import { t } from '../../site/src/i18n/t.ts';
import { injectAxe, violations } from './axe.ts';
import { skipBrowser } from './browser.ts';
import {
  actionForm,
  consoleUrl,
  goToScreen,
  seedReport,
  signIn,
  staffBrowser,
  workedReport,
} from './office.ts';
import { pageIn } from './report-form.ts';
import { browserSuite } from './suite.ts';
import {
  addSession,
  fillWorkshop,
  openWorkshop,
  sampleSession,
  sampleWorkshop,
  saveWorkshop,
  submitWorkshop,
} from './workshop-console.ts';

describe.skipIf(skipBrowser)('office console and transparency accessibility (axe, WCAG 2.2 AA)', () => {
  const suite = browserSuite({ ownContexts: true });

  describe.each(languages)('in %s', (lang) => {
    it('finds no violation on the console signed out', async () => {
      const { browser, portal } = suite;
      const { context, page } = await staffBrowser(browser, lang);
      await injectAxe(context);

      // Act
      await page.goto(consoleUrl(portal, lang));
      await page.locator('[data-view="signed-out"]:not([hidden])').waitFor();

      // Assess
      expect(await violations(page)).toEqual([]);
      await context.close();
    });

    it('finds no violation on the queue, a worked report with an action open, the alerts and the statistics', async () => {
      const { browser, portal } = suite;
      const { context, page } = await staffBrowser(browser, lang, 'desk');
      await injectAxe(context);
      await seedReport(portal, { immediateDanger: true });
      await signIn(page, portal, 'lead-lanting', lang);

      // Assess: the queue
      await page.locator('.queue-item').first().waitFor();
      expect(await violations(page)).toEqual([]);

      // Act: a report with every part filled, and the reply form open
      await workedReport(page, portal, lang);
      await actionForm(page, 'reply');

      // Assess
      expect(await violations(page)).toEqual([]);

      // Act / Assess: the alerts and the statistics
      await goToScreen(page, '#/alerts');
      await page.locator('[data-alerts][aria-busy="false"]').waitFor({ state: 'attached' });
      expect(await violations(page)).toEqual([]);
      await goToScreen(page, '#/dashboard');
      await page.locator('[data-chart="byStatus"] svg').waitFor();
      expect(await violations(page)).toEqual([]);
      await context.close();
    });

    it('finds no violation on the workshops, the editor showing the API’s problems, and the review', async () => {
      const { browser, portal } = suite;
      const trainer = await staffBrowser(browser, lang);
      const reviewer = await staffBrowser(browser, lang);
      await injectAxe(trainer.context);
      await injectAxe(reviewer.context);
      const workshop = sampleWorkshop(lang);

      // Act: a new workshop saved with only its title
      await signIn(trainer.page, portal, 'trainer-lanting', lang);
      await goToScreen(trainer.page, '#/workshop/new');
      await trainer.page
        .getByLabel(t(lang, 'office.workshop.field.title'), { exact: true })
        .fill(workshop.title);
      await trainer.page.getByRole('button', { name: t(lang, 'office.workshop.save'), exact: true }).click();
      await trainer.page.locator('[data-workshop-errors]:not([hidden])').waitFor();

      // Assess: the error summary, each problem next to its field
      expect(await trainer.page.locator('[data-workshop-errors] li').count()).toBeGreaterThan(3);
      expect(await violations(trainer.page)).toEqual([]);

      // Act: the whole workshop, with a session, saved and submitted; then the list
      await fillWorkshop(trainer.page, lang, workshop);
      await addSession(trainer.page, lang, sampleSession(lang));
      await saveWorkshop(trainer.page, lang);
      await submitWorkshop(trainer.page, lang);
      const listed = trainer.page.waitForResponse((r) => r.url().endsWith('/api/trainer/workshops'));
      await goToScreen(trainer.page, '#/workshops');
      await listed;
      await trainer.page.locator('[data-workshops][aria-busy="false"] li').first().waitFor();

      // Assess
      expect(await violations(trainer.page)).toEqual([]);

      // Act: the reviewer opens it
      await signIn(reviewer.page, portal, 'reviewer-lanting', lang);
      await openWorkshop(reviewer.page, workshop.title);
      await reviewer.page.locator('[data-review-step="publish"]:not([hidden])').waitFor();

      // Assess
      expect(await violations(reviewer.page)).toEqual([]);
      await trainer.context.close();
      await reviewer.context.close();
    });

    it('finds no violation on the transparency page with its figures', async () => {
      const { browser, portal } = suite;
      const { context, page } = await staffBrowser(browser, lang);
      await injectAxe(context);

      // Act
      await page.goto(`${portal.url}${pageIn(lang, '/transparency/')}`);
      await page.locator('.transparency__table').first().waitFor();

      // Assess
      expect(await violations(page)).toEqual([]);
      await context.close();
    });
  });
});
