/**
 * axe-core in the browser tests, the fast way: its source is added once to a browser context as
 * an init script, so every page that context opens has `axe` before its own scripts run, and a
 * check is one `axe.run` per state. (@axe-core/playwright's `analyze()` sends the 500 KB source
 * again for every check and opens a blank page for `finishRun`: seconds per page on two cores.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { scrollToTop } from './in-page.ts';

/** The WCAG 2.2 A and AA rules: the bar for every page and every state. */
export const wcag22aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Adds axe-core to every page `context` opens, from now on, before the page's own scripts. */
export async function injectAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: axeSource });
}

declare const axe: {
  run(
    context: unknown,
    options: { runOnly: { type: 'tag'; values: string[] }; resultTypes: string[] },
  ): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
};
declare const document: unknown;

/** Runs in the page: axe with `tags`, each violation as "rule: target". */
const runAxe = async (tags: string[]): Promise<string[]> => {
  const results = await axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    // Only violations are read: axe then keeps one node per passing rule, not all of them.
    resultTypes: ['violations'],
  });
  return results.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
};

/**
 * The page's WCAG 2.2 AA violations as "rule: target", so a failure says what to fix and where.
 * axe judges what is covered at the current scroll position, and the quick exit floats over
 * whatever scrolls under it, so every state is judged from the top of the page. The page's
 * context must have had {@link injectAxe}.
 * @example expect(await violations(page)).toEqual([]);
 */
export async function violations(page: Page): Promise<string[]> {
  await page.evaluate(scrollToTop);
  return page.evaluate(runAxe, wcag22aa);
}
