/**
 * Builds the static site when its output is missing or older than anything it is made from:
 * `astro build`, then Pagefind's search index of the built pages, one per language. Used by
 * `npm run build:site`, `npm start`, `npm run synth` and the test setup, so all serve the same.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

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

/** Runs `astro build` for the site; rejects with its output when the build fails. */
function astroBuild(show: boolean): Promise<void> {
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'astro.js');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [astro, 'build', '--root', join(repoRoot, 'site')], {
      cwd: repoRoot,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (show) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      if (show) process.stderr.write(chunk);
    });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`astro build failed (exit ${code}):\n${output}`)),
    );
  });
}

/**
 * Indexes the built pages for search, into `site/dist/pagefind/`. Pagefind reads each page's
 * `<html lang>` and writes one index per language; only what pages mark `data-pagefind-body` is
 * indexed. The npm package runs Pagefind's extended build, which segments Chinese into words, so
 * 欺凌 and 留守 are found as words.
 */
export async function indexSite(): Promise<{ pages: number }> {
  try {
    const { errors, index } = await pagefind.createIndex();
    if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDist });
    if (added.errors.length > 0)
      throw new Error(`pagefind could not read the site: ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error(`pagefind found no pages to index in ${siteDist}`);
    const written = await index.writeFiles({ outputPath: searchIndexDir });
    if (written.errors.length > 0) throw new Error(`pagefind could not write: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

/**
 * Builds the site, then its search index; rejects when either step fails.
 * @param options.show print Astro's progress as it builds, as `npm run build:site` does
 */
export async function buildSite(options: { show?: boolean } = {}): Promise<{ pages: number }> {
  await astroBuild(options.show ?? false);
  return indexSite();
}

/** Builds the site if it is stale; says whether it did. */
export async function ensureSiteBuilt(): Promise<boolean> {
  if (!siteIsStale()) return false;
  await buildSite();
  return true;
}

// `npm run build:site`: always build, and say what was indexed.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { pages } = await buildSite({ show: true });
  console.log(`site built in ${siteDist}; ${pages} pages indexed for search in ${searchIndexDir}`);
}
