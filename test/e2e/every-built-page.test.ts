/**
 * Every built page, in both languages, on a phone (360 px): axe finds no WCAG 2.2 A or AA
 * violation; the page fits the screen without sideways scrolling, with text of at least 16 px
 * and links and buttons outside running text of at least 44 × 44 px; and the browser logs no
 * error (a CSP refusal, a missing file, a script that threw). One visit per page serves all.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtPages } from '../site/built-pages.ts';
import { injectAxe, violations } from './axe.ts';
import { skipBrowser } from './browser.ts';
import { everyPage } from './every-page.ts';
import { sidewaysOverflow } from './in-page.ts';
import { smallTargets, smallText } from './measure.ts';
import { browserSuite } from './suite.ts';

const urls = builtPages().map((page) => page.url);
const minText = 16;
const minTarget = 44;

/** What the browser logged as an error in each tab since its last page began. */
const errors = new WeakMap<Page, string[]>();

describe.skipIf(skipBrowser)('every built page on a phone', () => {
  const suite = browserSuite({ ownContexts: true });

  // Three tabs check pages at once, each in a phone-sized context with axe in it (one device
  // pixel per CSS pixel: what is measured is in CSS pixels, and painting less is quicker).
  const resultFor = everyPage({
    urls,
    openTab: async () => {
      const context = await suite.browser.newContext({
        viewport: { width: 360, height: 740 },
        deviceScaleFactor: 1,
        isMobile: true,
        hasTouch: true,
      });
      await injectAxe(context);
      const tab = await context.newPage();
      const logged: string[] = [];
      errors.set(tab, logged);
      tab.on('console', (message) => {
        if (message.type() === 'error') logged.push(message.text());
      });
      tab.on('pageerror', (error) => logged.push(error.message));
      return tab;
    },
    check: async (tab, url) => {
      const logged = errors.get(tab) ?? [];
      logged.length = 0;
      await tab.goto(`${suite.portal.url}${url}`);
      return {
        violations: await violations(tab),
        fit: {
          sideways: Math.max(0, await tab.evaluate(sidewaysOverflow)),
          smallText: await tab.evaluate(smallText, minText),
          smallTargets: await tab.evaluate(smallTargets, minTarget),
        },
        errors: [...logged],
      };
    },
  });

  it.each(urls)('finds no axe violation on %s', async (url) => {
    // Act
    const { violations } = await resultFor(url);

    // Assess
    expect(violations).toEqual([]);
  });

  it.each(urls)(
    `fits %s, with text of ${minText} px or more and targets of ${minTarget} px or more`,
    async (url) => {
      // Act
      const { fit } = await resultFor(url);

      // Assess
      expect(fit).toEqual({ sideways: 0, smallText: [], smallTargets: [] });
    },
  );

  it.each(urls)('logs no error on %s', async (url) => {
    // Act
    const { errors } = await resultFor(url);

    // Assess
    expect(errors).toEqual([]);
  });
});
