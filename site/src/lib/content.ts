/** Finds a content page in a language. Build time only. */
import { getEntry } from 'astro:content';
import type { Language } from '../../../functions/domain/languages.ts';

/**
 * The `pages` entry for `path` in `lang`; a missing translation fails the build, loudly.
 * @example await contentPage('en', 'about/staying-safe')
 */
export async function contentPage(lang: Language, path: string) {
  const entry = await getEntry('pages', `${lang}/${path}`);
  if (!entry) throw new Error(`src/content/pages/${lang}/${path}.md is missing`);
  return entry;
}
