/**
 * Handout files a trainer uploads: which kinds and sizes are taken, whether the bytes are what
 * their Content-Type says, the file's metadata stripped, and a display name that is safe to show.
 * Pure: bytes in, bytes out (the format walkers are in handout-files-*.ts).
 */
import { HandoutRefusedError, MalformedFileError } from './errors.ts';
import { stripJpeg } from './handout-files-jpeg.ts';
import { stripPdf } from './handout-files-pdf.ts';
import { stripPng } from './handout-files-png.ts';
import type { Language } from './languages.ts';
import type { HandoutType } from './workshop-contract.ts';

/** The limits on handouts (docs/workshop-publishing.md). */
export const handoutLimits = {
  /**
   * The largest file taken, in bytes: 4 MB. Lambda takes at most 6 MB per request, and API
   * Gateway hands it a binary body base64-encoded (a third larger), so 4 MB is what fits.
   */
  bytes: 4 * 1024 * 1024,
  /** Handouts one workshop keeps. */
  perWorkshop: 5,
  /** The longest display name, in characters. */
  name: 120,
} as const;

/** Each type's file extension (the stored key's and the display name's) and its signature check. */
export const handoutKinds: Readonly<
  Record<HandoutType, { ext: string; otherExts: readonly string[]; signed: (b: Uint8Array) => boolean }>
> = {
  'application/pdf': {
    ext: 'pdf',
    otherExts: [],
    // Readers accept the header anywhere in the first 1024 bytes; so does this check.
    signed: (b) => Buffer.from(b.subarray(0, 1024)).includes('%PDF-'),
  },
  'image/jpeg': {
    ext: 'jpg',
    otherExts: ['jpeg', 'jpe'],
    signed: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  'image/png': {
    ext: 'png',
    otherExts: [],
    signed: (b) => Buffer.from(b.subarray(0, 8)).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])),
  },
};

/** True when `type` (a media type without parameters) is one a handout may have. */
export function isHandoutType(type: string | undefined): type is HandoutType {
  return type !== undefined && Object.hasOwn(handoutKinds, type);
}

/** A handout ready to store: its bytes with the metadata gone, its type and its display name. */
export interface PreparedHandout {
  bytes: Uint8Array;
  type: HandoutType;
  ext: string;
  name: string;
}

/**
 * Checks an upload and strips its metadata. Refuses a type that isn't PDF, JPEG or PNG or whose
 * bytes say otherwise (415 `unsupported_type`), more than 4 MB (413 `too_large`), and a file that
 * can't be read as its type (422 `unreadable_file`).
 * @example const handout = prepareHandout(bytes, 'image/png', 'poster.png', 'en');
 */
export function prepareHandout(
  bytes: Uint8Array,
  declaredType: string | undefined,
  requestedName: string | null | undefined,
  language: Language,
): PreparedHandout {
  if (!isHandoutType(declaredType)) throw new HandoutRefusedError('unsupported_type', { language });
  if (bytes.byteLength > handoutLimits.bytes) throw new HandoutRefusedError('too_large', { language });
  const kind = handoutKinds[declaredType];
  if (!kind.signed(bytes)) throw new HandoutRefusedError('unsupported_type', { language });
  let stripped: Uint8Array;
  try {
    stripped = strip(declaredType, bytes);
  } catch (error) {
    if (error instanceof MalformedFileError) {
      throw new HandoutRefusedError('unreadable_file', { language, cause: error });
    }
    throw error;
  }
  return {
    bytes: stripped,
    type: declaredType,
    ext: kind.ext,
    name: handoutName(requestedName, declaredType),
  };
}

function strip(type: HandoutType, bytes: Uint8Array): Uint8Array {
  switch (type) {
    case 'application/pdf':
      return stripPdf(bytes);
    case 'image/jpeg':
      return stripJpeg(bytes);
    case 'image/png':
      return stripPng(bytes);
  }
}

/**
 * Control characters (C0, DEL, C1) and the invisible format marks that reorder or hide text
 * (bidi overrides and isolates, zero-width characters, the BOM): with U+202E kept,
 * `photo\u202Egpj.exe` would show as "photoexe.jpg".
 */
const unsafeCharacters = /[\p{Cc}\p{Cf}]/gu;

/**
 * The name a handout is shown and downloaded as: the last part of any path, without control or
 * invisible characters, spaces collapsed, at most 120 characters, ending in its type's extension
 * (a wrong one replaced). Empty or missing: "handout.<ext>".
 * @example handoutName('C:\\Users\\li\\海报 final.PDF', 'application/pdf') // '海报 final.PDF'
 * @example handoutName('photo.png', 'image/jpeg') // 'photo.jpg'
 */
export function handoutName(requested: string | null | undefined, type: HandoutType): string {
  const { ext, otherExts } = handoutKinds[type];
  const base = (requested ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base.replace(unsafeCharacters, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  const dot = cleaned.lastIndexOf('.');
  const given = dot > 0 ? cleaned.slice(dot + 1) : '';
  const lower = given.toLowerCase();
  const known = (e: string) =>
    Object.values(handoutKinds).some((k) => k.ext === e || k.otherExts.includes(e));
  // Their own spelling of the right extension stays; another type's is replaced; anything else gains one.
  const extension = lower === ext || otherExts.includes(lower) ? given : ext;
  const stem = known(lower) ? cleaned.slice(0, dot) : cleaned;
  // Cut by code points, so a Chinese name is never split inside a character.
  const kept = [...stem]
    .slice(0, handoutLimits.name - 1 - extension.length)
    .join('')
    .trim();
  return kept ? `${kept}.${extension}` : `handout.${ext}`;
}
