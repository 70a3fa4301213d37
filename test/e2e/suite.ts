/**
 * The lifecycle every browser suite shares: one portal and one Chromium for the enclosing
 * `describe`, and by default a fresh phone-sized context and page for each test.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, phoneContext } from './browser.ts';
import { type Portal, startPortal } from './portal.ts';

/** The portal and the browser of a suite whose tests open their own contexts. */
export interface PortalAndBrowser {
  readonly portal: Portal;
  readonly browser: Browser;
}

/** The portal and browser of a suite, and the current test's phone context and page. */
export interface BrowserSuite extends PortalAndBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
}

/** How each test's phone context and page are made ready, before the test starts. */
export interface PhonePageOptions {
  /** Runs on each test's context before its page opens: routes that answer other origins, say. */
  prepareContext?: (context: BrowserContext) => Promise<void>;
  /** Runs on each test's page once it is open: the address every test starts from, say. */
  preparePage?: (page: Page, portal: Portal) => Promise<unknown>;
}

/**
 * Registers on the enclosing `describe` the hooks that start the portal and Chromium (together,
 * once) and stop them afterwards, and, unless `ownContexts` is set, open a phone context and page
 * before each test and close them after it. The returned object reads the current ones.
 *
 * @example
 * describe.skipIf(skipBrowser)('report page in Chromium', () => {
 *   const suite = browserSuite({ preparePage: (page, portal) => page.goto(`${portal.url}/report/`) });
 *
 *   it('shows "call 110 now" when danger is ticked', async () => {
 *     const { page } = suite;
 *     // Act
 *     await page.getByLabel('是的，孩子现在有危险').check();
 *     // …
 *   });
 * });
 *
 * // A suite whose tests need contexts of another kind (no JavaScript, recorded requests):
 * describe.skipIf(skipBrowser)('report page without JavaScript', () => {
 *   const suite = browserSuite({ ownContexts: true });
 *
 *   it('still shows "call 110 now"', async () => {
 *     const { portal, browser } = suite;
 *     const context = await browser.newContext({ javaScriptEnabled: false });
 *     // …
 *     await context.close();
 *   });
 * });
 */
export function browserSuite(options: { ownContexts: true }): PortalAndBrowser;
export function browserSuite(options?: PhonePageOptions): BrowserSuite;
export function browserSuite(options: PhonePageOptions & { ownContexts?: boolean } = {}): BrowserSuite {
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  if (!options.ownContexts) {
    beforeEach(async () => {
      context = await phoneContext(browser);
      await options.prepareContext?.(context);
      page = await context.newPage();
      await options.preparePage?.(page, portal);
    });

    afterEach(async () => {
      await context.close();
    });
  }

  return {
    get portal() {
      return portal;
    },
    get browser() {
      return browser;
    },
    get context() {
      return context;
    },
    get page() {
      return page;
    },
  };
}
