/**
 * Strips a PDF's metadata by writing the document again from its catalog: only objects reachable
 * from the catalog are written, so the document information dictionary (Title, Author, Creator,
 * Producer, dates: reachable only from the trailer) is gone, with every older copy of it that
 * incremental updates left in the file. XMP (`/Metadata`, on the catalog, pages, images or fonts)
 * and application private data (`/PieceInfo` with its `/LastModified`) are removed wherever they
 * are. Streams (page content, fonts, images) are copied byte for byte, never decoded. Pure.
 *
 * Why not pdf-lib: it does this in a few lines, but it is 430 KB minified (its standard fonts
 * alone are 130 KB and come with any import), and the upload function's whole bundle must stay
 * under 400 KB. The tests check the output with pdf-lib itself.
 */
import { MalformedFileError } from './errors.ts';
import { entry, type PdfValue } from './handout-files-pdf-lexer.ts';
import { type PdfObject, readPdf } from './handout-files-pdf-reader.ts';

/** Keys that carry metadata or private application data, dropped from every dictionary. */
const droppedKeys = new Set(['Metadata', 'PieceInfo', 'LastModified']);

/** The characters a name writes as `#xx`: outside `!`–`~`, delimiters and `#` itself. */
const nameEscapes = /[^!-~]|[()<>[\]{}/%#]/g;

/** Writes a value as PDF text, with references renumbered by `ref`. */
function serialize(value: PdfValue, ref: (num: number) => string): string {
  switch (value.kind) {
    case 'raw':
      return value.text;
    case 'name':
      return `/${value.name.replace(nameEscapes, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;
    case 'ref':
      return ref(value.num);
    case 'array':
      return `[${value.items.map((item) => serialize(item, ref)).join(' ')}]`;
    case 'dict':
      return `<<${[...value.entries].map(([k, v]) => `${serialize({ kind: 'name', name: k }, ref)} ${serialize(v, ref)}`).join(' ')}>>`;
  }
}

/** The value without metadata keys, at any depth. */
function clean(value: PdfValue): PdfValue {
  if (value.kind === 'array') return { kind: 'array', items: value.items.map(clean) };
  if (value.kind !== 'dict') return value;
  const entries = new Map<string, PdfValue>();
  for (const [key, item] of value.entries) if (!droppedKeys.has(key)) entries.set(key, clean(item));
  return { kind: 'dict', entries };
}

/** The numbers of the objects `value` refers to. */
function* references(value: PdfValue): Generator<number> {
  if (value.kind === 'ref') yield value.num;
  else if (value.kind === 'array') for (const item of value.items) yield* references(item);
  else if (value.kind === 'dict') for (const item of value.entries.values()) yield* references(item);
}

/**
 * The PDF without its metadata. Throws MalformedFileError when it can't be read, is encrypted, or
 * has no catalog with a page tree.
 */
export function stripPdf(bytes: Uint8Array): Uint8Array {
  const file = readPdf(bytes);
  const root = file.trailer.get('Root');
  const catalog = root?.kind === 'ref' ? file.objects.get(root.num) : undefined;
  if (root?.kind !== 'ref' || !catalog || entry(catalog.value, 'Pages')?.kind !== 'ref') {
    throw new MalformedFileError('pdf: no catalog with pages');
  }
  // Objects reachable from the catalog, numbered 1, 2, … in the order they are found.
  const kept: { num: number; object: PdfObject; value: PdfValue }[] = [];
  const numbers = new Map<number, number>();
  const visit = (num: number) => {
    const object = file.objects.get(num);
    if (!object || numbers.has(num)) return;
    numbers.set(num, numbers.size + 1);
    const value = clean(object.value);
    if (object.stream && value.kind === 'dict') {
      value.entries.set('Length', { kind: 'raw', text: String(object.stream.length) });
    }
    kept.push({ num, object, value });
  };
  visit(root.num);
  for (let i = 0; i < kept.length; i++) for (const num of references(kept[i]?.value ?? nullValue)) visit(num);

  // A reference to an object the file doesn't have is null, as the standard reads it.
  const ref = (num: number) => (numbers.has(num) ? `${numbers.get(num)} 0 R` : 'null');
  const chunks: Buffer[] = [Buffer.from(`%PDF-${file.version}\n%\u00e2\u00e3\u00cf\u00d3\n`, 'latin1')];
  let length = chunks[0]?.length ?? 0;
  const offsets: number[] = [];
  const write = (chunk: Buffer) => {
    chunks.push(chunk);
    length += chunk.length;
  };
  for (const [index, { object, value }] of kept.entries()) {
    offsets.push(length);
    write(Buffer.from(`${index + 1} 0 obj\n${serialize(value, ref)}\n`, 'latin1'));
    if (object.stream) {
      write(Buffer.from('stream\n', 'latin1'));
      write(Buffer.from(object.stream));
      write(Buffer.from('\nendstream\n', 'latin1'));
    }
    write(Buffer.from('endobj\n', 'latin1'));
  }
  const xref = length;
  const rows = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n\r\n`).join('');
  write(
    Buffer.from(
      `xref\n0 ${kept.length + 1}\n0000000000 65535 f\r\n${rows}` +
        `trailer\n<</Size ${kept.length + 1} /Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(chunks);
}

const nullValue: PdfValue = { kind: 'raw', text: 'null' };
