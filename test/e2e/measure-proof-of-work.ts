/**
 * Measures how long the site's proof-of-work worker takes to solve real challenges from the local
 * runtime, in Debian's Chromium at phone size: `npx tsx test/e2e/measure-proof-of-work.ts [runs]`.
 * A measurement, not a test: it prints the figures and asserts nothing about time.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { proofOfWorkCost } from '../../functions/domain/proof-of-work.ts';
import { siteDist } from '../../infra/site-build.ts';
import { launchBrowser, phoneContext } from './browser.ts';
import { solveInWorker } from './in-page.ts';
import { startPortal } from './portal.ts';

const runs = Number(process.argv[2] ?? 40);
const worker = readdirSync(join(siteDist, '_astro')).find((name) => name.startsWith('pow-worker'));
if (!worker) throw new Error('no pow-worker in site/dist/_astro: build the site first');

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

const portal = await startPortal();
const browser = await launchBrowser();
try {
  const context = await phoneContext(browser);
  const page = await context.newPage();
  await page.goto(`${portal.url}/report/`);
  // One warm-up solve: the first pays for starting the worker and compiling its code.
  await page.evaluate(solveInWorker, { worker: `/_astro/${worker}`, runs: 1 });
  const solves = await page.evaluate(solveInWorker, { worker: `/_astro/${worker}`, runs });
  const times = solves.map((s) => s.ms).sort((a, b) => a - b);
  const rates = solves.map((s) => (s.counter / s.ms) * 1000).sort((a, b) => a - b);
  const round = (n: number) => Math.round(n);
  console.log(
    JSON.stringify(
      {
        cost: proofOfWorkCost,
        runs,
        solveMs: {
          median: round(percentile(times, 50)),
          p90: round(percentile(times, 90)),
          min: round(times[0] ?? 0),
          max: round(times.at(-1) ?? 0),
          mean: round(times.reduce((a, b) => a + b, 0) / times.length),
        },
        hashesPerSecond: {
          p10: round(percentile(rates, 10)),
          median: round(percentile(rates, 50)),
          p90: round(percentile(rates, 90)),
        },
      },
      null,
      2,
    ),
  );
  await context.close();
} finally {
  await browser.close();
  await portal.stop();
}
