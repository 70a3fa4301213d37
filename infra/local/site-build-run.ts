/**
 * One local site build: export the published workshops from the runtime's table, build the site
 * and its search index into a new folder, and move it under `builds/` only when all succeeded.
 * Its status goes to the console step by step; a failure says why in a line (the whole output
 * goes to `last-failure.log`), and leaves the site served as it was.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteBuildStep } from '../../functions/store/site-build-state.ts';
import { AstroBuildError } from '../astro-build.ts';
import { buildSite } from '../site-build.ts';
import type { BuildRecords } from './site-build-records.ts';

/** What a build needs. */
export interface SiteBuildRun {
  folder: string;
  records: BuildRecords;
  say: (line: string) => void;
  /** Ends the build early (the runtime is stopping): no status of failure, the request stays. */
  signal: AbortSignal;
  /** Starts serving a finished build; called before its status says so, so "live" is never early. */
  serve: (root: string) => void;
}

/** How a build ended: its start, and the folder to serve when it succeeded. */
export interface SiteBuildResult {
  startedAt: string;
  root?: string;
}

/** Runs one build; never rejects for a failed build, which its status and a log line report. */
export async function runSiteBuild({
  folder,
  records,
  say,
  signal,
  serve,
}: SiteBuildRun): Promise<SiteBuildResult> {
  const started = new Date();
  const startedAt = started.toISOString();
  const before = await records.status();
  const name = startedAt.replace(/[:.]/g, '-');
  const work = join(folder, 'work', name);
  let step: SiteBuildStep = 'exporting';
  const status = (next: SiteBuildStep) => {
    step = next;
    return records.writeStatus({ state: 'building', step, startedAt });
  };
  try {
    await status('exporting');
    const { exportPublished } = await import('../published-workshops.ts');
    const exported = await exportPublished(join(work, 'export'));
    signal.throwIfAborted();
    await buildSite({
      outDir: join(work, 'dist'),
      cacheDir: join(folder, 'cache'),
      publishedFile: exported.file,
      signal,
      onStep: (next) => void status(next),
    });
    signal.throwIfAborted();
    await status('publishing');
    await mkdir(join(folder, 'builds'), { recursive: true });
    const root = join(folder, 'builds', name);
    await rename(join(work, 'dist'), root);
    await records.setLive(name);
    serve(root);
    const finishedAt = new Date().toISOString();
    await records.writeStatus({ state: 'succeeded', startedAt, finishedAt });
    const seconds = ((Date.parse(finishedAt) - started.getTime()) / 1000).toFixed(1);
    say(`Site rebuilt with ${exported.workshops} published workshops in ${seconds} s.`);
    return { startedAt, root };
  } catch (error) {
    if (signal.aborted) {
      // Back to how it was before: the request is newer than that, so the next start builds.
      await records.writeStatus(before ?? { state: 'idle' });
      say('Site build stopped with the runtime; it runs again at the next start.');
      return { startedAt };
    }
    const message = shortReason(error).replaceAll(`${join(work, 'export')}/`, '');
    await writeFile(join(folder, 'last-failure.log'), detail(error));
    await records.writeStatus({
      state: 'failed',
      step,
      startedAt,
      finishedAt: new Date().toISOString(),
      message,
    });
    say(
      `Site build failed; the site stays as it was. ${message} (details: ${join(folder, 'last-failure.log')})`,
    );
    return { startedAt };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Why a build failed, in a line: never a stack. */
function shortReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 300) || 'the build failed';
}

/** Everything a developer needs to see why. */
function detail(error: unknown): string {
  if (error instanceof AstroBuildError) return error.output;
  return error instanceof Error ? `${error.stack ?? error.message}\n` : `${String(error)}\n`;
}
