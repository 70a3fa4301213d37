/**
 * PDF objects (ISO 32000 §7.3) read from the file's text: names, strings, numbers, arrays,
 * dictionaries and references. Strings and numbers keep their exact bytes, so writing a value
 * back changes nothing in it. The file is read as Latin-1, one character per byte. Pure.
 */
import { MalformedFileError } from './errors.ts';

/** A PDF value. `raw` is a number, string, boolean or null exactly as written. */
export type PdfValue =
  | { kind: 'raw'; text: string }
  | { kind: 'name'; name: string }
  | { kind: 'ref'; num: number; gen: number }
  | { kind: 'array'; items: PdfValue[] }
  | { kind: 'dict'; entries: Map<string, PdfValue> };

/** A dictionary value. */
export type PdfDict = Extract<PdfValue, { kind: 'dict' }>;

/** Nesting deeper than this is no document, only an attempt to exhaust the parser. */
const maxDepth = 64;

const whitespace = new Set(['\0', '\t', '\n', '\f', '\r', ' ']);
const delimiters = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
const regular = (c: string | undefined) => c !== undefined && !whitespace.has(c) && !delimiters.has(c);

/** The position of the next token: whitespace and comments skipped. */
export function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const c = text[i];
    if (c === '%') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (whitespace.has(c as string)) i++;
    else break;
  }
  return i;
}

/** The keyword or number token at `at` (regular characters), and where it ends. */
export function word(text: string, at: number): { token: string; end: number } {
  let end = at;
  while (regular(text[end])) end++;
  return { token: text.slice(at, end), end };
}

function literalString(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new MalformedFileError('pdf: a string never ends');
}

function hexString(text: string, at: number): number {
  const end = text.indexOf('>', at);
  if (end < 0 || !/^[0-9A-Fa-f\0\t\n\f\r ]*$/.test(text.slice(at + 1, end))) {
    throw new MalformedFileError('pdf: a broken hex string');
  }
  return end + 1;
}

function decodeName(raw: string): string {
  return raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

const integer = /^\d+$/;

/**
 * Reads the value at `at` (after any whitespace); returns it and where it ends. Throws
 * MalformedFileError on anything else, a keyword included.
 */
export function readValue(text: string, at: number, depth = 0): { value: PdfValue; end: number } {
  if (depth > maxDepth) throw new MalformedFileError('pdf: nested too deep');
  const i = skipSpace(text, at);
  const c = text[i];
  if (c === '/') {
    const { token, end } = word(text, i + 1);
    return { value: { kind: 'name', name: decodeName(token) }, end };
  }
  if (c === '(') {
    const end = literalString(text, i);
    return { value: { kind: 'raw', text: text.slice(i, end) }, end };
  }
  if (c === '<' && text[i + 1] === '<') {
    const entries = new Map<string, PdfValue>();
    let p = skipSpace(text, i + 2);
    while (!(text[p] === '>' && text[p + 1] === '>')) {
      const key = readValue(text, p, depth + 1);
      if (key.value.kind !== 'name') throw new MalformedFileError('pdf: a dictionary key is not a name');
      const entry = readValue(text, key.end, depth + 1);
      entries.set(key.value.name, entry.value);
      p = skipSpace(text, entry.end);
    }
    return { value: { kind: 'dict', entries }, end: p + 2 };
  }
  if (c === '<') {
    const end = hexString(text, i);
    return { value: { kind: 'raw', text: text.slice(i, end) }, end };
  }
  if (c === '[') {
    const items: PdfValue[] = [];
    let p = skipSpace(text, i + 1);
    while (text[p] !== ']') {
      const item = readValue(text, p, depth + 1);
      items.push(item.value);
      p = skipSpace(text, item.end);
    }
    return { value: { kind: 'array', items }, end: p + 1 };
  }
  const { token, end } = word(text, i);
  if (integer.test(token)) {
    // `12 0 R` is a reference; anything else after the integer is the next value.
    const gen = word(text, skipSpace(text, end));
    const r = word(text, skipSpace(text, gen.end));
    if (integer.test(gen.token) && r.token === 'R') {
      return { value: { kind: 'ref', num: Number(token), gen: Number(gen.token) }, end: r.end };
    }
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token) || token === 'true' || token === 'false' || token === 'null') {
    return { value: { kind: 'raw', text: token }, end };
  }
  throw new MalformedFileError(`pdf: unexpected ${token ? `"${token.slice(0, 20)}"` : 'end'} at ${i}`);
}

/** The entry `key` of a dictionary value, if it is one. */
export function entry(value: PdfValue | undefined, key: string): PdfValue | undefined {
  return value?.kind === 'dict' ? value.entries.get(key) : undefined;
}

/** True when `value` is the name `name`. */
export function isName(value: PdfValue | undefined, name: string): boolean {
  return value?.kind === 'name' && value.name === name;
}

/** The non-negative integer `value` holds, if it is one. */
export function integerOf(value: PdfValue | undefined): number | undefined {
  return value?.kind === 'raw' && integer.test(value.text) ? Number(value.text) : undefined;
}
