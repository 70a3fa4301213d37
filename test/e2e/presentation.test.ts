/**
 * What a person sees, on a phone, on each kind of page: focus visible at every stop of the
 * keyboard, and nothing moving for someone who asked for reduced motion. Sizes and fit are
 * checked on every built page in every-built-page.test.ts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtPages } from '../site/built-pages.ts';
import { skipBrowser } from './browser.ts';
import { focusedLook, moving, rememberUnfocused } from './measure.ts';
import { browserSuite } from './suite.ts';

const pages = builtPages();

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

describe.skipIf(skipBrowser)('focus and motion', () => {
  const suite = browserSuite();

  it.each(pageTypes())('shows where the keyboard is at every stop on %s', async (url) => {
    const { page, portal } = suite;

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
    const { page, portal } = suite;

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
