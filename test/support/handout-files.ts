/**
 * Real files that carry metadata, made the way cameras, editors and PDF tools make them: a JPEG
 * with EXIF (camera make, GPS position), XMP, IPTC and a comment; a PNG with text, time and EXIF
 * chunks; a PDF with a document information dictionary and XMP. Each hides `secret` strings the
 * tests then look for.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import * as jpeg from 'jpeg-js';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';

/** Strings planted in the metadata; none may survive stripping. */
export const secrets = {
  camera: 'HutongCam Z9',
  model: 'Lanting-Model-7',
  comment: 'Shot behind building 4, Lanting',
  xmpPerson: 'Li Xiaoming (XMP)',
  iptcByline: 'IPTC Byline Wang',
  author: 'Jane Trainer',
  title: 'Secret draft title',
  producer: 'Hutong Secret Producer',
  creator: 'Hutong Secret Creator',
  oldAuthor: 'Old Revision Author',
  pngSoftware: 'Editor 3000 on a laptop of Li',
  trailing: 'APPENDED AFTER THE END',
} as const;

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const u32 = (n: number) => Buffer.from([(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);

/** One IFD entry: tag, type (2 ASCII, 4 LONG, 5 RATIONAL), count, value or offset. */
const ifdEntry = (tag: number, type: number, count: number, value: Buffer) =>
  Buffer.concat([u16(tag), u16(type), u32(count), Buffer.concat([value, Buffer.alloc(4)]).subarray(0, 4)]);

/** A big-endian TIFF as EXIF holds it: IFD0 with Make, Model and the GPS IFD, which has a position. */
export function exifTiff(): Buffer {
  const make = latin1(`${secrets.camera}\0`);
  const model = latin1(`${secrets.model}\0`);
  const ifd0At = 8;
  const valuesAt = ifd0At + 2 + 3 * 12 + 4;
  const gpsAt = valuesAt + make.length + model.length + ((make.length + model.length) % 2);
  const ratAt = gpsAt + 2 + 4 * 12 + 4;
  const rationals = (d: number, m: number) => Buffer.concat([d, 1, m, 1, 0, 1].map(u32));
  return Buffer.concat([
    latin1('MM\0*'),
    u32(ifd0At),
    u16(3),
    ifdEntry(0x010f, 2, make.length, u32(valuesAt)),
    ifdEntry(0x0110, 2, model.length, u32(valuesAt + make.length)),
    ifdEntry(0x8825, 4, 1, u32(gpsAt)),
    u32(0),
    make,
    model,
    Buffer.alloc((make.length + model.length) % 2),
    u16(4),
    ifdEntry(0x0001, 2, 2, latin1('N\0')),
    ifdEntry(0x0002, 5, 3, u32(ratAt)),
    ifdEntry(0x0003, 2, 2, latin1('E\0')),
    ifdEntry(0x0004, 5, 3, u32(ratAt + 24)),
    u32(0),
    rationals(30, 15),
    rationals(120, 9),
  ]);
}

/** A marker segment: FF, the marker, the length, the data. */
const segment = (code: number, data: Buffer) =>
  Buffer.concat([Buffer.from([0xff, code]), u16(data.length + 2), data]);

/** An ICC profile segment (APP2), which stripping keeps: it says what the colours mean. */
export const iccSegment = segment(
  0xe2,
  Buffer.concat([latin1('ICC_PROFILE\0'), Buffer.from([1, 1]), latin1('sRGB-ish profile data')]),
);

/** A 16×16 gradient, as RGBA. */
export function gradient(width = 16, height = 16): Buffer {
  const pixels = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) pixels.set([(i * 7) % 256, (i * 3) % 256, 128, 255], i * 4);
  return pixels;
}

/**
 * A camera's JPEG: encoded by jpeg-js with an EXIF APP1 (make, model, GPS) and a comment, then
 * XMP (APP1), Photoshop/IPTC (APP13) and an ICC profile (APP2) as editors add them, and bytes
 * after the end of the image.
 */
export function jpegWithMetadata(): Buffer {
  const encoded = jpeg.encode(
    {
      data: gradient(),
      width: 16,
      height: 16,
      exifBuffer: Buffer.concat([latin1('Exif\0\0'), exifTiff()]),
      comments: [secrets.comment],
    } as jpeg.RawImageData<Buffer> & { comments: string[] },
    90,
  ).data;
  const afterApp0 = 4 + ((encoded[4] ?? 0) << 8) + (encoded[5] ?? 0);
  const xmp = segment(
    0xe1,
    latin1(
      `http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>${secrets.xmpPerson}</dc:creator></x:xmpmeta>`,
    ),
  );
  const iptc = segment(
    0xed,
    Buffer.concat([
      latin1('Photoshop 3.0\x008BIM\x04\x04\0\0'),
      u32(30),
      latin1(`\x1c\x02\x50${secrets.iptcByline}`),
    ]),
  );
  return Buffer.concat([
    encoded.subarray(0, afterApp0),
    xmp,
    iptc,
    iccSegment,
    encoded.subarray(afterApp0),
    latin1(secrets.trailing),
  ]);
}

/** A PNG chunk with its CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([latin1(type), data]);
  return Buffer.concat([u32(data.length), body, u32(crc32(body))]);
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}

/** The filtered rows of a 16×16 RGB picture (filter byte 0 on each row). */
export function pngRows(): Buffer {
  const rgba = gradient();
  const rows: Buffer[] = [];
  for (let y = 0; y < 16; y++) {
    const row = Buffer.alloc(1 + 16 * 3);
    for (let x = 0; x < 16; x++) rgba.copy(row, 1 + x * 3, (y * 16 + x) * 4, (y * 16 + x) * 4 + 3);
    rows.push(row);
  }
  return Buffer.concat(rows);
}

/** The image data of a PNG: its IDAT chunks, joined and inflated. */
export function pngPixels(png: Uint8Array): Buffer {
  const buffer = Buffer.from(png);
  const parts: Buffer[] = [];
  for (let at = 8; at < buffer.length; at += 12 + buffer.readUInt32BE(at)) {
    if (buffer.toString('latin1', at + 4, at + 8) === 'IDAT')
      parts.push(buffer.subarray(at + 8, at + 8 + buffer.readUInt32BE(at)));
  }
  return inflateSync(Buffer.concat(parts));
}

/** A PNG as editors save it: pHYs and gAMA, tEXt (Author, Software), iTXt, zTXt, tIME, eXIf. */
export function pngWithMetadata(): Buffer {
  const ihdr = Buffer.concat([u32(16), u32(16), Buffer.from([8, 2, 0, 0, 0])]);
  const data = deflateSync(pngRows());
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    pngChunk('IHDR', ihdr),
    pngChunk('gAMA', u32(45455)),
    pngChunk('tEXt', latin1(`Author\0${secrets.author}`)),
    pngChunk('tEXt', latin1(`Software\0${secrets.pngSoftware}`)),
    pngChunk(
      'iTXt',
      Buffer.concat([
        latin1('XML:com.adobe.xmp\0\0\0\0\0'),
        Buffer.from(`<dc:creator>${secrets.xmpPerson}</dc:creator>`),
      ]),
    ),
    pngChunk('zTXt', Buffer.concat([latin1('Comment\0\0'), deflateSync(latin1(secrets.comment))])),
    pngChunk('tIME', Buffer.from([0x07, 0xea, 11, 28, 9, 30, 0])),
    pngChunk('eXIf', exifTiff()),
    pngChunk('pHYs', Buffer.concat([u32(2835), u32(2835), Buffer.from([1])])),
    pngChunk('IDAT', data.subarray(0, 20)),
    pngChunk('IDAT', data.subarray(20)),
    pngChunk('IEND', Buffer.alloc(0)),
    latin1(secrets.trailing),
  ]);
}

