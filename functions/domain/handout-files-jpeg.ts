/**
 * Strips a JPEG's metadata by walking its segments and copying only what a decoder needs; the
 * compressed image data is copied byte for byte, never decoded or re-encoded. Pure.
 *
 * Kept: the frame, scan, table and restart segments, JFIF (APP0) without its thumbnail, the ICC
 * colour profile (APP2 `ICC_PROFILE`: without it colours shift; it describes a colour space, not
 * the photo or who took it) and Adobe's APP14 (its transform flag tells a decoder how to read
 * CMYK and YCCK files). Dropped: EXIF and XMP (APP1: camera, GPS position, dates, thumbnail),
 * IPTC and Photoshop resources (APP13), comments (COM), every other APPn (maker notes, MPF with its
 * extra pictures, FlashPix), and anything after the end of the image.
 */
import { MalformedFileError } from './errors.ts';

const marker = {
  SOI: 0xd8,
  EOI: 0xd9,
  SOS: 0xda,
  APP0: 0xe0,
  APP2: 0xe2,
  APP14: 0xee,
  COM: 0xfe,
} as const;

/** Start-of-frame markers: C0–CF except DHT (C4), JPG (C8) and DAC (CC). */
const isFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

const ascii = (bytes: Uint8Array, start: number, text: string) =>
  Buffer.from(bytes.subarray(start, start + text.length)).toString('latin1') === text;

/** The bytes to keep of one marker segment (header included), or undefined to drop it. */
function keep(code: number, segment: Uint8Array): Uint8Array | undefined {
  const data = 4; // after FF, the marker and the two length bytes
  if (code === marker.APP0) {
    if (!ascii(segment, data, 'JFIF\0') || segment.length < data + 14) return undefined;
    // Version, units and densities stay; the thumbnail's size becomes 0×0 and its pixels go.
    const jfif = Uint8Array.from(segment.subarray(0, data + 14));
    jfif[data + 12] = 0;
    jfif[data + 13] = 0;
    jfif[2] = 0;
    jfif[3] = 16;
    return jfif;
  }
  if (code === marker.APP2) return ascii(segment, data, 'ICC_PROFILE\0') ? segment : undefined;
  if (code === marker.APP14)
    return ascii(segment, data, 'Adobe') && segment.length <= 16 ? segment : undefined;
  if ((code >= 0xe0 && code <= 0xef) || code === marker.COM) return undefined;
  return segment;
}

/** Where the entropy-coded data after a scan header ends: at the next marker that isn't RSTn. */
function scanEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length - 1; i++) {
    if (bytes[i] !== 0xff) continue;
    const next = bytes[i + 1] ?? 0;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) continue;
    return i;
  }
  throw new MalformedFileError('jpeg: the image data never ends');
}

/**
 * The JPEG without its metadata. Throws MalformedFileError when the segments don't add up, or
 * there is no frame, no scan or no end of image.
 */
export function stripJpeg(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0xff || bytes[1] !== marker.SOI) throw new MalformedFileError('jpeg: no start of image');
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  let frame = false;
  let scan = false;
  let at = 2;
  while (true) {
    if (bytes[at] !== 0xff) throw new MalformedFileError(`jpeg: no marker at ${at}`);
    while (bytes[at + 1] === 0xff) at++; // fill bytes
    const code = bytes[at + 1];
    if (code === undefined) throw new MalformedFileError('jpeg: no end of image');
    if (code === marker.EOI) {
      if (!frame || !scan) throw new MalformedFileError('jpeg: no frame or no scan');
      out.push(bytes.subarray(at, at + 2));
      return Buffer.concat(out);
    }
    if (code === marker.SOI || code === 0x00 || (code >= 0xd0 && code <= 0xd7)) {
      throw new MalformedFileError(`jpeg: marker ${code.toString(16)} out of place`);
    }
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) throw new MalformedFileError('jpeg: a segment runs past the end');
    const kept = keep(code, bytes.subarray(at, end));
    if (kept) out.push(kept);
    frame ||= isFrame(code);
    at = end;
    if (code === marker.SOS) {
      if (!frame) throw new MalformedFileError('jpeg: a scan before the frame');
      scan = true;
      const dataEnd = scanEnd(bytes, at);
      out.push(bytes.subarray(at, dataEnd));
      at = dataEnd;
    }
  }
}
