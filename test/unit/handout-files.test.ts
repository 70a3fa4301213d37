import { inflateSync } from 'node:zlib';
import * as jpeg from 'jpeg-js';
import { PDFArray, PDFDocument, type PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { HandoutRefusedError } from '../../functions/domain/errors.ts';
import { handoutLimits, handoutName, prepareHandout } from '../../functions/domain/handout-files.ts';
import {
  iccSegment,
  jpegWithMetadata,
  pdfWithMetadata,
  pngChunk,
  pngPixels,
  pngRows,
  pngWithMetadata,
  secrets,
  withIncrementalUpdate,
} from '../support/handout-files.ts';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/**
 * The file's bytes as text, with what a reader would decode appended: every stream that inflates
 * (PDF object streams hide their objects), and PDF hex strings.
 */
function text(bytes: Uint8Array): string {
  const raw = latin1(bytes);
  const inflated = [...raw.matchAll(/stream\r?\n/g)].flatMap((m) => {
    try {
      return [latin1(inflateSync(Buffer.from(bytes).subarray(m.index + m[0].length)))];
    } catch {
      return [];
    }
  });
  const all = [raw, ...inflated].join('\n');
  // PDF text strings are often hex, UTF-16BE after a byte order mark: <FEFF004A…>.
  const hex = [...all.matchAll(/<FEFF((?:[0-9A-Fa-f]{4})+)>/g)].map((m) =>
    Buffer.from(m[1] ?? '', 'hex')
      .swap16()
      .toString('utf16le'),
  );
  return [all, ...hex].join('\n');
}

/** Every planted secret still readable in `bytes`. */
const leaks = (bytes: Uint8Array) => Object.values(secrets).filter((secret) => text(bytes).includes(secret));

/** The refusal `act` throws, or fails the test. */
function refusal(act: () => unknown): HandoutRefusedError {
  try {
    act();
  } catch (error) {
    if (error instanceof HandoutRefusedError) return error;
    throw error;
  }
  throw new Error('the upload was accepted');
}

/** A JPEG's markers in order, up to and including EOI, with the scans' data skipped. */
function jpegMarkers(bytes: Uint8Array): number[] {
  const markers: number[] = [];
  let at = 2;
  while (at < bytes.length) {
    const code = bytes[at + 1] ?? 0;
    markers.push(code);
    if (code === 0xd9) break;
    at += 2 + ((bytes[at + 2] ?? 0) << 8) + (bytes[at + 3] ?? 0);
    // After a scan header, its data runs to the next marker that is not a restart marker.
    const isMarker = (next = 0) => next !== 0 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7);
    if (code === 0xda) while (at < bytes.length && !(bytes[at] === 0xff && isMarker(bytes[at + 1]))) at++;
  }
  return markers;
}

/** A PNG's chunks: type, and whether its CRC is right. */
function pngChunks(bytes: Uint8Array): { type: string; crcOk: boolean; raw: Buffer }[] {
  const buffer = Buffer.from(bytes);
  const chunks = [];
  for (let at = 8; at < buffer.length; ) {
    const length = buffer.readUInt32BE(at);
    const raw = buffer.subarray(at, at + 12 + length);
    const expected = pngChunk(buffer.toString('latin1', at + 4, at + 8), raw.subarray(8, 8 + length));
    chunks.push({ type: raw.toString('latin1', 4, 8), crcOk: expected.equals(raw), raw });
    at += 12 + length;
  }
  return chunks;
}

