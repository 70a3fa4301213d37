/**
 * The content collection as pages: where each entry is served, its twin in every language, and
 * the pages a section lists. Build time only.
 */
import { type CollectionEntry, getCollection, getEntry } from 'astro:content';
import type { Language } from '../../../functions/domain/languages.ts';
import { languageSegment, siteLanguages } from './locale.ts';

/** A content page entry. */
export type ContentEntry = CollectionEntry<'pages'>;

/**
 * Pages with a route of their own that render their Markdown inside more (the help directory
 * adds each community's office); the catch-all route leaves them alone.
 */
export const ownRoutes: ReadonlySet<string> = new Set(['help']);

/** An entry's language and its language-neutral path: `en/learn/signs` → `['en', '/learn/signs/']`. */
export function entryPath(entry: ContentEntry): { lang: Language; path: string } {
  const [lang, ...rest] = entry.id.split('/');
  return { lang: lang as Language, path: rest.length > 0 ? `/${rest.join('/')}/` : '/' };
}

/**
 * The `pages` entry for `path` in `lang`; a missing translation fails the build, loudly.
 * @example await contentPage('en', 'about/staying-safe')
 */
export async function contentPage(lang: Language, path: string): Promise<ContentEntry> {
  const entry = await getEntry('pages', `${lang}/${path}`);
  if (!entry) throw new Error(`src/content/pages/${lang}/${path}.md (or ${path}/index.md) is missing`);
  return entry;
}

/**
 * The pages directly under `path` in `lang`, in their `order`, then by title: a section's list.
 * @example await sectionPages('zh-CN', '/children/6-8/')
 */
export async function sectionPages(lang: Language, path: string): Promise<ContentEntry[]> {
  const depth = path.split('/').length;
  const pages = await getCollection('pages', (entry) => {
    const at = entryPath(entry);
    return at.lang === lang && at.path.startsWith(path) && at.path.split('/').length === depth + 1;
  });
  return pages.sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title, lang));
}

/** Props of a content page route. */
export interface ContentRouteProps {
  lang: Language;
  /** The language-neutral path, e.g. `/children/6-8/my-body/`. */
  path: string;
}

/**
 * One static path per content page and language, except those with a route of their own. Every
 * page of the root language must have its twin in every other language, or the build fails.
 */
export async function contentPaths(): Promise<
  { params: { lang: string | undefined; slug: string }; props: ContentRouteProps }[]
> {
  const entries = await getCollection('pages');
  const ids = new Set(entries.map((entry) => entry.id));
  const paths = [];
  for (const entry of entries) {
    const { lang, path } = entryPath(entry);
    const slug = path.slice(1, -1);
    if (ownRoutes.has(slug)) continue;
    for (const other of siteLanguages) {
      if (!ids.has(slug ? `${other}/${slug}` : other)) {
        throw new Error(`${entry.id} has no ${other} twin: add src/content/pages/${other}/${slug}.md`);
      }
    }
    paths.push({ params: { lang: languageSegment(lang), slug }, props: { lang, path } });
  }
  return paths;
}
