/** The languages Hutong speaks. Pure data; imported by the functions and the site alike. */

/** Every language the portal can be configured with, Simplified Chinese first. */
export const languages = ['zh-CN', 'en'] as const;

/** A language tag Hutong understands. */
export type Language = (typeof languages)[number];

/** The language used when a request's language cannot be read. */
export const defaultLanguage: Language = 'zh-CN';

/** Text given in every language. */
export type Localized = Record<Language, string>;

/** True when `value` is one of the portal's language tags. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * Picks the best language from an `Accept-Language` header, or the default.
 * @example pickLanguage('en-GB,en;q=0.9') // 'en'
 */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return defaultLanguage;
}
