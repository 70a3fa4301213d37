/**
 * The two places workshops come from, read as raw records for the loader to validate: the
 * curriculum YAML that ships in the repository, and the optional JSON file of published workshops
 * and sessions that the office API exports. Reads files only; validates nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';

/** One record as read, with where it came from, so an error can name the file and the field. */
export interface RawRecord {
  /** The file it was read from, as a person would look for it: `site/src/content/workshops/en/x.yaml`. */
  file: string;
  /** Where in the file: `''` for a whole file, `workshops[2]` or `sessions[0]` in the published export. */
  at: string;
  data: unknown;
}

/** What the sources hold, before validation. */
export interface RawSources {
  workshops: RawRecord[];
  sessions: RawRecord[];
  /** Handout files of published workshops; a `path` is relative to the export's folder (`file`). */
  files: RawRecord[];
}

/** The environment variable naming the published export; unset means the curriculum alone. */
export const publishedSourceVariable = 'HUTONG_PUBLISHED_WORKSHOPS';

const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The shipped modules: `<dir>/<lang>/<translationKey>.yaml`, with `language` and `translationKey`
 * taken from the path, as the curriculum's own test reads them.
 * @example readCurriculum('site/src/content/workshops', process.cwd())
 */
export function readCurriculum(dir: string, repoRoot: string): RawRecord[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.yaml'))
    .sort()
    .map((path) => {
      const file = relative(repoRoot, join(dir, path));
      let written: unknown;
      try {
        written = parse(readFileSync(join(dir, path), 'utf8'));
      } catch (error) {
        throw new Error(`${file} is not valid YAML`, { cause: error });
      }
      if (!isMapping(written)) throw new Error(`${file} does not hold a YAML mapping`);
      const data = { ...written, language: dirname(path), translationKey: basename(path, '.yaml') };
      return { file, at: '', data };
    });
}

/**
 * The office API's export of published workshops, their sessions and their handout files, a JSON
 * file: `{ "workshops": [Workshop, …], "sessions": [Session, …], "files": [File, …] }`, a file's
 * bytes beside it at its relative `path` (infra/published-workshops.ts writes it). Every list may
 * be empty or absent; a missing file is an error, since the variable says there should be one.
 */
export function readPublished(path: string): RawSources {
  const file = resolve(path);
  let written: unknown;
  try {
    written = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${publishedSourceVariable}=${path}: cannot read it as JSON`, { cause: error });
  }
  if (!isMapping(written)) throw new Error(`${file} does not hold a JSON object`);
  const list = (key: string): RawRecord[] => {
    const items = written[key] ?? [];
    if (!Array.isArray(items)) throw new Error(`${file} › ${key}: expected a list`);
    return items.map((data, i) => ({ file, at: `${key}[${i}]`, data }));
  };
  return { workshops: list('workshops'), sessions: list('sessions'), files: list('files') };
}
