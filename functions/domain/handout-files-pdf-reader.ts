/**
 * Reads every object a PDF file holds, in file order, as a reader repairing a file would: each
 * `n g obj … endobj` in turn (streams by their length), the objects packed in object streams,
 * and the trailers (classic, and cross-reference streams'), later ones overriding earlier ones, as
 * incremental updates do. The cross-reference tables themselves are not trusted. Pure.
 */
import { inflateSync } from 'node:zlib';
import { MalformedFileError } from './errors.ts';
import {
  entry,
  integerOf,
  isName,
  type PdfDict,
  type PdfValue,
  readValue,
  skipSpace,
  word,
} from './handout-files-pdf-lexer.ts';

/** One object: its value, and a stream's bytes (still encoded) when it is a stream. */
export interface PdfObject {
  gen: number;
  value: PdfValue;
  stream?: Uint8Array;
}

/** What a PDF file holds: its version, its objects by number, and its trailer. */
export interface PdfFile {
  version: string;
  objects: Map<number, PdfObject>;
  trailer: Map<string, PdfValue>;
}

/** More decoded bytes than this from a file's object streams is a decompression bomb, not a handout. */
const maxInflated = 64 * 1024 * 1024;
const objectHeader = /(\d{1,9})[\0\t\n\f\r ]+(\d{1,5})[\0\t\n\f\r ]+obj(?![^\0\t\n\f\r ()<>[\]{}/%])/y;
const resync = /\d{1,9}[\0\t\n\f\r ]+\d{1,5}[\0\t\n\f\r ]+obj\b|trailer|startxref/g;

/** Integer objects (`7 0 obj 1234 endobj`): the indirect lengths of streams, found up front. */
function integerObjects(text: string): Map<number, number> {
  const found = new Map<number, number>();
  for (const m of text.matchAll(
    /(\d{1,9})[\0\t\n\f\r ]+\d{1,5}[\0\t\n\f\r ]+obj[\0\t\n\f\r ]*(\d+)[\0\t\n\f\r ]*endobj/g,
  )) {
    found.set(Number(m[1]), Number(m[2]));
  }
  return found;
}

/** Where a stream's bytes end: at its /Length when `endstream` follows it, else at `endstream`. */
function streamEnd(text: string, start: number, length: number | undefined): number {
  if (length !== undefined && start + length <= text.length) {
    const after = skipSpace(text, start + length);
    if (text.startsWith('endstream', after)) return start + length;
  }
  const keyword = text.indexOf('endstream', start);
  if (keyword < 0) throw new MalformedFileError('pdf: a stream never ends');
  // The end-of-line before `endstream` is not part of the data.
  if (text[keyword - 1] === '\n') return text[keyword - 2] === '\r' ? keyword - 2 : keyword - 1;
  return text[keyword - 1] === '\r' ? keyword - 1 : keyword;
}

/** Reads `n g obj … endobj` at `at`; returns the object and where it ends. */
function readObject(text: string, bytes: Uint8Array, at: number, lengths: Map<number, number>) {
  objectHeader.lastIndex = at;
  const header = objectHeader.exec(text);
  if (!header) throw new MalformedFileError('pdf: not an object');
  const num = Number(header[1]);
  let p = skipSpace(text, objectHeader.lastIndex);
  const object: PdfObject = { gen: Number(header[2]), value: { kind: 'raw', text: 'null' } };
  if (!text.startsWith('endobj', p)) {
    const read = readValue(text, p);
    object.value = read.value;
    p = skipSpace(text, read.end);
  }
  if (object.value.kind === 'dict' && text.startsWith('stream', p)) {
    p += 'stream'.length;
    p += text.startsWith('\r\n', p) ? 2 : text[p] === '\n' || text[p] === '\r' ? 1 : 0;
    const length = entry(object.value, 'Length');
    const known = length?.kind === 'ref' ? lengths.get(length.num) : integerOf(length);
    const end = streamEnd(text, p, known);
    object.stream = bytes.subarray(p, end);
    p = skipSpace(text, text.indexOf('endstream', end) + 'endstream'.length);
  }
  if (text.startsWith('endobj', p)) p += 'endobj'.length;
  return { num, object, end: p };
}

/** The objects packed in an object stream (`/Type /ObjStm`), each at generation 0. */
function unpack(stream: PdfObject, budget: { inflated: number }): [number, PdfObject][] {
  const filter = entry(stream.value, 'Filter');
  const plain = filter === undefined || isName(filter, 'FlateDecode');
  if (!plain || entry(stream.value, 'DecodeParms') || !stream.stream) {
    throw new MalformedFileError('pdf: an object stream this reader cannot open');
  }
  let decoded: Buffer;
  try {
    const room = Math.max(1, maxInflated - budget.inflated);
    decoded = filter ? inflateSync(stream.stream, { maxOutputLength: room }) : Buffer.from(stream.stream);
  } catch (cause) {
    throw new MalformedFileError(`pdf: an object stream does not inflate (${String(cause)})`);
  }
  budget.inflated += decoded.length;
  const text = decoded.toString('latin1');
  const count = integerOf(entry(stream.value, 'N')) ?? 0;
  const first = integerOf(entry(stream.value, 'First')) ?? 0;
  const header = text
    .slice(0, first)
    .trim()
    .split(/[\0\t\n\f\r ]+/)
    .map(Number);
  const packed: [number, PdfObject][] = [];
  for (let i = 0; i < count; i++) {
    const num = header[2 * i];
    const offset = header[2 * i + 1];
    if (num === undefined || offset === undefined || Number.isNaN(num + offset)) {
      throw new MalformedFileError('pdf: an object stream with a broken index');
    }
    packed.push([num, { gen: 0, value: readValue(text, first + offset).value }]);
  }
  return packed;
}

/**
 * Every object of the file, and its trailer. Throws MalformedFileError when the file has no
 * header, when an object can't be read, or when it is encrypted (its strings can't be read here).
 */
export function readPdf(bytes: Uint8Array): PdfFile {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const version = /%PDF-(\d\.\d)/.exec(text.slice(0, 1024))?.[1];
  if (!version) throw new MalformedFileError('pdf: no header');
  const lengths = integerObjects(text);
  const objects = new Map<number, PdfObject>();
  const trailer = new Map<string, PdfValue>();
  const merge = (dict: PdfDict) => {
    for (const [key, value] of dict.entries) trailer.set(key, value);
  };
  const budget = { inflated: 0 };
  let at = skipSpace(text, text.indexOf('%PDF-'));
  while (at < text.length) {
    objectHeader.lastIndex = at;
    const { token, end } = word(text, at);
    if (objectHeader.test(text)) {
      const read = readObject(text, bytes, at, lengths);
      objects.set(read.num, read.object);
      const type = entry(read.object.value, 'Type');
      if (isName(type, 'ObjStm')) {
        for (const [num, object] of unpack(read.object, budget)) objects.set(num, object);
      }
      if (isName(type, 'XRef')) merge(read.object.value as PdfDict);
      at = skipSpace(text, read.end);
    } else if (token === 'trailer') {
      const read = readValue(text, end);
      if (read.value.kind !== 'dict') throw new MalformedFileError('pdf: a trailer is not a dictionary');
      merge(read.value);
      at = skipSpace(text, read.end);
    } else {
      // A cross-reference table, `startxref` and its offset, or junk: go on at the next object.
      resync.lastIndex = at + 1;
      const next = resync.exec(text);
      if (!next) break;
      at = next.index;
    }
  }
  if (trailer.has('Encrypt')) throw new MalformedFileError('pdf: encrypted');
  return { version, objects, trailer };
}
