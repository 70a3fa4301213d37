/**
 * Pagefind's browser API, imported the first time someone searches and never before: the page
 * loads no part of the index until then. Same origin (/pagefind/), so the CSP holds. Browser only.
 */

/** What the page reads of one result (pagefind.app/docs/api). */
export interface PagefindResultData {
  /** The page's URL on this site, e.g. `/children/6-8/bullying/`. */
  url: string;
  /** Words around the matches, the matched words wrapped in `<mark>`; the rest is raw text. */
  excerpt: string;
  /** The page's metadata: `title` from its h1, `trail` from the content layout. */
  meta: Partial<Record<string, string>>;
}

/** One result, whose details load on demand. */
export interface PagefindResult {
  data(): Promise<PagefindResultData>;
}

/** The part of Pagefind's module the page uses. */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  /** Loads the index of the page's language, from `<html lang>`. */
  init(): Promise<void>;
  search(term: string): Promise<{ results: PagefindResult[] } | null>;
}

/** Kept in a variable, so the bundler leaves the import to the browser: the file exists only after the index is built. */
const bundle = '/pagefind/pagefind.js';

let loading: Promise<Pagefind> | undefined;

async function load(): Promise<Pagefind> {
  const pagefind = (await import(/* @vite-ignore */ bundle)) as Pagefind;
  await pagefind.options({ excerptLength: 24 });
  await pagefind.init();
  return pagefind;
}

/**
 * Pagefind, imported on the first call and shared after; a failed load is tried again next time.
 * @example const results = await (await loadPagefind()).search('欺凌');
 */
export function loadPagefind(): Promise<Pagefind> {
  if (!loading) {
    loading = load();
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
