/**
 * The office console in Chromium beyond the journey: who sees which screens (trainers the
 * workshops, office staff the reports), report text shown as text, what each role is offered,
 * two staff changing one report at once, a move no longer allowed, sign-out on reload and on
 * leaving, the lead's statistics and CSV, and no token anywhere but the page's memory. Real
 * runtime, real sign-in.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { t } from '../../site/src/i18n/t.ts';
import { skipBrowser } from './browser.ts';
import {
  act,
  actionForm,
  consoleUrl,
  goToScreen,
  openFromQueue,
  queueRefs,
  seedReport,
  signIn,
  staffBrowser,
} from './office.ts';
import { browserTraces, noTraces, recordRequests } from './portal.ts';
import { browserSuite } from './suite.ts';

describe.skipIf(skipBrowser)('the office console in Chromium', () => {
  const suite = browserSuite({ ownContexts: true });

  it("shows a trainer the workshops and never a report, even at a report screen's address", async () => {
    const { browser, portal } = suite;
    const { context, page } = await staffBrowser(browser, 'en');
    const requests = recordRequests(context);

    // Act
    await signIn(page, portal, 'trainer-lanting', 'en');
    await page.locator('[data-workshops][aria-busy="false"]').waitFor({ state: 'attached' });

    // Assess: the workshops, with the way to start one, and no report screen in the nav
    const heading = page.getByRole('heading', { name: t('en', 'office.workshops.heading'), level: 2 });
    expect(await heading.isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: t('en', 'office.workshops.new') }).isVisible()).toBe(true);
    const nav = page.getByRole('navigation', { name: t('en', 'office.nav.label') });
    expect(await nav.getByRole('link').allTextContents()).toEqual([t('en', 'office.nav.workshops')]);

    // Act: the queue's address, as a bookmark would open it
    const shown = page.waitForResponse((r) => r.url().endsWith('/api/trainer/workshops'));
    await goToScreen(page, '#/queue');
    await shown;

    // Assess: still the workshops, and the address says so; the reports API was never asked
    expect(await page.locator('[data-screen="queue"]').isVisible()).toBe(false);
    expect(new URL(page.url()).hash).toBe('#/workshops');
    expect(requests.filter((url) => url.includes('/api/office/reports'))).toEqual([]);
    await context.close();
  });

  it("shows a lead the reports and no workshops, even at a workshop's address", async () => {
    const { browser, portal } = suite;
    const { context, page } = await staffBrowser(browser, 'zh-CN');
    const requests = recordRequests(context);

    // Act
    await signIn(page, portal, 'lead-lanting', 'zh-CN');
    const shown = page.waitForResponse((r) => r.url().includes('/api/office/reports'));
    await goToScreen(page, '#/workshops');
    await shown;

    // Assess: the queue again; no workshop screen in the nav, and the trainer API never asked
    expect(await page.locator('[data-screen="queue"]').isVisible()).toBe(true);
    const nav = page.getByRole('navigation', { name: t('zh-CN', 'office.nav.label') });
    expect(await nav.getByRole('link').allTextContents()).not.toContain(t('zh-CN', 'office.nav.workshops'));
    expect(requests.filter((url) => url.includes('/api/trainer/'))).toEqual([]);
    await context.close();
  });

  it.each([
    ['phone', 'zh-CN'],
    ['desk', 'en'],
  ] as const)(
    'keeps its layout still on a %s from sign-in until the queue has loaded (%s)',
    async (size, lang) => {
      const { browser, portal } = suite;
      const { context, page } = await staffBrowser(browser, lang, size);
      const { ref } = await seedReport(portal);
      // Every unexpected shift of the console's own document, as Chromium scores them (CLS).
      await context.addInitScript(() => {
        const scope = globalThis as unknown as { hutongShifts: number[] };
        scope.hutongShifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
            if (!entry.hadRecentInput) scope.hutongShifts.push(entry.value);
          }
        }).observe({ type: 'layout-shift' as 'mark', buffered: true }); // Chromium's type; Node's typings lack it.
      });

      // Act
      await signIn(page, portal, 'office-lanting', lang);
      expect(await queueRefs(page)).toContain(ref);

      // Assess: the shifts a person would see add up to less than what Chromium calls "good" (0.1).
      const shifts = await page.evaluate(
        () => (globalThis as unknown as { hutongShifts: number[] }).hutongShifts,
      );
      expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.1);
      await context.close();
    },
  );

  it('keeps the one-time code out of the address bar, and the tokens out of every store', async () => {
    const { browser, portal } = suite;
    const { context, page } = await staffBrowser(browser, 'zh-CN');

    // Act
    await signIn(page, portal, 'office-lanting', 'zh-CN');

    // Assess
    expect(page.url()).toBe(`${consoleUrl(portal, 'zh-CN')}#/queue`);
    expect(await browserTraces(page)).toEqual(noTraces);
    await context.close();
  });

  it("shows a reporter's markup as text, never as HTML", async () => {
    const { browser, portal } = suite;
    const { context, page } = await staffBrowser(browser, 'en');
    const { ref, description } = await seedReport(portal, {
      description: 'He said <b>nothing</b> <img src=x onerror="document.title=1"> all week',
      location: '<a href="https://example.com">Block 4</a>',
    });

    // Act
    await signIn(page, portal, 'office-lanting', 'en');
    await openFromQueue(page, ref);

    // Assess
    const facts = page.locator('[data-report-facts]');
    expect(await facts.locator('.report-text').first().textContent()).toBe(description);
    expect(await facts.locator('b, img, a').count()).toBe(0);
    expect(await page.title()).not.toBe('1');
    await context.close();
  });

  it('offers office staff no closing, says it is for the lead, and offers the lead closing', async () => {
    const { browser, portal } = suite;
    const office = await staffBrowser(browser, 'en');
    const lead = await staffBrowser(browser, 'en', 'desk');
    const { ref } = await seedReport(portal);

    // Act
    await signIn(office.page, portal, 'office-lanting', 'en');
    await openFromQueue(office.page, ref);
    const newActions = await office.page
      .locator('[data-action]:visible')
      .evaluateAll((all) =>
        all.map((el) => (el as unknown as { dataset: { action: string } }).dataset.action),
      );
    await act(office.page, 'en', 'acknowledge');

    // Assess: acknowledge first; then no close, and why
    expect(newActions[0]).toBe('acknowledge');
    expect(await office.page.locator('[data-action="acknowledge"]').isVisible()).toBe(false);
    expect(await office.page.locator('[data-action="close"]').isVisible()).toBe(false);
    expect(await office.page.getByText(t('en', 'office.actions.leadOnly')).isVisible()).toBe(true);
    expect(await office.page.locator('#assign-assignee option').allTextContents()).toEqual([
      t('en', 'office.action.assign.me', { name: 'office-lanting' }),
    ]);

    // Act
    await signIn(lead.page, portal, 'lead-lanting', 'en');
    await openFromQueue(lead.page, ref);

    // Assess: the lead may close, and may assign to a colleague
    expect(await lead.page.locator('[data-action="close"]').isVisible()).toBe(true);
    expect(await lead.page.locator('#assign-assignee option').allTextContents()).toContain('office-lanting');
    await office.context.close();
    await lead.context.close();
  });

  it('when two staff change one report at once, shows the loser what changed and keeps their text', async () => {
    const { browser, portal } = suite;
    const office = await staffBrowser(browser, 'zh-CN');
    const lead = await staffBrowser(browser, 'zh-CN', 'desk');
    const { ref } = await seedReport(portal);
    await signIn(office.page, portal, 'office-lanting', 'zh-CN');
    await signIn(lead.page, portal, 'lead-lanting', 'zh-CN');
    await openFromQueue(office.page, ref);
    await openFromQueue(lead.page, ref);

    // Act: the lead acknowledges; office-lanting, still on the old version, adds a note
    await act(lead.page, 'zh-CN', 'acknowledge');
    const note = '已电话联系学校班主任。';
    const form = await actionForm(office.page, 'note');
    await form.getByLabel(t('zh-CN', 'office.action.note.label')).fill(note);
    await form.locator('button[type="submit"]').click();
    const status = office.page.locator('[data-actions-status]');
    await expect.poll(() => status.textContent()).toContain(t('zh-CN', 'office.conflict.stale'));

    // Assess: what changed, the report as it is now, the note still typed
    expect(await status.textContent()).toContain('lead-lanting');
    expect(await status.textContent()).toContain(t('zh-CN', 'office.audit.acknowledge'));
    expect(await office.page.locator('[data-report-summary]').textContent()).toContain(
      t('zh-CN', 'office.status.triaged'),
    );
    expect(await form.getByLabel(t('zh-CN', 'office.action.note.label')).inputValue()).toBe(note);

    // Act: send again, on the fresh version
    await form.locator('button[type="submit"]').click();

    // Assess
    await expect
      .poll(() => status.textContent())
      .toBe(t('zh-CN', 'office.actions.saved', { action: t('zh-CN', 'office.action.note') }));
    expect(await office.page.locator('[data-report-notes]').textContent()).toContain(note);
    await office.context.close();
    await lead.context.close();
  });

  it('says where a report can go when the API refuses a move', async () => {
    const { browser, portal } = suite;
    const { context, page } = await staffBrowser(browser, 'en');
    const { ref } = await seedReport(portal);
    await signIn(page, portal, 'office-lanting', 'en');
    await openFromQueue(page, ref);
    await act(page, 'en', 'acknowledge');
    // The console offers only allowed moves on the version it shows, and a stale version is
    // answered first, so the API's refusal of a move is played here as the contract words it.
    await page.route('**/actions', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({
          error: 'invalid_transition',
          message: 'This report cannot move that way.',
          allowed: ['in_progress', 'referred', 'closed', 'duplicate'],
        }),
      }),
    );

    // Act
    const form = await actionForm(page, 'refer');
    await form.getByLabel(t('en', 'office.action.refer.contactPerson')).fill('Li Wei');
    await form.locator('button[type="submit"]').click();
    const status = page.locator('[data-actions-status]');
    await expect
      .poll(() => status.textContent())
      .toContain(t('en', 'office.conflict.invalid', { status: t('en', 'office.status.triaged') }));

    // Assess: the moves open from here, in words, and the text kept to send again
    expect(await status.textContent()).toContain(
      t('en', 'office.conflict.allowed', { moves: 'In progress, Referred, Closed, and Duplicate' }),
    );
    expect(await form.getByLabel(t('en', 'office.action.refer.contactPerson')).inputValue()).toBe('Li Wei');
    await context.close();
  });

  it('signs out on reload and on leaving, so neither Reload nor Back brings a report back', async () => {
    const { browser, portal } = suite;
    const { context, page } = await staffBrowser(browser, 'en');
    const { ref, description } = await seedReport(portal);
    await signIn(page, portal, 'office-lanting', 'en');
    await openFromQueue(page, ref);

    // Act
    await page.reload();
    await page.locator('[data-view="signed-out"]:not([hidden])').waitFor();

    // Assess
    expect(await page.getByText(description).count()).toBe(0);

    // Act
    await signIn(page, portal, 'office-lanting', 'en');
    await openFromQueue(page, ref);
    await page.goto(`${portal.url}/en/`);
    await page.goBack();
    await page.locator('[data-view="signed-out"]:not([hidden])').waitFor();

    // Assess
    expect(await page.getByText(description).count()).toBe(0);
    expect(await page.locator('[data-view="signed-in"]').isVisible()).toBe(false);
    await context.close();
  });

  it('shows the lead the statistics as charts with tables, and downloads the CSV', async () => {
    const { browser, portal } = suite;
    const { context, page } = await staffBrowser(browser, 'en', 'desk');
    await seedReport(portal);
    await signIn(page, portal, 'lead-lanting', 'en');

    // Act
    await page.getByRole('link', { name: t('en', 'office.nav.dashboard') }).click();
    await page.locator('[data-chart="byCategory"] svg').waitFor();

    // Assess: a chart hidden from screen readers, beside a table of the same 12 weeks
    expect(await page.locator('[data-chart="byCategory"] svg').getAttribute('aria-hidden')).toBe('true');
    expect(await page.locator('[data-table="byCategory"] tbody tr').count()).toBe(12);
    expect(await page.locator('[data-table="byCategory"] thead').textContent()).toContain(
      t('en', 'office.stats.total'),
    );

    // Act
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: t('en', 'office.stats.export') }).click(),
    ]);
    const file = readFileSync((await download.path()) ?? '', 'utf8');

    // Assess: a CSV of the community's reports, and no report text in it
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(file.split('\n')[0]).toMatch(/ref/i);
    expect(file).not.toContain('often alone at night');
    await context.close();
  });

  it("doesn't show office staff the statistics", async () => {
    const { browser, portal } = suite;
    const { context, page } = await staffBrowser(browser, 'en');
    await signIn(page, portal, 'office-lanting', 'en');

    // Act
    await goToScreen(page, '#/dashboard');

    // Assess: the queue instead, and no link to the statistics
    expect(await page.getByRole('link', { name: t('en', 'office.nav.dashboard') }).count()).toBe(0);
    expect(await queueRefs(page)).toBeDefined();
    expect(await page.locator('[data-screen="dashboard"]').isVisible()).toBe(false);
    await context.close();
  });
});
