/**
 * The report form with JavaScript turned off, in both languages: the plain form posts to the
 * API, which answers with its own pages (the receipt, or the form again with the problems and
 * every word kept), styled like the site. "Call 110 now" and a child's wording still work,
 * through CSS alone.
 */
import type { BrowserContext } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { languages } from '../../functions/domain/languages.ts';
import { t } from '../../site/src/i18n/t.ts';
import { skipBrowser } from './browser.ts';
import { backgroundOf } from './in-page.ts';
import { storedReport, storedReports } from './portal.ts';
import { fillReport, pageIn, residentAnswers, uniqueText } from './report-form.ts';
import { saveScreenshot } from './screenshot.ts';
import { browserSuite } from './suite.ts';

describe.skipIf(skipBrowser)('report page without JavaScript', () => {
  const suite = browserSuite({ ownContexts: true });
  let context: BrowserContext;

  beforeEach(async () => {
    context = await suite.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
    });
  });

  afterEach(async () => {
    await context.close();
  });

  describe.each(languages)('in %s', (lang) => {
    it('sends the plain form and shows the receipt page the function renders, styled like the site', async () => {
      const { portal } = suite;

      // Prepare
      const page = await context.newPage();
      await page.goto(`${portal.url}${pageIn(lang, '/report/')}`);
      const answers = residentAnswers(lang, 'wutong');
      await fillReport(page, lang, answers);

      // Act
      await page.getByRole('button', { name: t(lang, 'report.send') }).click();
      await page.waitForURL(`${portal.url}/api/reports`);

      // Assess: the receipt and what to do with it, in the page's language
      const receipt = page.getByRole('region', { name: t(lang, 'report.receipt.title') });
      expect(await receipt.locator('.receipt__digits').textContent()).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
      for (const rule of ['writeDown', 'onlyWay', 'noRecovery'] as const) {
        expect(await receipt.getByText(t(lang, `report.receipt.${rule}`)).isVisible()).toBe(true);
      }
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);

      // Assess: the site's stylesheet dresses it: the quick exit is the red button
      const exit = page.getByRole('link', {
        name: `${t(lang, 'quickExit.hidden')} ${t(lang, 'quickExit.label')}`,
      });
      expect(await exit.evaluate(backgroundOf)).toBe('rgb(179, 38, 30)');

      // Assess: stored, counted against the form's own cap
      const stored = await storedReport(portal.dynamodbEndpoint, answers.description);
      expect(stored).toMatchObject({ community: 'wutong', categories: ['neglect'], language: lang });
      expect(String(stored.hourlySk)).toContain('#form#');
    });

    it('shows the form again with the problem next to its field and every word kept, as text', async () => {
      const { portal } = suite;

      // Prepare: no kind of concern ticked, which only the server checks
      const page = await context.newPage();
      await page.goto(`${portal.url}${pageIn(lang, '/report/')}`);
      const description = uniqueText(
        lang === 'en' ? 'He said <b>"don\'t tell"</b> & ran' : '他说<b>“不要告诉别人”</b>然后跑了',
      );
      await fillReport(page, lang, {
        ...residentAnswers(lang),
        categories: [],
        description,
        location: 'Gate 2',
      });
      const before = (await storedReports(portal.dynamodbEndpoint)).length;

      // Act
      await page.getByRole('button', { name: t(lang, 'report.send') }).click();
      await page.waitForURL(`${portal.url}/api/reports`);

      // Assess: the problem at the top and by the field, in the page's language
      expect(await page.locator('#error-summary').textContent()).toContain(t(lang, 'report.errors.title'));
      const problem = page.locator('#error-categories');
      expect(await problem.isVisible()).toBe(true);
      expect(await problem.textContent()).toMatch(lang === 'en' ? /please answer this/ : /请填写这一项/);
      expect(await page.title()).toMatch(new RegExp(`^${t(lang, 'form.errorPrefix')}`));

      // Assess: everything typed and chosen is still there, as text
      expect(await page.locator('#input-description').inputValue()).toBe(description);
      expect(await page.locator('#input-location').inputValue()).toBe('Gate 2');
      expect(await page.locator('#input-reporterRole-resident').isChecked()).toBe(true);
      expect(await page.locator('#input-community-lanting').isChecked()).toBe(true);
      expect(await page.locator('#input-childAgeBand-0-7').isChecked()).toBe(true);
      expect(await page.locator('b').count()).toBe(0);
      expect((await storedReports(portal.dynamodbEndpoint)).length).toBe(before);

      // Act: corrected and sent again from the function's page
      await page.locator('#input-categories-emotional_abuse').check();
      await page.getByRole('button', { name: t(lang, 'report.send') }).click();

      // Assess
      await page.getByRole('region', { name: t(lang, 'report.receipt.title') }).waitFor();
      expect(await storedReport(portal.dynamodbEndpoint, description)).toMatchObject({
        categories: ['emotional_abuse'],
        location: 'Gate 2',
      });
    });

    it('speaks to a child and says briefly what the form still needs, through CSS alone', async () => {
      const { portal } = suite;

      // Prepare
      const page = await context.newPage();
      await page.goto(`${portal.url}${pageIn(lang, '/report/')}`);

      // Act
      await page.locator('#input-reporterRole-child_friend').check();

      // Assess: warm words, and what to choose when unsure instead of "you can skip this"
      const welcome = page.locator('.child-welcome');
      expect(await welcome.isVisible()).toBe(true);
      expect(await welcome.getByText(t(lang, 'report.child.noScript')).isVisible()).toBe(true);
      expect(await welcome.getByText(t(lang, 'report.child.skip')).isVisible()).toBe(false);
      expect(await page.getByRole('group', { name: t(lang, 'report.child.childAgeBand') }).isVisible()).toBe(
        true,
      );
    });
  });

  it('still shows "call 110 now" when danger is ticked, and Send works', async () => {
    const { portal } = suite;

    // Prepare
    const page = await context.newPage();
    await page.goto(`${portal.url}/report/`);

    // Act
    await page.getByLabel('是的，孩子现在有危险').check();

    // Assess
    expect(await page.getByRole('link', { name: '现在拨打 110' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '发送报告' }).isEnabled()).toBe(true);
    expect(await page.getByText('JavaScript').count()).toBe(0);
  });

  // Last in this file: it uses up the hour's cap for plain forms from one community.
  it('says "call 110" first when the hourly cap for plain forms is reached, on a page like the site\'s', async () => {
    const { portal } = suite;

    // Prepare: plain forms from one community until the portal refuses more this hour
    const post = (description: string) =>
      fetch(`${portal.url}/api/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams([
          ['language', 'en'],
          ['community', 'wutong'],
          ['categories', 'other'],
          ['reporterRole', 'other'],
          ['childAgeBand', 'unknown'],
          ['description', description],
        ]).toString(),
      });
    for (
      let sent = 0;
      sent < 20 && (await post(uniqueText('Filling the hourly cap'))).status !== 429;
      sent++
    );
    const page = await context.newPage();
    await page.goto(`${portal.url}/en/report/`);
    await fillReport(page, 'en', residentAnswers('en', 'wutong'));

    // Act
    const answer = page.waitForResponse('**/api/reports');
    await page.getByRole('button', { name: 'Send report' }).click();

    // Assess: said plainly, with the emergency number as the first thing to do
    expect((await answer).status()).toBe(429);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('en', 'report.failed.title'));
    expect(await page.locator('main').textContent()).toContain('call 110');
    const call = page.locator('main').getByRole('link', { name: 'Call 110 now' });
    expect(await call.getAttribute('href')).toBe('tel:110');
    expect(await call.evaluate(backgroundOf)).toBe('rgb(179, 38, 30)');
    await saveScreenshot(page, 'en-report-no-script-too-many.png');
  });
});
