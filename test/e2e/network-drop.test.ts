/**
 * The network drops while a person sends a report, in Chromium: before the request leaves the
 * phone, and after the server stored the report but before its answer arrives. Either way the
 * text stays on screen with a clear message, "Send again" works once the network is back, and
 * exactly one report is stored (with the receipt the server first gave, when it gave one).
 */
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../functions/domain/languages.ts';
import { t } from '../../site/src/i18n/t.ts';
import { skipBrowser } from './browser.ts';
import { focusedId } from './in-page.ts';
import { storedReport, storedReports } from './portal.ts';
import { fillReport, pageIn, residentAnswers } from './report-form.ts';
import { browserSuite } from './suite.ts';

/** The Idempotency-Key of every report the page tried to send, whether or not it got out. */
function sentKeys(page: Page): string[] {
  const keys: string[] = [];
  page.on('request', (request: Request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/reports')) {
      keys.push(request.headers()['idempotency-key'] ?? '');
    }
  });
  return keys;
}

/** Asserts the failure is said plainly and focused, and everything typed is still there. */
async function expectKeptWithMessage(page: Page, lang: Language, description: string): Promise<void> {
  const failed = page.locator('#send-failed');
  await failed.waitFor();
  expect(await failed.textContent()).toContain(t(lang, 'report.failed.title'));
  await expect.poll(() => page.evaluate(focusedId)).toBe('send-failed');
  expect(await page.locator('#input-description').inputValue()).toBe(description);
  expect(await page.locator('input[name="reporterRole"]:checked').count()).toBe(1);
  expect(await page.locator('#receipt').isVisible()).toBe(false);
}

describe.skipIf(skipBrowser)('the network drops while sending a report', () => {
  const suite = browserSuite();

  it('keeps the text when the phone is offline as Send is pressed, and "Send again" stores it once when the network is back', async () => {
    const { page, portal, context } = suite;
    const lang: Language = 'zh-CN';
    // Prepare: the form filled in, its proof's challenge fetched while the person typed.
    const challenge = page.waitForResponse('**/api/challenge**');
    await page.goto(`${portal.url}${pageIn(lang, '/report/')}`);
    const answers = residentAnswers(lang);
    await fillReport(page, lang, answers);
    await challenge;
    const keys = sentKeys(page);
    const reportsBefore = (await storedReports(portal.dynamodbEndpoint)).length;

    // Act: the network goes just before Send.
    await context.setOffline(true);
    await page.getByRole('button', { name: t(lang, 'report.send') }).click();

    // Assess: nothing reached the server; the person sees why, with their text.
    await expectKeptWithMessage(page, lang, answers.description);
    expect((await storedReports(portal.dynamodbEndpoint)).length).toBe(reportsBefore);

    // Act: back online, Send again.
    await context.setOffline(false);
    await page.getByRole('button', { name: t(lang, 'report.failed.retry') }).click();
    await page.getByRole('region', { name: t(lang, 'report.receipt.title') }).waitFor();

    // Assess: one report, sent under one key.
    await storedReport(portal.dynamodbEndpoint, answers.description);
    expect((await storedReports(portal.dynamodbEndpoint)).length).toBe(reportsBefore + 1);
    expect(new Set(keys).size).toBe(1);
  });

  it('keeps the text when the answer is lost after the server stored the report, through a retry while still offline, and shows the first receipt once back online', async () => {
    const { page, portal, context } = suite;
    const lang: Language = 'en';
    // Prepare: the first request reaches the server; then the network goes before the answer.
    await page.goto(`${portal.url}${pageIn(lang, '/report/')}`);
    const answers = residentAnswers(lang, 'wutong');
    await fillReport(page, lang, answers);
    const keys = sentKeys(page);
    const reportsBefore = (await storedReports(portal.dynamodbEndpoint)).length;
    let firstReceipt = '';
    await context.route('**/api/reports', async (route) => {
      if (firstReceipt) return route.continue();
      firstReceipt = (await (await route.fetch()).json()).receipt;
      await context.setOffline(true);
      await route.abort('internetdisconnected');
    });

    // Act
    await page.getByRole('button', { name: t(lang, 'report.send') }).click();

    // Assess: stored once, though the page can't know it.
    await expectKeptWithMessage(page, lang, answers.description);
    expect(firstReceipt).toMatch(/^\d{4} ?\d{4} ?\d{4} ?\d{4}$/);
    await storedReport(portal.dynamodbEndpoint, answers.description);

    // Act: Send again while still offline.
    const failedAgain = page.waitForEvent('requestfailed', (r) => r.url().endsWith('/api/reports'));
    await page.getByRole('button', { name: t(lang, 'report.failed.retry') }).click();
    await failedAgain;

    // Assess: it fails the same clear way, and keeps the text.
    await expectKeptWithMessage(page, lang, answers.description);

    // Act: back online, Send again.
    await context.setOffline(false);
    await page.getByRole('button', { name: t(lang, 'report.failed.retry') }).click();
    await page.getByRole('region', { name: t(lang, 'report.receipt.title') }).waitFor();

    // Assess: the receipt the server gave the first time, one report, one key throughout.
    const digits = (await page.locator('.receipt__group').allTextContents()).join(' ');
    expect(digits.replaceAll(' ', '')).toBe(firstReceipt.replaceAll(' ', ''));
    await storedReport(portal.dynamodbEndpoint, answers.description);
    expect((await storedReports(portal.dynamodbEndpoint)).length).toBe(reportsBefore + 1);
    expect(keys.length).toBeGreaterThanOrEqual(3);
    expect(new Set(keys).size).toBe(1);
  });
});
