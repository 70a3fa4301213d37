/**
 * Strips a PNG's metadata by walking its chunks and copying only those that say how to draw the
 * picture; each kept chunk is copied whole, its CRC with it, and nothing is re-encoded. Pure.
 *
 * An allow-list rather than a block-list: the text chunks (tEXt, iTXt, zTXt: author, software,
 * comments, XMP), tIME and eXIf are what the contract names, but applications also write private
 * chunks (previews, editor state) that nobody can vet. A chunk a decoder must understand
 * (upper-case first letter) that isn't listed makes the file unreadable, as it would for a browser.
 */
import { crc32 } from 'node:zlib';
import { MalformedFileError } from './errors.ts';

const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/**
 * Chunks kept: the image itself (IHDR, PLTE, IDAT, IEND), transparency and background, colour
 * (gAMA, cHRM, sRGB, iCCP, cICP, mDCV, cLLI, sBIT), physical pixel size, palettes' histograms
 * and suggested palettes, and APNG's animation chunks.
 */
const keptChunks = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'bKGD',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'cICP',
  'mDCV',
  'cLLI',
  'sBIT',
  'pHYs',
  'hIST',
  'sPLT',
  'acTL',
  'fcTL',
  'fdAT',
]);

/**
 * The PNG without its metadata. Throws MalformedFileError when a chunk runs past the end or has a
 * wrong CRC, IHDR doesn't come first, there is no image data, or the file never reaches IEND.
 */
export function stripPng(bytes: Uint8Array): Uint8Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!buffer.subarray(0, 8).equals(signature)) throw new MalformedFileError('png: no signature');
  const out: Uint8Array[] = [signature];
  let at = 8;
  let data = false;
  while (at + 12 <= buffer.length) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (length > 0x7fffffff || end > buffer.length)
      throw new MalformedFileError(`png: ${type} runs past the end`);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new MalformedFileError('png: a chunk without a type');
    if (crc32(buffer.subarray(at + 4, end - 4)) !== buffer.readUInt32BE(end - 4)) {
      throw new MalformedFileError(`png: ${type} has a wrong CRC`);
    }
    if ((at === 8) !== (type === 'IHDR') || (type === 'IHDR' && length !== 13)) {
      throw new MalformedFileError('png: IHDR must come first, once');
    }
    const critical = type.charCodeAt(0) < 0x61;
    if (keptChunks.has(type)) out.push(buffer.subarray(at, end));
    else if (critical) throw new MalformedFileError(`png: unknown critical chunk ${type}`);
    data ||= type === 'IDAT';
    at = end;
    if (type === 'IEND') {
      if (!data) throw new MalformedFileError('png: no image data');
      // Whatever follows IEND is not part of the picture, and goes.
      return Buffer.concat(out);
    }
  }
  throw new MalformedFileError('png: no IEND');
}
