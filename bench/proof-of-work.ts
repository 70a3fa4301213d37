/**
 * How long the site's own proof-of-work worker takes to solve real challenges from the local
 * runtime, in Debian's Chromium at phone size. A measurement, never a test assertion.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { proofOfWorkCost } from '../functions/domain/proof-of-work.ts';
import { siteDist } from '../infra/site-build.ts';
import { chromiumPath, launchBrowser, phoneContext } from '../test/e2e/browser.ts';
import { solveInWorker } from '../test/e2e/in-page.ts';
import { startPortal } from '../test/e2e/portal.ts';

/** The solve figures. */
export interface ProofOfWorkFigures {
  runs: number;
  counterMin: number;
  counterMax: number;
  solveMs: number[];
  attemptsPerSecond: number[];
}

/** Solves `runs` challenges after one warm-up; undefined when Chromium isn't installed. */
export async function measureProofOfWork(runs: number): Promise<ProofOfWorkFigures | undefined> {
  if (!existsSync(chromiumPath)) return undefined;
  const worker = readdirSync(join(siteDist, '_astro')).find((name) => name.startsWith('pow-worker'));
  if (!worker) throw new Error('No pow-worker in site/dist/_astro: is the site built?');
  const portal = await startPortal();
  const browser = await launchBrowser();
  try {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${portal.url}/report/`);
    // The first solve pays for starting the worker and compiling its code.
    await page.evaluate(solveInWorker, { worker: `/_astro/${worker}`, runs: 1 });
    const solves = await page.evaluate(solveInWorker, { worker: `/_astro/${worker}`, runs });
    await context.close();
    return {
      runs,
      counterMin: proofOfWorkCost.counterMin,
      counterMax: proofOfWorkCost.counterMax,
      solveMs: solves.map((s) => s.ms),
      attemptsPerSecond: solves.map((s) => (s.counter / s.ms) * 1000),
    };
  } finally {
    await browser.close();
    await portal.stop();
  }
}
