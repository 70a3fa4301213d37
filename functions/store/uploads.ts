/**
 * Where staff-uploaded files live, from env `UPLOADS`: `s3:<bucket>` in AWS (the private uploads
 * bucket; uploads-s3.ts), `dir:<path>` on one machine (files under the data directory). Keys are
 * `workshops/<workshop id>/<handout id>.<ext>`. The handout routes write and delete; the site
 * build reads the published ones (infra/published-workshops.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { StoreUnavailableError } from '../domain/errors.ts';
import { requireEnv } from './env.ts';
import { deleteObject, getObject, putObject } from './uploads-s3.ts';

/** The backend `UPLOADS` names. */
export type UploadsBackend = { kind: 'dir'; path: string } | { kind: 's3'; bucket: string };

/**
 * Reads an `UPLOADS` value; throws on one it does not know.
 * @example uploadsBackend('s3:hutong-uploads-1a2b') // { kind: 's3', bucket: 'hutong-uploads-1a2b' }
 */
export function uploadsBackend(value: string): UploadsBackend {
  if (value.startsWith('dir:') && value.length > 4) return { kind: 'dir', path: value.slice(4) };
  if (value.startsWith('s3:') && value.length > 3) return { kind: 's3', bucket: value.slice(3) };
  throw new Error(`UPLOADS must be dir:<path> or s3:<bucket>, not ${value}`);
}

const backend = uploadsBackend(requireEnv('UPLOADS'));

/** A key's shape: `workshops/`, then ids of letters, digits, `_` and `-`, and an extension. */
const keyPattern = /^workshops\/[A-Za-z0-9_-]{1,64}\/[A-Za-z0-9_-]{1,64}\.(pdf|jpg|png)$/;

function checked(key: string): string {
  // Keys are made by handoutKey(); anything else (`..`, a slash too many) never reaches a path.
  if (!keyPattern.test(key)) throw new Error(`not an upload key: ${key}`);
  return key;
}

/**
 * Where a handout's bytes are kept.
 * @example handoutKey('w-1', 'h-2', 'pdf') // 'workshops/w-1/h-2.pdf'
 */
export function handoutKey(workshopId: string, handoutId: string, ext: string): string {
  return checked(`workshops/${workshopId}/${handoutId}.${ext}`);
}

/**
 * Stores a file under `key`; a store that refuses or can't be reached is a 503, so nothing is
 * acknowledged that was not stored. On one machine the file is written under a temporary name
 * and renamed, so a reader never sees half a file.
 */
export async function putUpload(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
  const target = checked(key);
  try {
    if (backend.kind === 's3') return await putObject(backend.bucket, target, bytes, contentType);
    await writeWhole(join(backend.path, target), bytes);
  } catch (error) {
    throw new StoreUnavailableError(error);
  }
}

async function writeWhole(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.part`;
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Deletes the file under `key`; deleting one that isn't there is not an error. */
export async function deleteUpload(key: string): Promise<void> {
  if (backend.kind === 's3') return deleteObject(backend.bucket, checked(key));
  await rm(join(backend.path, checked(key)), { force: true });
}

/**
 * The bytes stored under `key`; throws when there are none (a published handout whose file is
 * missing must fail the site build, not publish a broken link).
 * @example await writeFile(target, await readUpload(handout.key));
 */
export async function readUpload(key: string): Promise<Uint8Array> {
  if (backend.kind === 's3') return getObject(backend.bucket, checked(key));
  return readFile(join(backend.path, checked(key)));
}
