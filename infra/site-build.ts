/**
 * Builds the static site when its output is missing or older than anything it is made from.
 * Used by `npm start`, `npm run synth` and the test setup, so all three serve the same pages.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root directory. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the built site lives. */
export const siteDist = join(repoRoot, 'site', 'dist');

/** Everything the site is built from: its sources, the shared domain and the deployment config. */
const inputs = [
  'site/src',
  'site/public',
  'site/astro.config.mjs',
  'functions/domain',
  'functions/config.ts',
  'hutong.config.json',
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

/** True when `site/dist` is missing or older than one of its inputs. */
export function siteIsStale(): boolean {
  const built = join(siteDist, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return inputs.some((input) => newestChange(join(repoRoot, input)) > builtAt);
}

/** Runs `astro build` for the site; rejects with its output when the build fails. */
export function buildSite(): Promise<void> {
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
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`astro build failed (exit ${code}):\n${output}`)),
    );
  });
}

/** Builds the site if it is stale; says whether it did. */
export async function ensureSiteBuilt(): Promise<boolean> {
  if (!siteIsStale()) return false;
  await buildSite();
  return true;
}
