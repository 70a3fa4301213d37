/**
 * No broken links in the built site: every address a page refers to on this origin is a built
 * page or file (or an API route), every #fragment is on its page, and a page links to another
 * language's pages only where the link says it does (the language switch, hreflang, text marked
 * with that language).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.ts';
import { siteDist } from '../../infra/site-build.ts';
import { attr, type BuiltPage, builtPages, type Element, elements, languageOfUrl } from './built-pages.ts';

const pages = builtPages();
const origin = 'https://portal.invalid';

/** The attributes through which a page refers to other addresses. */
const referring: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  iframe: ['src'],
  form: ['action'],
  use: ['href', 'xlink:href'],
};

/** One same-origin reference of a page. */
interface Reference {
  element: Element;
  /** As written in the page. */
  written: string;
  url: URL;
}

function referencesOf(page: BuiltPage): Reference[] {
  return elements(page.document).flatMap((element) =>
    (referring[element.tagName] ?? []).flatMap((name) => {
      const written = attr(element, name);
      if (written === undefined) return [];
      const url = new URL(written, `${origin}${page.url}`);
      return url.origin === origin ? [{ element, written, url }] : [];
    }),
  );
}

/** Ids (and `a[name]`s) on each built page, by URL path. */
const anchors = new Map(
  pages.map((page) => [
    page.url,
    new Set(
      elements(page.document).flatMap((el) => {
        const id = attr(el, 'id');
        const name = el.tagName === 'a' ? attr(el, 'name') : undefined;
        return [id, name].filter((value): value is string => value !== undefined);
      }),
    ),
  ]),
);

/** The API's paths as patterns: `{ref}` matches one segment. */
const apiRoutes = routes.map((route) => ({
  method: route.method,
  pattern: new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`),
}));

const pagefindBuilt = existsSync(join(siteDist, 'pagefind'));

/** Why a same-origin address does not resolve, or undefined when it does. */
function brokenBecause(reference: Reference): string | undefined {
  const { pathname } = reference.url;
  if (pathname.startsWith('/api/')) {
    const method =
      reference.element.tagName === 'form' ? (attr(reference.element, 'method') ?? 'get') : 'get';
    const known = apiRoutes.some((r) => r.method === method.toUpperCase() && r.pattern.test(pathname));
    return known ? undefined : `no ${method.toUpperCase()} route`;
  }
  if (pathname.startsWith('/pagefind/') && !pagefindBuilt) return undefined;
  const file = join(siteDist, decodeURIComponent(pathname));
  if (pathname.endsWith('/')) return existsSync(join(file, 'index.html')) ? undefined : 'no index.html';
  if (!existsSync(file)) return 'not built';
  // CloudFront and the local runtime would redirect it; links should say what they mean.
  return statSync(file).isDirectory() ? 'a folder without its trailing slash' : undefined;
}

/** The language of the text an element sits in: its own or its nearest ancestor's `lang`. */
function languageAround(page: BuiltPage, element: Element): string {
  for (let node: Element | undefined = element; node; node = node.parentNode as Element | undefined) {
    const lang = 'attrs' in node ? attr(node, 'lang') : undefined;
    if (lang) return lang;
  }
  return page.lang;
}

const isPage = (url: URL) => url.pathname.endsWith('/') || url.pathname.endsWith('.html');

describe.each(pages.map((page) => [page.url, page] as const))('page %s', (_url, page) => {
  const references = referencesOf(page);

  it('refers only to pages, files and API routes that exist', () => {
    // Act
    const broken = references.flatMap((r) => {
      const why = brokenBecause(r);
      return why ? [`<${r.element.tagName}> ${r.written}: ${why}`] : [];
    });

    // Assess
    expect(broken).toEqual([]);
  });

  it('links only to #fragments that are on their page', () => {
    // Act
    const missing = references
      // `#/queue` is the office console's own router, not a place on the page.
      .filter((r) => r.url.hash !== '' && !r.url.hash.startsWith('#/') && isPage(r.url))
      .filter((r) => {
        const target = anchors.get(r.url.pathname);
        return target !== undefined && !target.has(decodeURIComponent(r.url.hash.slice(1)));
      })
      .map((r) => r.written);

    // Assess
    expect(missing).toEqual([]);
  });

  it("links to another language's pages only where the link says it does", () => {
    // Act
    const crossing = references
      .filter((r) => isPage(r.url) && !r.url.pathname.startsWith('/api/'))
      .filter((r) => {
        const target = languageOfUrl(r.url.pathname).lang;
        const said = attr(r.element, 'hreflang') ?? languageAround(page, r.element);
        return target !== said;
      })
      .map((r) => `<${r.element.tagName}> ${r.written}`);

    // Assess
    expect(crossing).toEqual([]);
  });
});