describe('JPEG handouts', () => {
  it('drops EXIF (camera, GPS), XMP, IPTC, comments and trailing bytes, and the picture decodes to the same pixels', () => {
    // Prepare
    const original = jpegWithMetadata();
    const { camera, model, comment, xmpPerson, iptcByline } = secrets;
    expect(leaks(original)).toEqual(expect.arrayContaining([camera, model, comment, xmpPerson, iptcByline]));
    // Act
    const { bytes, type, ext } = prepareHandout(original, 'image/jpeg', 'photo.jpg', 'en');
    // Assess
    expect([type, ext]).toEqual(['image/jpeg', 'jpg']);
    expect(leaks(bytes)).toEqual([]);
    expect(text(bytes)).not.toMatch(/Exif|http:\/\/ns\.adobe\.com|Photoshop|MM\0\*/);
    const markers = jpegMarkers(bytes);
    expect(markers.at(-1)).toBe(0xd9);
    expect(markers).toContain(0xda);
    expect(markers.filter((m) => m === 0xe1 || m === 0xed || m === 0xfe)).toEqual([]);
    expect(Buffer.from(bytes).includes(iccSegment)).toBe(true);
    const before = jpeg.decode(original, { useTArray: true });
    const after = jpeg.decode(bytes, { useTArray: true });
    expect([after.width, after.height]).toEqual([16, 16]);
    expect(Buffer.from(after.data).equals(Buffer.from(before.data))).toBe(true);
    expect(after.comments ?? []).toEqual([]);
  });

  it('refuses a JPEG whose segment runs past the end, or that stops before its end of image', () => {
    // Prepare
    const original = jpegWithMetadata();
    const cut = original.subarray(0, original.indexOf(Buffer.from([0xff, 0xda])) + 6);
    // Act
    const truncated = refusal(() => prepareHandout(cut, 'image/jpeg', 'x.jpg', 'en'));
    const headerOnly = refusal(() => prepareHandout(original.subarray(0, 30), 'image/jpeg', 'x.jpg', 'en'));
    // Assess
    expect([truncated.statusCode, truncated.code]).toEqual([422, 'unreadable_file']);
    expect(headerOnly.code).toBe('unreadable_file');
  });
});

describe('PNG handouts', () => {
  it('drops tEXt, iTXt, zTXt, tIME and eXIf, keeps the picture and colour chunks with their CRCs, and ends at IEND', () => {
    // Prepare
    const original = pngWithMetadata();
    const { author, pngSoftware, xmpPerson, camera } = secrets;
    expect(leaks(original)).toEqual(expect.arrayContaining([author, pngSoftware, xmpPerson, camera]));
    // Act
    const { bytes } = prepareHandout(original, 'image/png', 'poster.png', 'zh-CN');
    // Assess
    expect(leaks(bytes)).toEqual([]);
    const chunks = pngChunks(bytes);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'gAMA', 'pHYs', 'IDAT', 'IDAT', 'IEND']);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    for (const chunk of chunks) expect(original.includes(chunk.raw)).toBe(true);
    expect(pngPixels(bytes).equals(pngRows())).toBe(true);
  });

  it('refuses a PNG with a broken CRC, without IEND, or with an unknown critical chunk', () => {
    // Prepare
    const original = pngWithMetadata();
    const broken = Buffer.from(original);
    broken[32] = (broken[32] ?? 0) ^ 0xff; // inside the IHDR chunk's data
    const noEnd = original.subarray(0, original.indexOf('IEND') - 4);
    const critical = Buffer.concat([
      original.subarray(0, 33),
      pngChunk('ABCD', Buffer.from('x')),
      original.subarray(33),
    ]);
    // Act
    const refusals = [broken, noEnd, critical].map((b) =>
      refusal(() => prepareHandout(b, 'image/png', '', 'en')),
    );
    // Assess
    expect(refusals.map((r) => r.code)).toEqual(['unreadable_file', 'unreadable_file', 'unreadable_file']);
  });
});

