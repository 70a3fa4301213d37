/**
 * The search page's script. It takes over the form's submit and searches in the page, importing
 * Pagefind on the first search, never before. Results are built as elements and text, never as
 * HTML. In-page searches stay out of the address bar, so a shared phone's history doesn't keep
 * them; `/search/?q=…` still works as a link. Browser only.
 */
import { excerptParts } from './excerpt.ts';
import { loadPagefind, type PagefindResult, type PagefindResultData } from './pagefind.ts';

/** Results shown at once; "show more" adds as many again. */
const pageSize = 10;

type Sentence = 'searching' | 'results' | 'one' | 'none' | 'failed';

const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLOListElement>('[data-search-list]');
const more = document.querySelector<HTMLButtonElement>('[data-search-more]');

let results: PagefindResult[] = [];
let shown = 0;
/** The newest search; an older one that finishes late writes nothing. */
let latest = 0;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function say(sentence: Sentence | '', values: Record<string, string | number> = {}): void {
  if (!status) return;
  const template = sentence ? (status.dataset[sentence] ?? '') : '';
  status.textContent = template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = element('li', 'section-pages__item search-result');
  const link = element('a', 'section-pages__link', data.meta.title || data.url);
  link.href = data.url;
  item.append(link);
  if (data.meta.trail) item.append(element('p', 'search-result__trail', data.meta.trail));
  const excerpt = element('p', 'section-pages__summary');
  for (const part of excerptParts(data.excerpt)) {
    excerpt.append(part.marked ? element('mark', '', part.text) : part.text);
  }
  item.append(excerpt);
  return item;
}

async function showMore(search: number, focusFirst: boolean): Promise<void> {
  if (!list || !more) return;
  const batch = results.slice(shown, shown + pageSize);
  const data = await Promise.all(batch.map((result) => result.data()));
  if (search !== latest) return;
  shown += batch.length;
  // Only this site's own pages: a result links nowhere else.
  const items = data.filter((page) => page.url.startsWith('/')).map(resultItem);
  list.append(...items);
  more.hidden = shown >= results.length;
  if (focusFirst) items[0]?.querySelector('a')?.focus();
}

async function search(query: string): Promise<void> {
  const term = query.trim();
  const mine = ++latest;
  results = [];
  shown = 0;
  list?.replaceChildren();
  if (more) more.hidden = true;
  if (!term) {
    say('');
    input?.focus();
    return;
  }
  say('searching');
  try {
    const found = await (await loadPagefind()).search(term);
    if (mine !== latest) return;
    results = found?.results ?? [];
    // The count is announced once the first results are on the page, so both arrive together.
    await showMore(mine, false);
    if (mine !== latest) return;
    if (results.length === 0) say('none', { query: term });
    else say(results.length === 1 ? 'one' : 'results', { count: results.length });
  } catch {
    if (mine === latest) say('failed');
  }
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  // A query that came in the address (?q=) leaves it, so a reload doesn't run it again.
  if (location.search) history.replaceState(null, '', location.pathname);
  void search(input?.value ?? '');
});

more?.addEventListener('click', () => {
  void showMore(latest, true);
});

const linked = new URLSearchParams(location.search).get('q');
if (linked?.trim() && input) {
  input.value = linked;
  void search(linked);
}
