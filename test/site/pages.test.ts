/**
 * Every built page, read as the browser will get it: the right language, a skip link, the quick
 * exit, both languages, the phone numbers, and nothing the CSP would block.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployment } from '../../functions/config.ts';
import { siteDist } from '../../infra/site-build.ts';
import { all, attr, type BuiltPage, builtPages, elements, one, text, urlIn } from './built-pages.ts';

const pages = builtPages();
const twinned = pages.filter((page) => page.path !== undefined);

function builtFileFor(url: string): string {
  return join(siteDist, url.endsWith('/') ? `${url}index.html` : url);
}

describe('built site', () => {
  it('has every page of the issue in every language', () => {
    // Prepare
    const expected = [
      '/',
      '/report/',
      '/follow-up/',
      '/children/',
      '/learn/',
      '/about/staying-safe/',
      '/transparency/',
      '/office/',
      '/search/',
    ].flatMap((path) => deployment.languages.map((lang) => urlIn(lang, path)));

    // Act
    const urls = pages.map((page) => page.url);

    // Assess
    expect(urls).toEqual(expect.arrayContaining(expected));
  });
});

describe.each(pages.map((page) => [page.url, page] as [string, BuiltPage]))('page %s', (_url, page) => {
  const { document, lang } = page;
  const html = one(document, 'html');
  const head = one(document, 'head');

  it('declares the language its path is in', () => {
    // Prepare / Act
    const declared = attr(html, 'lang');

    // Assess
    expect(declared).toBe(lang);
  });

  it('has a title, a description and no referrer', () => {
    // Act
    const title = text(one(head, 'title'));
    const description = attr(
      one(head, 'meta', (m) => attr(m, 'name') === 'description'),
      'content',
    );
    const referrer = attr(
      one(head, 'meta', (m) => attr(m, 'name') === 'referrer'),
      'content',
    );

    // Assess
    expect(title).toContain(deployment.name[lang]);
    expect(description?.length).toBeGreaterThan(10);
    expect(referrer).toBe('no-referrer');
  });

  it('starts with a skip link to the main content', () => {
    // Prepare
    const body = one(document, 'body');

    // Act
    const firstLink = one(body, 'a');
    const target = all(document, 'main', (el) => attr(el, 'id') === 'main');

    // Assess
    expect(attr(firstLink, 'href')).toBe('#main');
    expect(text(firstLink)).not.toBe('');
    expect(target).toHaveLength(1);
  });

  it("has the quick exit, a real link to the language's neutral site", () => {
    // Act
    const exits = all(document, 'a', (a) => attr(a, 'data-quick-exit') !== undefined);
    const exit = one(document, 'a', (a) => attr(a, 'data-quick-exit') !== undefined);

    // Assess
    expect(exits).toHaveLength(1);
    expect(attr(exit, 'href')).toBe(deployment.quickExit[lang]);
    expect(attr(exit, 'rel')).toContain('noreferrer');
    expect(text(exit)).toMatch(lang === 'en' ? /Emergency\s*Exit this page/ : /紧急\s*快速离开/);
  });

  it('loads the quick exit script first, synchronously, before any other script or stylesheet', () => {
    // Act
    const loads = elements(head).filter(
      (el) => el.tagName === 'script' || (el.tagName === 'link' && attr(el, 'rel') === 'stylesheet'),
    );
    const [first] = loads;

    // Assess
    expect(first && attr(first, 'src')).toBe('/quick-exit.js');
    expect(first && attr(first, 'async')).toBeUndefined();
    expect(first && attr(first, 'defer')).toBeUndefined();
    expect(first && attr(first, 'type')).toBeUndefined();
    expect(first && attr(first, 'data-exit')).toBe(deployment.quickExit[lang]);
  });

  it('renders the aria-live region the quick exit announces in, with its sentences', () => {
    // Act
    const region = one(document, 'div', (d) => attr(d, 'data-quick-exit-status') !== undefined);

    // Assess
    expect(attr(region, 'aria-live')).toBe('polite');
    expect(attr(region, 'data-press-2')).toMatch(/2/);
    expect(attr(region, 'data-press-1')).toMatch(/1/);
    expect(attr(region, 'data-expired')).toBeTruthy();
  });

  it('lists the emergency number first, then the hotlines, each as a tel: link', () => {
    // Prepare
    const footer = one(document, 'footer', (f) => attr(f, 'class') === 'site-footer');
    const expected = [deployment.emergency, ...deployment.hotlines].map((line) => line.number);

    // Act
    const numbers = all(footer, 'a', (a) => attr(a, 'href')?.startsWith('tel:') ?? false).map((a) =>
      attr(a, 'href')?.slice('tel:'.length),
    );

    // Assess
    expect(numbers).toEqual(expected);
    expect(numbers.slice(0, 4)).toEqual(['110', '12345', '12355', '12338']);
    expect(text(footer)).toContain(deployment.emergency.name[lang]);
    expect(text(footer)).toContain(deployment.emergency.when[lang]);
  });

  it('has nothing inline that the CSP would block', () => {
    // Prepare
    const everything = elements(document);

    // Act
    const inlineScripts = all(document, 'script', (s) => attr(s, 'src') === undefined || text(s) !== '');
    const styleElements = all(document, 'style').map((el) => text(el));
    const styleAttributes = everything
      .filter((el) => attr(el, 'style') !== undefined)
      .map((el) => el.tagName);
    const handlers = everything.flatMap((el) =>
      el.attrs.filter((a) => a.name.startsWith('on')).map((a) => `<${el.tagName} ${a.name}>`),
    );
    const jsUrls = everything
      .flatMap((el) => el.attrs.map((a) => a.value))
      .filter((value) => value.trim().toLowerCase().startsWith('javascript:'));

    // Assess
    expect(inlineScripts.map((s) => text(s))).toEqual([]);
    expect(styleElements).toEqual([]);
    expect(styleAttributes).toEqual([]);
    expect(handlers).toEqual([]);
    expect(jsUrls).toEqual([]);
  });

  it('loads nothing from another origin', () => {
    // Prepare: every attribute that makes the browser fetch something (anchors may link out).
    const fetching: [tag: string, attribute: string][] = [
      ['script', 'src'],
      ['link', 'href'],
      ['img', 'src'],
      ['img', 'srcset'],
      ['source', 'src'],
      ['source', 'srcset'],
      ['iframe', 'src'],
      ['video', 'src'],
      ['video', 'poster'],
      ['audio', 'src'],
      ['object', 'data'],
      ['embed', 'src'],
      ['form', 'action'],
      ['input', 'src'],
    ];

    // Act
    const foreign = fetching.flatMap(([tag, attribute]) =>
      all(document, tag)
        .map((el) => attr(el, attribute))
        .filter((value): value is string => value !== undefined)
        .filter((value) => new URL(value, 'https://portal.invalid/').origin !== 'https://portal.invalid'),
    );

    // Assess
    expect(foreign).toEqual([]);
  });

  it('refers only to assets that were built', () => {
    // Act
    const local = [...all(document, 'script'), ...all(document, 'link'), ...all(document, 'img')]
      .map((el) => attr(el, 'src') ?? attr(el, 'href'))
      .filter((value): value is string => value?.startsWith('/') ?? false)
      .filter((value) => !value.endsWith('/'));

    // Assess
    expect(local.filter((path) => !existsSync(join(siteDist, path)))).toEqual([]);
  });
});

describe.each(twinned.map((page) => [page.url, page] as [string, BuiltPage]))(
  'language links of %s',
  (_url, page) => {
    it('links to the same page in every other language, and that page links back', () => {
      // Prepare
      const others = deployment.languages.filter((lang) => lang !== page.lang);

      for (const other of others) {
        // Act
        const link = one(page.document, 'a', (a) => attr(a, 'hreflang') === other);
        const href = attr(link, 'href') ?? '';
        const twin = pages.find((candidate) => candidate.url === href);
        const back = twin && one(twin.document, 'a', (a) => attr(a, 'hreflang') === page.lang);

        // Assess
        expect(href).toBe(urlIn(other, page.path ?? '/'));
        expect(attr(link, 'lang')).toBe(other);
        expect(existsSync(builtFileFor(href))).toBe(true);
        expect(back && attr(back, 'href')).toBe(page.url);
      }
    });
  },
);