describe('PDF handouts', () => {
  it.each([
    ['with object streams', true],
    ['with a classic cross-reference table', false],
  ])(
    'drops the information dictionary and XMP (%s); pdf-lib opens it with the same pages and content',
    async (_, useObjectStreams) => {
      // Prepare
      const original = await pdfWithMetadata({ useObjectStreams });
      const { title, author, producer, creator, xmpPerson } = secrets;
      expect(leaks(original)).toEqual(expect.arrayContaining([title, author, producer, creator, xmpPerson]));
      // Act
      const { bytes, ext } = prepareHandout(original, 'application/pdf', 'handout.pdf', 'en');
      // Assess
      expect(ext).toBe('pdf');
      expect(leaks(bytes)).toEqual([]);
      expect(text(bytes)).not.toMatch(/\/Info|\/Metadata|xmpmeta|\/CreationDate|\/Producer/);
      const before = await PDFDocument.load(original, { updateMetadata: false });
      const after = await PDFDocument.load(bytes, { updateMetadata: false });
      expect(after.getPageCount()).toBe(2);
      expect([after.getTitle(), after.getAuthor(), after.getProducer(), after.getCreator()]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      // Each page's content streams, as stored (compressed), in order.
      const contents = (doc: PDFDocument) =>
        doc.getPages().map((page) => {
          const entry = page.node.Contents();
          const streams =
            entry instanceof PDFArray ? entry.asArray().map((ref) => doc.context.lookup(ref)) : [entry];
          return streams.map((stream) => Buffer.from((stream as PDFRawStream).contents).toString('hex'));
        });
      expect(contents(after)).toEqual(contents(before));
    },
  );

  it('drops the information dictionaries of earlier revisions too, which an incremental update leaves in the file', async () => {
    // Prepare
    const original = withIncrementalUpdate(await pdfWithMetadata({ useObjectStreams: false }));
    expect(text(original)).toContain(secrets.oldAuthor);
    // Act
    const { bytes } = prepareHandout(original, 'application/pdf', 'handout.pdf', 'en');
    // Assess
    expect(leaks(bytes)).toEqual([]);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(2);
  });

  it('refuses a file that starts like a PDF but has no catalog, and an encrypted one', () => {
    // Prepare
    const junk = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Page >>\nendobj\ntrailer\n<< /Size 2 >>\n%%EOF\n');
    const encrypted = Buffer.from(
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n' +
        'trailer\n<< /Size 3 /Root 1 0 R /Encrypt << /Filter /Standard >> >>\n%%EOF\n',
    );
    // Act
    const refusals = [junk, encrypted].map((b) =>
      refusal(() => prepareHandout(b, 'application/pdf', '', 'en')),
    );
    // Assess
    expect(refusals.map((r) => [r.statusCode, r.code])).toEqual([
      [422, 'unreadable_file'],
      [422, 'unreadable_file'],
    ]);
  });
});

describe('what a handout may be', () => {
  it('refuses bytes that are not what the Content-Type says, and types that are not PDF, JPEG or PNG (415)', () => {
    // Prepare
    const png = pngWithMetadata();
    // Act
    const asPdf = refusal(() => prepareHandout(png, 'application/pdf', 'x.pdf', 'en'));
    const asJpeg = refusal(() => prepareHandout(png, 'image/jpeg', 'x.jpg', 'en'));
    const gif = refusal(() => prepareHandout(Buffer.from('GIF89a'), 'image/gif', 'x.gif', 'en'));
    const none = refusal(() => prepareHandout(png, undefined, 'x.png', 'en'));
    // Assess
    for (const refused of [asPdf, asJpeg, gif, none]) {
      expect([refused.statusCode, refused.code]).toEqual([415, 'unsupported_type']);
    }
  });

  it('takes a file of exactly 4 MB and refuses one byte more (413)', () => {
    // Prepare: a real PNG padded with a private chunk to the limit, and one byte past it.
    const png = pngWithMetadata();
    const end = png.indexOf('IEND') - 4;
    const padded = (total: number) => {
      const filler = pngChunk('prVW', Buffer.alloc(total - png.length - 12));
      return Buffer.concat([png.subarray(0, end), filler, png.subarray(end)]);
    };
    // Act
    const atLimit = prepareHandout(padded(handoutLimits.bytes), 'image/png', 'big.png', 'en');
    const over = refusal(() => prepareHandout(padded(handoutLimits.bytes + 1), 'image/png', 'big.png', 'en'));
    // Assess
    expect(atLimit.bytes.byteLength).toBeLessThan(1024);
    expect([over.statusCode, over.code]).toEqual([413, 'too_large']);
    expect(over.toJSON().message).toContain('4 MB');
  });
});

describe('handout names', () => {
  it('keeps the last part of a path, without control or invisible characters, and collapses spaces', () => {
    expect(handoutName('C:\\Users\\li\\海报  final.PDF', 'application/pdf')).toBe('海报 final.PDF');
    expect(handoutName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(handoutName('photo\u202Egpj.exe', 'image/jpeg')).toBe('photogpj.exe.jpg');
    expect(handoutName('a\u0000b\r\nc.png', 'image/png')).toBe('abc.png');
  });

  it("ends in the type's extension, replacing another handout type's, and defaults when empty", () => {
    expect(handoutName('photo.png', 'image/jpeg')).toBe('photo.jpg');
    expect(handoutName('photo.JPEG', 'image/jpeg')).toBe('photo.JPEG');
    expect(handoutName('notes', 'application/pdf')).toBe('notes.pdf');
    expect(handoutName('', 'image/png')).toBe('handout.png');
    expect(handoutName(' /\u200b/ ', 'application/pdf')).toBe('handout.pdf');
    expect(handoutName(null, 'image/jpeg')).toBe('handout.jpg');
  });

  it('keeps at most 120 characters, never splitting a character', () => {
    // Act
    const name = handoutName(`${'讲'.repeat(200)}.pdf`, 'application/pdf');
    // Assess
    expect([...name]).toHaveLength(120);
    expect(name.endsWith('讲.pdf')).toBe(true);
  });
});
