/**
 * The console's outbox in Chromium: an urgent report's alert, as the dispatcher sent it, names
 * only the community and the reference, and opens the report. The scheduled jobs run every
 * second here, so the alert goes out without waiting a minute.
 */
import { describe, expect, it } from 'vitest';
import { t } from '../../site/src/i18n/t.ts';
import { skipBrowser } from './browser.ts';
import { goToScreen, seedReport, signIn, staffBrowser } from './office.ts';
import { browserSuite } from './suite.ts';

// Read by the local runtime's timers when the suite starts it.
process.env.HUTONG_SCHEDULE_SECONDS = '1';

describe.skipIf(skipBrowser)('the urgent alert outbox in Chromium', () => {
  const suite = browserSuite({ ownContexts: true });

  it('lists the alert for an urgent report, without its content, and opens the report from it', async () => {
    const { browser, portal } = suite;
    const { context, page } = await staffBrowser(browser, 'en');
    const { ref, description } = await seedReport(portal, { immediateDanger: true });
    await signIn(page, portal, 'office-lanting', 'en');
    const alert = page.locator('.alert-item').filter({ hasText: ref });

    // Act: look at the outbox until the dispatcher has sent the alert
    await expect
      .poll(
        async () => {
          await goToScreen(page, '#/queue');
          await goToScreen(page, '#/alerts');
          await page.locator('[data-alerts][aria-busy="false"]').waitFor({ state: 'attached' });
          return alert.count();
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBeGreaterThan(0);

    // Assess: what was sent, and nothing of the report
    const sent = (await alert.first().locator('.message__body').textContent()) ?? '';
    expect(sent).toContain(ref);
    expect(sent).not.toContain(description.slice(0, 12));
    expect(await alert.first().textContent()).toContain(t('en', 'office.alerts.alert'));

    // Act
    await alert
      .first()
      .getByRole('link', { name: t('en', 'office.alerts.open', { ref }) })
      .click();

    // Assess
    await page.locator('[data-report-body]:not([hidden]):not([aria-busy="true"])').waitFor();
    expect(await page.locator('[data-report-title]').textContent()).toBe(
      t('en', 'office.report.heading', { ref }),
    );
    await context.close();
  });
});