/**
 * A two-page PDF made with pdf-lib, with a document information dictionary (Title, Author,
 * Subject, Keywords, Creator, Producer, dates) and an XMP stream on its catalog.
 */
export async function pdfWithMetadata(options: { useObjectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(secrets.title);
  doc.setAuthor(secrets.author);
  doc.setSubject(secrets.comment);
  doc.setKeywords([secrets.camera]);
  doc.setCreator(secrets.creator);
  doc.setProducer(secrets.producer);
  doc.setCreationDate(new Date('2026-11-28T09:30:00Z'));
  doc.setModificationDate(new Date('2026-11-28T10:00:00Z'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Body safety: the underwear rule', { font, x: 50, y: 700, size: 18 });
  doc.addPage().drawText('Who to tell', { font, x: 50, y: 700, size: 18 });
  const xmp = `<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>${secrets.xmpPerson}</dc:creator></x:xmpmeta><?xpacket end="w"?>`;
  const stream = doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  return doc.save({ useObjectStreams: options.useObjectStreams ?? true });
}

/**
 * The PDF with an incremental update appended, as Acrobat saves an edit: a new information
 * dictionary and trailer after the old ones, which stay in the file. Needs a classic trailer
 * (pdf-lib's `useObjectStreams: false`).
 */
export function withIncrementalUpdate(pdf: Uint8Array): Buffer {
  const original = Buffer.from(pdf);
  const tail = original.toString('latin1').slice(-512);
  const size = Number(/\/Size (\d+)/.exec(tail)?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(tail)?.[1];
  if (!size || !root) throw new Error('no classic trailer to update');
  const objectAt = original.length + 1;
  const object = `\n${size} 0 obj\n<< /Author (${secrets.oldAuthor}) /Title (${secrets.title} v2) >>\nendobj\n`;
  const xrefAt = original.length + object.length;
  const xref = `xref\n${size} 1\n${String(objectAt).padStart(10, '0')} 00000 n\r\n`;
  const startxref = /startxref\s+(\d+)/.exec(original.toString('latin1').slice(-64))?.[1] ?? '0';
  const trailer = `trailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([original, latin1(object + xref + trailer)]);
}
