/**
 * The page weight budgets of DESIGN.md, per page as a phone downloads it: the HTML and every
 * script and stylesheet it loads, each gzipped as it would be served.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { siteDist } from '../../infra/site-build.ts';
import { all, attr, builtPages } from './built-pages.ts';

const pages = builtPages();
const kb = 1024;

function assetsOf(page: (typeof pages)[number]): string[] {
  const scripts = all(page.document, 'script').flatMap((s) => attr(s, 'src') ?? []);
  const styles = all(page.document, 'link', (l) => attr(l, 'rel') === 'stylesheet').flatMap(
    (l) => attr(l, 'href') ?? [],
  );
  return [...scripts, ...styles];
}

function compressedWeight(page: (typeof pages)[number]): number {
  const files = [page.html, ...assetsOf(page).map((asset) => readFileSync(join(siteDist, asset)))];
  return files.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).byteLength, 0);
}

describe.each(pages.map((page) => [page.url, page] as const))('page %s', (_url, page) => {
  const isReport = page.path === '/report/';

  it(`weighs at most ${isReport ? 60 : 30} KB compressed with its CSS and JS`, () => {
    // Act
    const weight = compressedWeight(page);

    // Assess
    expect(weight).toBeLessThanOrEqual((isReport ? 60 : 30) * kb);
  });

  it(
    isReport
      ? 'runs the quick exit first, then only the form script'
      : 'runs no JavaScript but the quick exit',
    () => {
      // Act
      const scripts = all(page.document, 'script').map((s) => attr(s, 'src'));

      // Assess
      if (isReport) {
        expect(scripts).toHaveLength(2);
        expect(scripts[0]).toBe('/quick-exit.js');
      } else {
        expect(scripts).toEqual(['/quick-exit.js']);
      }
    },
  );
});
