/**
 * Lighthouse 12.2.3 (pinned) with its default mobile settings (a mid-range phone, simulated slow
 * 4G and a 4× slower CPU) on the home page, a children's page, a guide and the report page of the
 * local runtime, in Debian's Chromium: never a downloaded browser. Each page runs five times; the
 * median run by performance is kept, since one run on a busy machine can be an outlier.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../test/e2e/browser.ts';
import { builtPages } from '../test/site/built-pages.ts';
import { spawnRuntime } from '../test/support/runtime.ts';

/** One page's figures, from its median run. */
export interface LighthouseFigures {
  what: string;
  path: string;
  /** Category scores, 0–100. */
  performance: number;
  accessibility: number;
  /** Performance scores of every run, for the spread. */
  runs: number[];
  /** The metrics behind the performance score, in ms (CLS unitless). */
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** The audits that cost points, by id, with their score, for finding out why. */
  failing: string[];
}

/** The flags every run of Chromium gets here, the browser tests' own. */
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The pages measured: the first built page of each kind, in this order of preference. */
function pagesToMeasure(): { what: string; path: string }[] {
  const urls = builtPages().map((page) => page.url);
  const pick = (preferred: string, pattern: RegExp) =>
    urls.includes(preferred) ? preferred : (urls.find((url) => pattern.test(url)) ?? preferred);
  return [
    { what: 'home', path: '/' },
    { what: "children's page (9–12)", path: pick('/children/9-12/my-body/', /^\/children\/[^/]+\/[^/]+\/$/) },
    { what: 'guide', path: pick('/learn/when-a-child-tells-you/', /^\/learn\/[^/]+\/$/) },
    { what: 'report', path: '/report/' },
  ];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts Chromium with its DevTools port open, and waits until the port answers. */
async function startChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'hutong-lighthouse-'));
  // Its own process group, so stopping it stops its renderers and helpers too.
  const child: ChildProcess = spawn(
    chromiumPath,
    [...chromiumFlags, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: 'ignore', detached: true },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await exited;
    // Helpers may still be closing their files for a moment after the browser itself exits.
    for (let tries = 0; ; tries++) {
      try {
        rmSync(profile, { recursive: true, force: true });
        return;
      } catch (error) {
        if (tries >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  for (let tries = 0; tries < 100; tries++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/json/version`);
      if (response.ok) return { port, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`Chromium did not open its DevTools port ${port}`);
}

/** One Lighthouse run of `url` in the Chromium listening on `port`. */
async function runOnce(url: string, port: number) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  return result.lhr;
}

const score = (value: number | null | undefined) => Math.round((value ?? 0) * 100);

/**
 * Measures every page `runs` times in one Chromium, after a warm-up run that is not counted: the
 * first run pays for starting the browser's processes and reading the CJK fonts, which a phone
 * that shows the page has long done. Lighthouse resets the page's cache and storage every run.
 * Undefined when Chromium isn't installed.
 */
export async function measureLighthouse(runs = 5): Promise<LighthouseFigures[] | undefined> {
  if (!existsSync(chromiumPath)) return undefined;
  const runtime = await spawnRuntime();
  const chromium = await startChromium();
  try {
    const pages = pagesToMeasure();
    await runOnce(`${runtime.url}${pages[0]?.path ?? '/'}`, chromium.port);
    const figures: LighthouseFigures[] = [];
    for (const { what, path } of pages) {
      const results = [];
      for (let run = 0; run < runs; run++) {
        console.log(`  Lighthouse ${path} (${run + 1}/${runs})…`);
        const lhr = await runOnce(`${runtime.url}${path}`, chromium.port);
        if (lhr.runtimeError)
          console.warn(`  … failed: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        else results.push(lhr);
      }
      results.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
      const median = results[Math.floor(results.length / 2)];
      if (!median) throw new Error(`every Lighthouse run of ${path} failed`);
      const metric = (id: string) => median.audits[id]?.numericValue ?? Number.NaN;
      const weighted = Object.values(median.categories).flatMap((c) =>
        c.auditRefs.filter((r) => r.weight > 0),
      );
      figures.push({
        what,
        path,
        performance: score(median.categories.performance?.score),
        accessibility: score(median.categories.accessibility?.score),
        runs: results.map((r) => score(r.categories.performance?.score)),
        fcpMs: metric('first-contentful-paint'),
        lcpMs: metric('largest-contentful-paint'),
        tbtMs: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
        failing: weighted
          .map((ref) => median.audits[ref.id])
          .filter((audit) => audit && audit.score !== null && audit.score < 0.9)
          .map((audit) => `${audit?.id} (${score(audit?.score)})`),
      });
    }
    return figures;
  } finally {
    await chromium.stop();
    await runtime.stop();
  }
}
