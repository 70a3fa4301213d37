/**
 * The local site builder's files in its folder: the request a publish writes, the status the
 * console reads (functions/store/site-build.ts reads both), and which build is live. Every write
 * is whole: a temporary file, then a rename.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type SiteBuild, siteBuildFiles } from '../../functions/store/site-build-state.ts';

/** Reads and writes the builder's files in one folder. */
export interface BuildRecords {
  /** The latest request's time, if any. */
  requested(): Promise<string | undefined>;
  /** Asks for a build, as a publish does. */
  request(now: Date): Promise<void>;
  status(): Promise<SiteBuild | undefined>;
  /** Writes the status; writes happen in the order they were asked for. */
  writeStatus(status: SiteBuild): Promise<void>;
  /** The live build's folder, when it exists and is newer than `fallback`'s (a site built since is). */
  liveBuild(fallback: string): Promise<string | undefined>;
  /** Makes `build`, a folder under `builds/`, the live one. */
  setLive(name: string): Promise<void>;
}

/** The file written last into a built site: a build without it is not whole. */
const builtMarker = join('pagefind', 'pagefind-entry.json');

async function readOrNothing(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

let written = 0;
async function writeWhole(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.${++written}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/** The records of the builder working in `folder`. */
export function buildRecords(folder: string): BuildRecords {
  const path = (name: string) => join(folder, name);
  let writing = Promise.resolve();
  return {
    requested: () => readOrNothing(path(siteBuildFiles.request)),
    request: (now) => writeWhole(path(siteBuildFiles.request), now.toISOString()),
    async status() {
      const text = await readOrNothing(path(siteBuildFiles.status));
      return text ? (JSON.parse(text) as SiteBuild) : undefined;
    },
    writeStatus(status) {
      writing = writing.then(() => writeWhole(path(siteBuildFiles.status), `${JSON.stringify(status)}\n`));
      return writing;
    },
    async liveBuild(fallback) {
      const name = await readOrNothing(path('live'));
      if (!name) return undefined;
      const build = join(folder, 'builds', name);
      const marker = join(build, builtMarker);
      if (!existsSync(marker)) return undefined;
      const fallbackMarker = join(fallback, builtMarker);
      if (existsSync(fallbackMarker) && statSync(fallbackMarker).mtimeMs > statSync(marker).mtimeMs)
        return undefined;
      return build;
    },
    setLive: (name) => writeWhole(path('live'), name),
  };
}
