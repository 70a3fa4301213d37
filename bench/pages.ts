/**
 * Weighs every built page as a first visit would fetch it: the HTML plus every stylesheet and
 * script it references, each compressed with gzip (level 9) and brotli (quality 11).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { siteDist } from '../infra/site-build.ts';

/** One page's figures. */
export interface PageFigures {
  path: string;
  files: number;
  rawBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  jsGzipBytes: number;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return entry.endsWith('.html') ? [path] : [];
  });
}

/** Same-origin stylesheets, scripts and module preloads a page loads. */
function assetsOf(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<(?:link|script)\b[^>]*?(?:href|src)="(\/[^"]+\.(?:css|js|mjs))"/g)) {
    if (match[1]) found.add(match[1]);
  }
  return [...found];
}

/** Weighs every page in site/dist. */
export function measurePages(): PageFigures[] {
  return htmlFiles(siteDist)
    .map((file) => {
      const html = readFileSync(file);
      const assets = assetsOf(html.toString('utf8')).map((asset) => ({
        asset,
        bytes: readFileSync(join(siteDist, asset)),
      }));
      const all = [html, ...assets.map((a) => a.bytes)];
      const gzip = (b: Buffer) => gzipSync(b, { level: 9 }).length;
      const brotli = (b: Buffer) =>
        brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      const url = `/${relative(siteDist, file)}`.replace(/index\.html$/, '');
      return {
        path: url,
        files: all.length,
        rawBytes: all.reduce((sum, b) => sum + b.length, 0),
        gzipBytes: all.reduce((sum, b) => sum + gzip(b), 0),
        brotliBytes: all.reduce((sum, b) => sum + brotli(b), 0),
        jsGzipBytes: assets.filter((a) => /\.m?js$/.test(a.asset)).reduce((sum, a) => sum + gzip(a.bytes), 0),
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
