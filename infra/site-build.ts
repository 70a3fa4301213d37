/**
 * Builds the static site when its output is missing or older than anything it is made from:
 * `astro build`, then Pagefind's search index of the built pages, one per language. Used by
 * `npm run build:site`, `npm start`, `npm run synth` and the test setup, so all serve the same.
 */
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { astroBuild, type SiteBuildOptions } from './astro-build.ts';

export type { SiteBuildOptions } from './astro-build.ts';

/** The repository's root directory. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the built site lives. */
export const siteDist = join(repoRoot, 'site', 'dist');

/** Where the search index goes: Pagefind's bundle, which the search page imports from `/pagefind/`. */
export const searchIndexDir = join(siteDist, 'pagefind');

/** Written last, so a build that stopped halfway counts as stale. */
const builtMarker = join(searchIndexDir, 'pagefind-entry.json');

/**
 * Everything the site is built from: its sources, the shared domain, the deployment config, and
 * this build itself (its steps and their versions).
 */
const inputs = [
  'site/src',
  'site/public',
  'site/astro.config.mjs',
  'functions/domain',
  'functions/config.ts',
  'hutong.config.json',
  'infra/site-build.ts',
  'package-lock.json',
];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestChange(join(path, entry))),
    stat.mtimeMs,
  );
}

/** True when `site/dist` or its search index is missing, or older than one of their inputs. */
export function siteIsStale(): boolean {
  if (!existsSync(builtMarker)) return true;
  const builtAt = statSync(builtMarker).mtimeMs;
  return inputs.some((input) => newestChange(join(repoRoot, input)) > builtAt);
}

/**
 * Indexes the built pages in `outDir` (`site/dist` by default) for search, into its `pagefind/`. Pagefind reads each page's
 * `<html lang>` and writes one index per language; only what pages mark `data-pagefind-body` is
 * indexed. The npm package runs Pagefind's extended build, which segments Chinese into words, so
 * 欺凌 and 留守 are found as words.
 */
export async function indexSite(outDir = siteDist): Promise<{ pages: number }> {
  try {
    const { errors, index } = await pagefind.createIndex();
    if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0)
      throw new Error(`pagefind could not read the site: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error(`pagefind found no pages to index in ${outDir}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`pagefind could not write: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

/**
 * Builds the site, then its search index; rejects when either step fails.
 * @example await buildSite({ outDir: '/tmp/next', publishedFile: '/tmp/export/published.json' })
 */
export async function buildSite(options: SiteBuildOptions = {}): Promise<{ pages: number }> {
  options.onStep?.('building');
  await astroBuild(options);
  options.onStep?.('indexing');
  return indexSite(options.outDir);
}

/** Builds the site if it is stale; says whether it did. */
export async function ensureSiteBuilt(): Promise<boolean> {
  if (!siteIsStale()) return false;
  await buildSite();
  return true;
}

// `npm run build:site`: always build, and say what was indexed. With a table to read (`TABLE_NAME`,
// as in the AWS build job), the published workshops and their handouts are exported first; a
// failed export fails the build, so a site without them is never published.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let publishedFile: string | undefined;
  if (process.env.TABLE_NAME) {
    const { exportPublished } = await import('./published-workshops.ts');
    const exported = await exportPublished(mkdtempSync(join(tmpdir(), 'hutong-published-')));
    console.log(`exported ${exported.workshops} published workshops, ${exported.files} files`);
    publishedFile = exported.file;
  }
  const { pages } = await buildSite({ show: true, ...(publishedFile ? { publishedFile } : {}) });
  console.log(`site built in ${siteDist}; ${pages} pages indexed for search in ${searchIndexDir}`);
}
