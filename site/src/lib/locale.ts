/**
 * Which language a page is in and where its twin lives. The deployment's first language is
 * served at `/`, every other one under its own prefix (`/en/`). Pure; build time only.
 */
import { deployment } from '../../../functions/config.ts';
import type { Language } from '../../../functions/domain/languages.ts';

/** The language served at the site root. */
export const rootLanguage: Language = deployment.languages[0] ?? 'zh-CN';

/** Every language the site is published in, root language first. */
export const siteLanguages: readonly Language[] = deployment.languages;

/** The URL segment of a language: none for the root language, else its lower-cased tag. */
export function languageSegment(lang: Language): string | undefined {
  return lang === rootLanguage ? undefined : lang.toLowerCase();
}

/**
 * The URL of a page in a language, from its language-neutral path.
 * @example localePath('en', '/report/') // '/en/report/'
 */
export function localePath(lang: Language, path: string): string {
  const segment = languageSegment(lang);
  return segment ? `/${segment}${path}` : path;
}

/** Props every page receives from `getStaticPaths`. */
export interface LanguageProps {
  lang: Language;
}

/**
 * One static path per language for a `[...lang]` page: the root language gets no segment.
 * @example export const getStaticPaths = languagePaths;
 */
export function languagePaths(): { params: { lang: string | undefined }; props: LanguageProps }[] {
  return siteLanguages.map((lang) => ({ params: { lang: languageSegment(lang) }, props: { lang } }));
}

/** A phone number as a `tel:` URL: digits only, so every dialler reads it. */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^0-9+]/g, '')}`;
}
