/**
 * The page weight budgets of DESIGN.md, per page as a phone downloads it: the HTML, every script
 * and stylesheet it loads, every module those scripts import and every worker they start, each
 * gzipped as it would be served.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { siteDist } from '../../infra/site-build.ts';
import { all, attr, builtPages } from './built-pages.ts';

const pages = builtPages();
const kb = 1024;

/** The pages that do their work with scripts: the report form and the follow-up. */
const scriptedPages = ['/report/', '/follow-up/'];

/** What a script pulls in after it: its static imports and the workers it starts. */
function pulledIn(asset: string): string[] {
  if (!asset.endsWith('.js')) return [];
  const code = readFileSync(join(siteDist, asset), 'utf8');
  const imports = [...code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) =>
    posix.join(posix.dirname(asset), m[1] ?? ''),
  );
  const workers = [...code.matchAll(/new URL\(\s*["'](\/_astro\/[^"']+)["']/g)].map((m) => m[1] ?? '');
  return [...imports, ...workers];
}

/** Every asset the page loads, directly or through its scripts, once each. */
function assetsOf(page: (typeof pages)[number]): string[] {
  const scripts = all(page.document, 'script').flatMap((s) => attr(s, 'src') ?? []);
  const styles = all(page.document, 'link', (l) => attr(l, 'rel') === 'stylesheet').flatMap(
    (l) => attr(l, 'href') ?? [],
  );
  const seen = new Set<string>();
  const visit = (asset: string) => {
    if (seen.has(asset)) return;
    seen.add(asset);
    for (const next of pulledIn(asset)) visit(next);
  };
  for (const asset of [...scripts, ...styles]) visit(asset);
  return [...seen];
}

function compressedWeight(page: (typeof pages)[number]): number {
  const files = [page.html, ...assetsOf(page).map((asset) => readFileSync(join(siteDist, asset)))];
  return files.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).byteLength, 0);
}

describe.each(pages.map((page) => [page.url, page] as const))('page %s', (_url, page) => {
  const scripted = scriptedPages.includes(page.path ?? '');
  const budget = scripted ? 60 : 30;

  it(`weighs at most ${budget} KB compressed with its CSS and JS, workers included`, () => {
    // Act
    const weight = compressedWeight(page);

    // Assess
    expect(weight).toBeLessThanOrEqual(budget * kb);
  });

  it(
    scripted
      ? 'runs the quick exit first, then only its own script'
      : 'runs no JavaScript but the quick exit',
    () => {
      // Act
      const scripts = all(page.document, 'script').map((s) => attr(s, 'src'));

      // Assess
      if (scripted) {
        expect(scripts).toHaveLength(2);
        expect(scripts[0]).toBe('/quick-exit.js');
      } else {
        expect(scripts).toEqual(['/quick-exit.js']);
      }
    },
  );
});

describe('the proof-of-work worker', () => {
  it('is counted in the report and follow-up pages, which both start it', () => {
    // Act
    const started = pages
      .filter((page) => scriptedPages.includes(page.path ?? ''))
      .map((page) => assetsOf(page).some((asset) => /\/pow-worker[-.][\w-]+\.js$/.test(asset)));

    // Assess
    expect(started).toHaveLength(4);
    expect(started.every(Boolean)).toBe(true);
  });
});
