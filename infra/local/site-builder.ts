/**
 * The local runtime's site builder: it watches the request a publish writes
 * (functions/store/site-build.ts, `SITE_BUILD=dir:<folder>`), waits for two quiet seconds, exports
 * the published workshops from the runtime's own table, builds the site into a new folder and,
 * only when all of that succeeded, swaps it in for what the portal serves. One build at a time; a
 * request during a build makes one more after it. Touches only its folder.
 */
import { type FSWatcher, watch } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { siteBuildFiles } from '../../functions/store/site-build-state.ts';
import { type BuildRecords, buildRecords } from './site-build-records.ts';
import { runSiteBuild } from './site-build-run.ts';

/** The builder as the runtime holds it. */
export interface SiteBuilder {
  /** The folder the portal serves now: the last good build, or `fallbackRoot`. */
  root(): string;
  /** How many builds ran since the start, successful or not. */
  builds(): number;
  /** Stops watching, stops a running build and waits until it has wound down. */
  stop(): Promise<void>;
}

/** Where the builder works and what it serves until its first build. */
export interface SiteBuilderOptions {
  /** The folder `SITE_BUILD=dir:` names. */
  folder: string;
  /** What to serve without a build of ours: `site/dist`, the curriculum alone. */
  fallbackRoot: string;
  /** Whether the table holds published workshops (then a first build is needed). */
  anyPublished: () => Promise<boolean>;
  say: (line: string) => void;
  /** Quiet time before a build starts; two seconds. */
  quietMs?: number;
}

/** Starts watching; resolves once the builder knows what to serve. */
export async function startSiteBuilder(options: SiteBuilderOptions): Promise<SiteBuilder> {
  const { folder, say, quietMs = 2000 } = options;
  await mkdir(folder, { recursive: true });
  await rm(join(folder, 'work'), { recursive: true, force: true });
  const records: BuildRecords = buildRecords(folder);
  let current = (await records.liveBuild(options.fallbackRoot)) ?? options.fallbackRoot;
  let previous = current;
  // Nothing of ours to serve, or a build the runtime stopped in the middle: build again.
  const last = await records.status();
  if (last?.state === 'building' || (current === options.fallbackRoot && (await options.anyPublished()))) {
    await records.request(new Date());
  }

  let seen: string | undefined;
  let quiet: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let count = 0;
  let stopped = false;
  const abort = new AbortController();

  const build = async () => {
    quiet = undefined;
    const serve = (root: string) => {
      previous = current;
      current = root;
    };
    const result = await runSiteBuild({ folder, records, say, signal: abort.signal, serve });
    count++;
    // The build served before stays a while: a request that found a file there still reads it.
    await prune(join(folder, 'builds'), [current, previous]);
    // A request that came while this build ran, or during its export, makes one more.
    if (!stopped && seen && seen > result.startedAt) schedule();
  };
  const schedule = () => {
    if (stopped || running) return;
    clearTimeout(quiet);
    quiet = setTimeout(() => {
      running = build()
        .catch((error: unknown) =>
          say(`Site builder error: ${error instanceof Error ? error.message : error}`),
        )
        .finally(() => {
          running = undefined;
        });
    }, quietMs);
  };
  const check = async () => {
    const value = await records.requested();
    if (!value || value === seen) return;
    seen = value;
    schedule();
  };
  const onChange = () => void check().catch(() => undefined);

  const startedFrom = await records.status();
  seen = await records.requested();
  if (seen && (!startedFrom?.startedAt || seen > startedFrom.startedAt)) schedule();
  const watcher: FSWatcher = watch(folder, (_event, name) => {
    if (name === null || name === siteBuildFiles.request) onChange();
  });
  watcher.on('error', () => undefined);
  // fs.watch can miss events (network file systems, some containers); a slow poll catches them.
  const poll = setInterval(onChange, 1000);
  poll.unref();

  return {
    root: () => current,
    builds: () => count,
    async stop() {
      stopped = true;
      clearTimeout(quiet);
      clearInterval(poll);
      watcher.close();
      abort.abort();
      await running;
    },
  };
}

/** Removes every build in `dir` but those in `keep`. */
async function prune(dir: string, keep: string[]): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!keep.includes(join(dir, name))) await rm(join(dir, name), { recursive: true, force: true });
  }
}
