/**
 * The built site as parsed documents: every HTML page in site/dist, with the language its path
 * says it is in, and a few helpers to query parse5's tree the way a test reads a page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { deployment } from '../../functions/config.ts';
import type { Language } from '../../functions/domain/languages.ts';
import { siteDist } from '../../infra/site-build.ts';

type Node = DefaultTreeAdapterMap['node'];
/** An element of a parsed page. */
export type Element = DefaultTreeAdapterMap['element'];

/** One built page. */
export interface BuiltPage {
  /** Its URL path, e.g. `/en/report/` or `/404.html`. */
  url: string;
  /** The language its path says it is in. */
  lang: Language;
  /** Its language-neutral path, e.g. `/report/`, or undefined for pages without twins (404). */
  path: string | undefined;
  html: string;
  document: DefaultTreeAdapterMap['document'];
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(full);
    return entry.name.endsWith('.html') ? [full] : [];
  });
}

function urlOf(file: string): string {
  const path = `/${relative(siteDist, file).split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

const rootLanguage = deployment.languages[0] as Language;
const prefixed = deployment.languages.filter((lang) => lang !== rootLanguage);

/** The language a URL path belongs to, and its path with the language prefix removed. */
export function languageOfUrl(url: string): { lang: Language; path: string } {
  for (const lang of prefixed) {
    const prefix = `/${lang.toLowerCase()}/`;
    if (url.startsWith(prefix)) return { lang, path: url.slice(prefix.length - 1) };
  }
  return { lang: rootLanguage, path: url };
}

/** The URL of the page at `path` in `lang`. */
export function urlIn(lang: Language, path: string): string {
  return lang === rootLanguage ? path : `/${lang.toLowerCase()}${path}`;
}

/** Every built page, parsed. */
export function builtPages(): BuiltPage[] {
  return htmlFiles(siteDist)
    .sort()
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      const url = urlOf(file);
      const { lang, path } = languageOfUrl(url);
      return { url, lang, path: url.endsWith('.html') ? undefined : path, html, document: parse(html) };
    });
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function childrenOf(node: Node): Node[] {
  const own = 'childNodes' in node ? node.childNodes : [];
  // <template> keeps its children in .content.
  const content =
    isElement(node) && node.tagName === 'template' ? (node as { content?: Node }).content : undefined;
  return content ? [...own, content] : own;
}

/** Every element under `root`, in document order. */
export function elements(root: Node): Element[] {
  const found: Element[] = [];
  const visit = (node: Node) => {
    if (isElement(node)) found.push(node);
    for (const child of childrenOf(node)) visit(child);
  };
  visit(root);
  return found;
}

/** Elements under `root` with `tag`, optionally also matching `filter`. */
export function all(root: Node, tag: string, filter: (el: Element) => boolean = () => true): Element[] {
  return elements(root).filter((el) => el.tagName === tag && filter(el));
}

/** The value of an attribute, or undefined. */
export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** The element's text, as a reader would see it with whitespace collapsed. */
export function text(node: Node): string {
  const parts: string[] = [];
  const visit = (n: Node) => {
    if (n.nodeName === '#text') parts.push((n as DefaultTreeAdapterMap['textNode']).value);
    for (const child of childrenOf(n)) visit(child);
  };
  visit(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The first element under `root` with `tag`, or throws (so a missing element fails clearly). */
export function one(root: Node, tag: string, filter: (el: Element) => boolean = () => true): Element {
  const [el] = all(root, tag, filter);
  if (!el) throw new Error(`no <${tag}> matching the test's filter`);
  return el;
}

/** What a built script pulls in after it: its static imports and the workers it starts. */
function pulledIn(asset: string): string[] {
  if (!asset.endsWith('.js')) return [];
  const code = readFileSync(join(siteDist, asset), 'utf8');
  const imports = [...code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) =>
    posix.join(posix.dirname(asset), m[1] ?? ''),
  );
  const workers = [...code.matchAll(/new URL\(\s*["'](\/_astro\/[^"']+)["']/g)].map((m) => m[1] ?? '');
  return [...imports, ...workers];
}

/** Every asset a page loads (scripts, stylesheets, their imports and workers), once each. */
export function assetsOf(page: BuiltPage): string[] {
  const scripts = all(page.document, 'script').flatMap((s) => attr(s, 'src') ?? []);
  const styles = all(page.document, 'link', (l) => attr(l, 'rel') === 'stylesheet').flatMap(
    (l) => attr(l, 'href') ?? [],
  );
  const seen = new Set<string>();
  const visit = (asset: string) => {
    if (seen.has(asset)) return;
    seen.add(asset);
    for (const next of pulledIn(asset)) visit(next);
  };
  for (const asset of [...scripts, ...styles]) visit(asset);
  return [...seen];
}
