/**
 * `astro build` of the site in a child process, into any folder, with the published workshops'
 * export when there is one. Used by infra/site-build.ts; touches only the folders it is given.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A build's options; the defaults build `site/dist` from the curriculum alone. */
export interface SiteBuildOptions {
  /** Print Astro's progress as it builds, as `npm run build:site` does. */
  show?: boolean;
  /** Where the site goes; `site/dist` by default. */
  outDir?: string;
  /** Astro's cache; give a build beside another its own, so they never share a data store. */
  cacheDir?: string;
  /** The published workshops' export (infra/published-workshops.ts), for the workshops loader. */
  publishedFile?: string;
  /** Called as each step starts: `building` (Astro's pages), then `indexing` (search). */
  onStep?: (step: 'building' | 'indexing') => void;
  /** Stops the build: Astro's process is ended and the build rejects. */
  signal?: AbortSignal;
}

/** Astro's build failed: `message` says why in a line, `output` holds all it printed. */
export class AstroBuildError extends Error {
  constructor(
    readonly code: number | null,
    readonly output: string,
  ) {
    const lines = stripVTControlCharacters(output).split('\n');
    // Node's "Error: …" line of an uncaught error, or the first line that says what went wrong.
    let at = lines.findIndex((line) => /^(\w*Error:|\[ERROR\])/.test(line.trim()));
    if (at < 0) at = lines.findIndex((line) => /error|invalid/i.test(line) && !/^\s*at |throw /.test(line));
    // Then the fields the loader names, up to the stack.
    let end = at + 1;
    while (
      end < lines.length &&
      /^\s+\S/.test(lines[end] ?? '') &&
      !/^\s*(at |Location:|Stack trace:)/.test(lines[end] ?? '')
    )
      end++;
    const reason =
      at < 0
        ? ''
        : lines
            .slice(at, end)
            .map((line) => line.trim().replace(/^Error: /, ''))
            .join('; ');
    super(`astro build failed (exit ${code})${reason ? `: ${reason.slice(0, 300)}` : ''}`);
    this.name = 'AstroBuildError';
  }
}

/** Variables a test runner sets that must not reach Astro's build (Vite reads them as its mode). */
const runnerVariables = /^(NODE_ENV|MODE|BASE_URL|SSR|DEV|PROD|VITEST.*)$/;

/**
 * Where Astro runs. It keeps a build's intermediate files in the output folder when that is
 * inside its working directory, else in `<cwd>/.astro/`: two builds at once would share that, and
 * it must be inside the repository for the files' imports to resolve. So a build into a folder
 * outside the repository runs from a folder of its own under `node_modules/.cache/`.
 */
function workingDir(outDir: string | undefined): string {
  if (!outDir || resolve(outDir).startsWith(`${repoRoot}${sep}`)) return repoRoot;
  const parent = join(repoRoot, 'node_modules', '.cache', 'hutong-astro');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, 'build-'));
}

/** Runs `astro build` for the site; rejects with an `AstroBuildError` when it fails. */
export function astroBuild({
  show = false,
  outDir,
  cacheDir,
  publishedFile,
  signal,
}: SiteBuildOptions): Promise<void> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !runnerVariables.test(key)));
  if (publishedFile) env.HUTONG_PUBLISHED_WORKSHOPS = publishedFile;
  const config = {
    root: join(repoRoot, 'site'),
    ...(outDir ? { outDir } : {}),
    ...(cacheDir ? { cacheDir } : {}),
  };
  // Astro's command line has no cache option; its JavaScript API does.
  const astro = pathToFileURL(createRequire(import.meta.url).resolve('astro')).href;
  const script = `import { build } from ${JSON.stringify(astro)}; await build(${JSON.stringify(config)});`;
  const cwd = workingDir(outDir);
  const cleanUp = () => (cwd === repoRoot ? undefined : rmSync(cwd, { recursive: true, force: true }));
  return new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd,
      env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(signal ? { signal, killSignal: 'SIGTERM' as const } : {}),
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
    // Stopped, it ends once Astro's process has: nothing of the build is left running.
    child.on('error', (error) => (signal?.aborted ? undefined : fail(error)));
    child.on('exit', (code) => {
      if (signal?.aborted) fail(signal.reason);
      else if (code === 0) done();
      else fail(new AstroBuildError(code, output));
    });
  }).finally(cleanUp);
}
