/**
 * Debian's Chromium for the browser suites, through playwright-core: never a downloaded browser.
 * When /usr/bin/chromium is missing the suites are skipped, loudly, unless
 * HUTONG_REQUIRE_BROWSER=1 (as in CI), when they fail instead.
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser. */
export const chromiumPath = '/usr/bin/chromium';

const required = process.env.HUTONG_REQUIRE_BROWSER === '1';

/** True when the browser suites must be skipped: no Chromium here, and CI didn't insist on one. */
export const skipBrowser = !existsSync(chromiumPath) && !required;

if (skipBrowser) {
  console.warn(
    [
      '',
      '!'.repeat(78),
      `!! BROWSER TESTS SKIPPED: ${chromiumPath} not found.`,
      '!! Install it with: sudo apt-get install chromium fonts-noto-cjk',
      '!! CI sets HUTONG_REQUIRE_BROWSER=1, so there they fail instead of skipping.',
      '!'.repeat(78),
      '',
    ].join('\n'),
  );
}

/** Launches headless Chromium; throws (failing the suite) when it is required but missing. */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`HUTONG_REQUIRE_BROWSER=1 but ${chromiumPath} is missing: apt-get install chromium`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A phone-sized browser context (360 px wide), as most residents will see the site. */
export function phoneContext(browser: Browser, options: { locale?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: options.locale ?? 'zh-CN',
  });
}
