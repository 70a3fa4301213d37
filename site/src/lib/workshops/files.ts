/**
 * Handout files of published workshops (PDF, JPEG, PNG), as the export lists them: the schema of
 * an entry, where its bytes are, and the file name the site serves it under. Build time only.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as z from 'zod/mini';
import { languages } from '../../../../functions/domain/languages.ts';
import type { RawRecord } from './sources.ts';

/** Each type a handout may be, with the extension the site serves it with. */
export const handoutExtensions = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
} as const;

/** A handout's type. */
export type HandoutFileType = keyof typeof handoutExtensions;

/** The largest handout the console accepts, 5 MB. */
const maxBytes = 5 * 1024 * 1024;
const key = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), z.maxLength(60));

/** A handout file as the export lists it. */
export const exportedFileSchema = z.object({
  /** Its workshop's `translationKey`. */
  workshop: key,
  /** Its workshop's language: a handout belongs to the workshop in one language. */
  language: z.enum(languages),
  /** The handout's id, the name of the file the site serves. */
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]+$/), z.maxLength(64)),
  /** The name the trainer uploaded it as. */
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  type: z.enum(Object.keys(handoutExtensions) as [HandoutFileType, ...HandoutFileType[]]),
  bytes: z.int().check(z.minimum(1), z.maximum(maxBytes)),
  /** Where its bytes are, relative to the export: `files/<lang>/<key>/<id>.<ext>`. */
  path: z.string().check(z.regex(/^files\/(?:[A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]+\.[a-z]+$/)),
});

/** A handout file as a workshop entry carries it. */
export interface HandoutFile {
  id: string;
  name: string;
  type: HandoutFileType;
  bytes: number;
  /** The file name the site serves it under: `<id>.<ext>`. */
  fileName: string;
  /** Where its bytes are, for the route that copies them into the site. */
  source: string;
}

/**
 * A listed file checked against what is on disk, or an error naming the export and the entry:
 * the bytes must be there, and as many as the entry says.
 */
export function handoutFile(record: RawRecord, file: z.infer<typeof exportedFileSchema>): HandoutFile {
  const source = resolve(dirname(record.file), file.path);
  if (!existsSync(source)) throw new Error(`${record.file}: ${record.at}.path: no file at ${source}`);
  const size = statSync(source).size;
  if (size !== file.bytes) {
    throw new Error(`${record.file}: ${record.at}.bytes: ${file.bytes}, but ${source} has ${size}`);
  }
  const { id, name, type, bytes } = file;
  return { id, name, type, bytes, fileName: `${id}.${handoutExtensions[type]}`, source };
}
