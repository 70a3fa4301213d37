/**
 * Read-aloud on the built pages: its script is on every children's page and no other, within
 * the 4 KB budget compressed, and it can only reach the page's own words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { siteDist } from '../../infra/site-build.ts';
import { all, assetsOf, attr, type BuiltPage, builtPages, elements, one } from './built-pages.ts';

const pages = builtPages();
const isReadAloud = (asset: string) => /\/ReadAloud\.[^/]+\.js$/.test(asset);
const forChildren = (page: BuiltPage) =>
  all(page.document, 'article', (el) => attr(el, 'data-audience') === 'children').length > 0;
const childrensPages = pages.filter(forChildren);
const otherPages = pages.filter((page) => !forChildren(page));

/** The script and every module it imports, as a phone downloads them: gzipped. */
function compressedScript(page: BuiltPage): number {
  return assetsOf(page)
    .filter((asset) => asset.endsWith('.js') && asset !== '/quick-exit.js')
    .reduce((sum, asset) => sum + gzipSync(readFileSync(join(siteDist, asset)), { level: 9 }).byteLength, 0);
}

describe('the read-aloud script', () => {
  it('is on every children’s page, in both languages', () => {
    // Act
    const withScript = childrensPages.filter((page) => assetsOf(page).some(isReadAloud));

    // Assess
    expect(childrensPages.filter((page) => page.lang === 'zh-CN').length).toBeGreaterThan(3);
    expect(childrensPages.filter((page) => page.lang === 'en').length).toBeGreaterThan(3);
    expect(withScript.map((page) => page.url)).toEqual(childrensPages.map((page) => page.url));
  });

  it('is on no other page', () => {
    // Act
    const withScript = otherPages.filter((page) => assetsOf(page).some(isReadAloud));

    // Assess
    expect(withScript.map((page) => page.url)).toEqual([]);
  });

  it('weighs at most 4 KB compressed, with everything it imports', () => {
    // Act
    const weights = childrensPages.map((page) => compressedScript(page));

    // Assess
    expect(Math.max(...weights)).toBeLessThanOrEqual(4 * 1024);
  });
});

describe.each(childrensPages.map((page) => [page.url, page] as const))('children’s page %s', (_url, page) => {
  it('hides its controls until the script finds speech synthesis', () => {
    // Act
    const controls = one(page.document, 'div', (el) => attr(el, 'data-read-aloud') !== undefined);

    // Assess
    expect(attr(controls, 'hidden')).toBeDefined();
  });

  it('gives the script only its own words to read: not the quick exit, header, controls or footer', () => {
    // Prepare
    const article = one(page.document, 'article');
    const inArticle = new Set(elements(article));

    // Act
    const parts = elements(page.document).filter((el) => attr(el, 'data-read-aloud-part') !== undefined);
    const controlsInParts = parts.flatMap((part) =>
      elements(part).filter(
        (el) => attr(el, 'data-read-aloud') !== undefined || attr(el, 'data-quick-exit') !== undefined,
      ),
    );

    // Assess
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.every((part) => inArticle.has(part))).toBe(true);
    expect(controlsInParts).toEqual([]);
  });
});
