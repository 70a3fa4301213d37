/**
 * UI strings, one JSON file per language with dotted keys. `t()` looks a key up and fills in
 * `{name}` placeholders; a missing key is a type error, and a test keeps the files in step.
 */
import type { Language } from '../../../functions/domain/languages.ts';
import en from './en.json';
import zhCN from './zh-CN.json';

/** A key of the UI strings. */
export type UiKey = keyof typeof zhCN;

/** Values for a string's `{placeholders}`. */
export type UiValues = Readonly<Record<string, string | number>>;

const strings: Record<Language, Record<UiKey, string>> = { 'zh-CN': zhCN, en };

/**
 * The UI string `key` in `lang`, with its placeholders filled.
 * @example t('en', 'report.categories.hint', { min: 1, max: 5 }) // 'Choose between 1 and 5.'
 */
export function t(lang: Language, key: UiKey, values: UiValues = {}): string {
  return strings[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/**
 * A `t()` bound to one language, for a page's frontmatter.
 * @example const tr = translator(lang); tr('nav.home')
 */
export function translator(lang: Language): (key: UiKey, values?: UiValues) => string {
  return (key, values) => t(lang, key, values);
}

/**
 * Splits a string around one `{placeholder}`, so a page can put a link in its place.
 * @example splitAround('Call {number} now', 'number') // ['Call ', ' now']
 */
export function splitAround(text: string, name: string): [string, string] {
  const [before = '', after = ''] = text.split(`{${name}}`);
  return [before, after];
}
