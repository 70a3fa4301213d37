/**
 * The built workshop pages, from the curriculum that ships: every module has its page and its
 * printable handout in every language, the audience filter pages list exactly that audience's
 * modules, and the pages carry no script beyond the quick exit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { deployment } from '../../functions/config.ts';
import { workshopAudiences } from '../../functions/domain/workshop.ts';
import { repoRoot } from '../../infra/site-build.ts';
import { all, attr, type BuiltPage, builtPages, one, text, urlIn } from './built-pages.ts';

const curriculumDir = join(repoRoot, 'site', 'src', 'content', 'workshops');

/** The shipped modules as their files say, with language and key from the path. */
const modules = readdirSync(curriculumDir, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.yaml'))
  .map((path) => ({
    ...(parse(readFileSync(join(curriculumDir, path), 'utf8')) as {
      title: string;
      audience: string;
      agenda: { minutes: number; activity: string }[];
      handout: string;
    }),
    lang: dirname(path) as (typeof deployment.languages)[number],
    key: basename(path, '.yaml'),
  }));

const pages = new Map(builtPages().map((page) => [page.url, page]));
const page = (url: string): BuiltPage => {
  const found = pages.get(url);
  if (!found) throw new Error(`${url} was not built`);
  return found;
};
/** The modules a list page shows, by key, as its cards mark them. */
const listed = (list: BuiltPage) =>
  all(list.document, 'li', (li) => attr(li, 'data-workshop') !== undefined)
    .map((li) => attr(li, 'data-workshop'))
    .sort();

describe('workshop pages', () => {
  it('build a page and a handout page for every module in its language', () => {
    // Act
    const missing = modules.flatMap(({ lang, key }) =>
      [`/workshops/${key}/`, `/workshops/${key}/handout/`]
        .map((path) => urlIn(lang, path))
        .filter((url) => !pages.has(url)),
    );
    // Assess
    expect(modules.length).toBeGreaterThanOrEqual(5 * deployment.languages.length);
    expect(missing).toEqual([]);
  });

  it('show the title, the agenda with its minutes, the safeguarding notes and a link to the handout', () => {
    for (const module of modules) {
      // Prepare
      const built = page(urlIn(module.lang, `/workshops/${module.key}/`));
      // Act
      const rows = all(one(built.document, 'table'), 'tr').slice(1, -1);
      const handoutLink = one(built.document, 'a', (a) => attr(a, 'data-handout-link') !== undefined);
      const safeguarding = one(built.document, 'section', (s) => attr(s, 'data-safeguarding') !== undefined);
      // Assess
      expect(text(one(built.document, 'h1')), module.key).toBe(module.title.replace(/\s+/g, ' '));
      expect(
        rows.map((row) => all(row, 'td').map(text)),
        module.key,
      ).toEqual(module.agenda.map((item) => [String(item.minutes), item.activity.replace(/\s+/g, ' ')]));
      expect(attr(handoutLink, 'href')).toBe(urlIn(module.lang, `/workshops/${module.key}/handout/`));
      expect(text(safeguarding)).toMatch(/110/);
    }
  });

  it('print the handout alone on its handout page', () => {
    for (const module of modules) {
      // Act
      const built = page(urlIn(module.lang, `/workshops/${module.key}/handout/`));
      const article = one(built.document, 'article');
      // Assess
      expect(text(article), module.key).toContain('12355');
      expect(all(article, 'table'), module.key).toEqual([]);
      expect(all(built.document, 'section', (s) => attr(s, 'data-safeguarding') !== undefined)).toEqual([]);
    }
  });

  it('list every module of the language on /workshops/, and exactly an audience’s on its filter page', () => {
    for (const lang of deployment.languages) {
      // Prepare
      const ofLang = modules.filter((module) => module.lang === lang);
      // Act
      const everything = listed(page(urlIn(lang, '/workshops/')));
      // Assess
      expect(everything).toEqual(ofLang.map((module) => module.key).sort());
      for (const audience of workshopAudiences) {
        const path = `/workshops/for/${audience.replaceAll('_', '-')}/`;
        const filtered = page(urlIn(lang, path));
        const current = all(filtered.document, 'a', (a) => attr(a, 'aria-current') === 'page');
        expect(listed(filtered), `${lang} ${audience}`).toEqual(
          ofLang
            .filter((module) => module.audience === audience)
            .map((module) => module.key)
            .sort(),
        );
        expect(current.map((a) => attr(a, 'href'))).toEqual([urlIn(lang, path)]);
      }
    }
  });

  it('link each filter from /workshops/, which marks “everyone” as current', () => {
    for (const lang of deployment.languages) {
      // Act
      const list = page(urlIn(lang, '/workshops/'));
      const hrefs = all(list.document, 'a').map((a) => attr(a, 'href'));
      const current = all(list.document, 'a', (a) => attr(a, 'aria-current') === 'page');
      // Assess
      for (const audience of workshopAudiences) {
        expect(hrefs).toContain(urlIn(lang, `/workshops/for/${audience.replaceAll('_', '-')}/`));
      }
      expect(current.map((a) => attr(a, 'href'))).toEqual([urlIn(lang, '/workshops/')]);
    }
  });

  it('load no script but the quick exit', () => {
    // Act
    const scripted = [...pages.values()]
      .filter((built) => built.path?.startsWith('/workshops/'))
      .flatMap((built) =>
        all(built.document, 'script')
          .filter((script) => attr(script, 'src') !== '/quick-exit.js')
          .map(() => built.url),
      );
    // Assess
    expect(scripted).toEqual([]);
  });
});
