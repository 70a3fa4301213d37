/**
 * One check over many pages, several tabs at once: a suite declares one test per page, and each
 * test waits only for its own page's result while the tabs work through the rest in order.
 * Nothing here starts or stops a portal.
 */
import type { Page } from 'playwright-core';

/** How to check a set of pages. */
export interface EveryPageOptions<T> {
  /** The pages' URL paths, in the order their tests run. */
  urls: readonly string[];
  /**
   * Opens one more tab in a browser context of its own, which is closed with it; called once per
   * tab when the first result is asked for, and again after a check failed in a tab.
   */
  openTab: () => Promise<Page>;
  /** Checks the page at `url` in `tab` (navigating there itself) and returns what a test asserts. */
  check: (tab: Page, url: string) => Promise<T>;
  /** How many pages are checked at once. Two or three keep both cores busy without starving them. */
  tabs?: number;
}

/** A page's result, or the error its check threw. */
type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

const close = (tab: Page | undefined) =>
  tab
    ?.context()
    .close()
    .catch(() => undefined);

/**
 * Returns `resultFor(url)`: the first call opens the tabs and starts checking every page in
 * order; each call resolves once its page is done, or rejects with that page's own error.
 * @example
 * const resultFor = everyPage({ urls, openTab: () => context.newPage(), check: overflowOf });
 * it.each(urls)('fits %s', async (url) => expect(await resultFor(url)).toBe(0));
 */
export function everyPage<T>(options: EveryPageOptions<T>): (url: string) => Promise<T> {
  const waiting = new Map<string, (result: Settled<T>) => void>();
  const results = new Map<string, Promise<Settled<T>>>(
    options.urls.map((url) => [url, new Promise<Settled<T>>((settle) => waiting.set(url, settle))]),
  );
  let started = false;

  const start = () => {
    started = true;
    const queue = [...options.urls];
    const work = async () => {
      let tab: Page | undefined;
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        const settle = waiting.get(url);
        try {
          tab ??= await options.openTab();
          settle?.({ ok: true, value: await options.check(tab, url) });
        } catch (error) {
          settle?.({ ok: false, error });
          // A tab that failed may be stuck mid-navigation: the next page gets a fresh one.
          await close(tab);
          tab = undefined;
        }
      }
      await close(tab);
    };
    for (let i = 0; i < Math.max(1, options.tabs ?? 3); i++) void work();
  };

  return async (url) => {
    const result = results.get(url);
    if (!result) throw new Error(`${url} is not one of the pages this check was given`);
    if (!started) start();
    const settled = await result;
    if (!settled.ok) throw settled.error;
    return settled.value;
  };
}
