/**
 * What a person sees, on a phone: every built page fits the screen without sideways scrolling,
 * with text of at least 16 px and links and buttons of at least 44 × 44 px; focus is always
 * visible; nothing moves for someone who asked for reduced motion.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtPages } from '../site/built-pages.ts';
import { phoneContext, skipBrowser } from './browser.ts';
import { everyPage, pagePerTest } from './every-page.ts';
import { sidewaysOverflow } from './in-page.ts';
import { focusedLook, moving, rememberUnfocused, smallTargets, smallText } from './measure.ts';
import { browserSuite } from './suite.ts';

const pages = builtPages();
const minText = 16;
const minTarget = 44;

/** One page of each kind a person meets, found in the build so new sections join by themselves. */
function pageTypes(): string[] {
  const urls = pages.map((p) => p.url);
  const first = (pattern: RegExp) => urls.find((url) => pattern.test(url));
  return [
    '/',
    '/report/',
    '/en/follow-up/',
    '/children/',
    first(/^\/children\/[^/]+\/[^/]+\/$/),
    first(/^\/en\/learn\/[^/]+\/$/),
    '/en/transparency/',
  ].filter((url): url is string => url !== undefined && urls.includes(url));
}

/** Presses Tab until focus leaves the page or comes round again; how each stop looked. */
async function tabThrough(page: Page) {
  const looks = [];
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const look = await page.evaluate(focusedLook);
    if (!look || look.again) break;
    looks.push(look);
  }
  return looks;
}

describe.skipIf(skipBrowser)('presentation', () => {
  const suite = browserSuite({ ownContexts: true });

  describe('every built page at 360 px', () => {
    const urls = pages.map((p) => p.url);

    const resultFor = everyPage({
      urls,
      openTab: async () => (await phoneContext(suite.browser)).newPage(),
      check: async (tab, url) => {
        await tab.goto(`${suite.portal.url}${url}`);
        return {
          sideways: Math.max(0, await tab.evaluate(sidewaysOverflow)),
          smallText: await tab.evaluate(smallText, minText),
          smallTargets: await tab.evaluate(smallTargets, minTarget),
        };
      },
    });

    it.each(urls)(
      `fits %s, with text of ${minText} px or more and targets of ${minTarget} px or more`,
      async (url) => {
        // Act
        const seen = await resultFor(url);

        // Assess
        expect(seen).toEqual({ sideways: 0, smallText: [], smallTargets: [] });
      },
    );
  });

  describe('focus and motion', () => {
    const current = pagePerTest(suite);

    it.each(pageTypes())('shows where the keyboard is at every stop on %s', async (url) => {
      const { page } = current;
      const { portal } = suite;

      // Prepare
      await page.goto(`${portal.url}${url}`);
      const focusable = await page.evaluate(rememberUnfocused);

      // Act
      const stops = await tabThrough(page);

      // Assess
      expect(stops.length).toBeGreaterThan(Math.min(focusable, 5));
      expect(stops.filter((stop) => !stop.visible)).toEqual([]);
    });

    it.each(pageTypes())('moves nothing on %s for someone who asked for reduced motion', async (url) => {
      const { page } = current;
      const { portal } = suite;

      // Prepare: the site does animate a little for everyone else, so there is something to stop
      await page.goto(`${portal.url}${url}`);
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      const usually = await page.evaluate(moving);

      // Act
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const reduced = await page.evaluate(moving);

      // Assess
      expect(usually.length).toBeGreaterThan(0);
      expect(reduced).toEqual([]);
    });
  });
});
