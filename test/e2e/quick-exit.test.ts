/**
 * The quick exit in Chromium, after GOV.UK "Exit this page": Shift three times or the button
 * leaves for the neutral site at once, Back doesn't return, and screen readers hear the count.
 * The machine has no internet, so the neutral sites are answered by page.route.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { deployment } from '../../functions/config.ts';
import { skipBrowser } from './browser.ts';
import { logExitState } from './in-page.ts';
import { browserSuite } from './suite.ts';

/** Where the person was before the portal: Back from the neutral site should land here. */
const before = 'https://search.example/';

/** Answers the neutral sites and the page before with tiny pages of their own. */
async function fakeInternet(context: BrowserContext): Promise<void> {
  const origins = [before, ...Object.values(deployment.quickExit)].map((url) => new URL(url).origin);
  await context.route(
    (url) => origins.includes(url.origin),
    (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><title>elsewhere</title><p>${route.request().url()}</p>`,
      }),
  );
}

const status = (page: Page) => page.locator('[data-quick-exit-status]').textContent();

describe.skipIf(skipBrowser)('quick exit in Chromium', () => {
  const suite = browserSuite({ prepareContext: fakeInternet, preparePage: (page) => page.goto(before) });

  it('leaves for the neutral site when Shift is pressed 3 times, and Back does not return', async () => {
    const { page, portal } = suite;

    // Prepare
    await page.goto(`${portal.url}/report/`);

    // Act
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForURL(deployment.quickExit['zh-CN']);
    await page.goBack();

    // Assess
    expect(page.url()).toBe(before);
  });

  it('leaves for the neutral site in the page language when the button is tapped', async () => {
    const { page, portal } = suite;

    // Prepare
    await page.goto(`${portal.url}/en/learn/`);

    // Act
    await page.getByRole('link', { name: 'Emergency Exit this page' }).click();
    await page.waitForURL(deployment.quickExit.en);
    await page.goBack();

    // Assess
    expect(page.url()).toBe(before);
  });

  it('hides the page at once, before the neutral site has answered', async () => {
    const { page, portal } = suite;

    // Prepare: the neutral site holds its answer, so the portal's page stays in the tab while
    // the browser waits; the page reports how it looks the moment the exit begins
    await page.goto(`${portal.url}/`);
    let answer = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    await page.route(deployment.quickExit['zh-CN'], async (route) => {
      await answered;
      await route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><title>elsewhere</title>',
      });
    });
    const seen = new Promise<string>((resolve) =>
      page.on('console', (message) => message.text().startsWith('exit:') && resolve(message.text())),
    );
    await page.evaluate(logExitState);

    // Act
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');

    // Assess: hidden twice over (CSSOM style and the stylesheet's class), with no tab title
    expect(await seen).toBe('exit: hidden none ""');
    answer();
    await page.waitForURL(deployment.quickExit['zh-CN']);
  });

  it('does not count Shift used to type a capital letter', async () => {
    const { page, portal } = suite;

    // Prepare
    await page.goto(`${portal.url}/en/report/`);
    await page.getByLabel('Where').focus();

    // Act
    await page.keyboard.press('Shift+A');
    await page.keyboard.press('Shift+B');
    await page.keyboard.press('Shift+C');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');

    // Assess
    expect(page.url()).toBe(`${portal.url}/en/report/`);
    expect(await page.getByLabel('Where').inputValue()).toBe('ABC');
    expect(await status(page)).toBe('Shift, press 1 more time to exit.');
  });

  it('tells screen readers how many presses are left, and when the count has expired', async () => {
    const { page, portal } = suite;

    // Prepare
    await page.clock.install();
    await page.goto(`${portal.url}/en/`);

    // Act / Assess
    await page.keyboard.press('Shift');
    expect(await status(page)).toBe('Shift, press 2 more times to exit.');
    await page.keyboard.press('Shift');
    expect(await status(page)).toBe('Shift, press 1 more time to exit.');
    await page.clock.runFor(5_000);
    expect(await status(page)).toBe('Exit this page expired.');
    await page.keyboard.press('Shift');

    // Assess: after expiry the count starts again, so one more press doesn't exit
    expect(page.url()).toBe(`${portal.url}/en/`);
    expect(await status(page)).toBe('Shift, press 2 more times to exit.');
  });

  it('announces in Chinese on Chinese pages', async () => {
    const { page, portal } = suite;

    // Prepare
    await page.goto(`${portal.url}/children/`);

    // Act
    await page.keyboard.press('Shift');

    // Assess
    expect(await status(page)).toBe('Shift 键，再按 2 次即可离开。');
  });

  it('works before any other script of the page has loaded', async () => {
    const { context, page, portal } = suite;

    // Prepare: the report form's script never arrives
    await context.route('**/_astro/*.js', () => new Promise(() => {}));
    await page.goto(`${portal.url}/report/`, { waitUntil: 'commit' });
    await page.locator('[data-quick-exit]').waitFor();

    // Act
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');

    // Assess
    await page.waitForURL(deployment.quickExit['zh-CN']);
  });

  // The same portal: one runtime per file, as the runtime's database client is one per process.
  it('is still a link to the neutral site without JavaScript', async () => {
    const { portal, browser } = suite;

    // Prepare
    const context = await browser.newContext({ javaScriptEnabled: false });
    await fakeInternet(context);
    const page = await context.newPage();
    await page.goto(`${portal.url}/report/`);

    // Act
    await page.getByRole('link', { name: '紧急 快速离开' }).click();

    // Assess
    await page.waitForURL(deployment.quickExit['zh-CN']);
    await context.close();
  });
});
