/**
 * The queue screen: counts per status, filters, one page of reports (urgent first, then
 * oldest), paging by the API's cursor, and a refresh every 30 seconds while the tab is visible.
 * A refresh redraws in place and gives focus back, so it never disturbs someone mid-list.
 * Browser only.
 */
import { find } from '../report/dom.ts';
import { type Context, joined, problem, type Screen } from './context.ts';
import { fill, h, keepingFocus, showError } from './dom.ts';
import { reportHref } from './router.ts';
import { slaBadges } from './sla.ts';
import { label, relative, s } from './strings.ts';
import type { Counts, QueueItem, QueuePage } from './types.ts';

const refreshMs = 30_000;

/** One report in the list: the whole card opens it. */
function row(item: QueueItem, now: number): HTMLLIElement {
  return h(
    'li',
    { class: `queue-item${item.urgent ? ' queue-item--urgent' : ''}` },
    h(
      'p',
      { class: 'queue-item__head' },
      h('a', { class: 'queue-item__ref', href: reportHref(item.ref), 'data-focus-key': item.ref }, item.ref),
      item.urgent && h('span', { class: 'tag tag--urgent' }, s('office.queue.urgent')),
      h('span', { class: `tag tag--status tag--${item.status}` }, label('office.status', item.status)),
      item.priority &&
        h(
          'span',
          { class: 'tag' },
          `${s('office.field.priority')}: ${label('office.priority', item.priority)}`,
        ),
      item.reporterUpdatedAt && h('span', { class: 'tag tag--updated' }, s('office.queue.reporterUpdated')),
    ),
    h(
      'p',
      { class: 'queue-item__what' },
      joined(item.categories.map((category) => label('category', category))),
      ' · ',
      label('ageBand', item.childAgeBand),
    ),
    h(
      'p',
      { class: 'queue-item__meta' },
      s('office.queue.received', { time: relative(item.createdAt, now) }),
      ' · ',
      item.assignee ? s('office.queue.assignee', { name: item.assignee }) : s('office.queue.unassigned'),
    ),
    slaBadges(item.sla, now),
  );
}

/** Sets text only when it changed, so a live region speaks only about real changes. */
function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/** The queue screen, wired to the page's markup. */
export function queueScreen(context: () => Context | undefined) {
  const screen = find(document, '[data-screen="queue"]');
  const list = find(screen, '[data-queue]');
  const empty = find(screen, '[data-queue-empty]');
  const error = find(screen, '[data-queue-error]');
  const summary = find(screen, '[data-queue-summary]');
  const updated = find(screen, '[data-queue-updated]');
  const filters = find<HTMLFormElement>(screen, '[data-filters]');
  const pager = find(screen, '[data-pager]');
  const previous = find<HTMLButtonElement>(screen, '[data-page="previous"]');
  const next = find<HTMLButtonElement>(screen, '[data-page="next"]');
  const countButtons = [...screen.querySelectorAll<HTMLButtonElement>('[data-count]')];

  // The cursor each page starts from; the first page has none.
  let cursors: (string | undefined)[] = [undefined];
  let page = 0;
  let active = false;
  let loadedAt = 0;
  let generation = 0;

  const query = () => {
    const parameters = new URLSearchParams();
    for (const [name, value] of new FormData(filters)) if (value) parameters.set(name, String(value));
    const cursor = cursors[page];
    if (cursor) parameters.set('cursor', cursor);
    return parameters.toString();
  };

  const drawCounts = (counts: Counts) => {
    const chosen = new FormData(filters).get('status');
    for (const button of countButtons) {
      const status = button.dataset.count ?? '';
      setText(find(button, '[data-count-number]'), String(counts[status as keyof Counts] ?? 0));
      button.setAttribute('aria-pressed', String(chosen === status));
    }
  };

  const load = async () => {
    const current = context();
    if (!current) return;
    const mine = ++generation;
    list.setAttribute('aria-busy', 'true');
    const search = query();
    const [answer, counts] = await Promise.all([
      current.api.get<QueuePage>(`/api/office/reports${search ? `?${search}` : ''}`),
      current.api.get<Counts>('/api/office/counts'),
    ]);
    // A newer load, a sign-out or another screen overtook this one.
    if (mine !== generation || !active) return;
    list.setAttribute('aria-busy', 'false');
    if (counts.ok) drawCounts(counts.body);
    if (!answer.ok) {
      if (answer.status !== 401) showError(error, s('office.queue.failed', { detail: problem(answer) }));
      return;
    }
    showError(error, undefined);
    const now = Date.now();
    const { items, cursor } = answer.body;
    cursors = [...cursors.slice(0, page + 1), cursor];
    keepingFocus(list, () =>
      fill(
        list,
        items.map((item) => row(item, now)),
      ),
    );
    empty.hidden = items.length > 0;
    setText(summary, s('office.queue.showing', { page: page + 1, count: items.length }));
    updated.textContent = s('office.queue.updated', {
      time: new Intl.DateTimeFormat(document.documentElement.lang, { timeStyle: 'short' }).format(now),
    });
    previous.disabled = page === 0;
    next.disabled = !cursor;
    pager.hidden = previous.disabled && next.disabled;
    loadedAt = now;
  };

  const fromFirstPage = () => {
    cursors = [undefined];
    page = 0;
    void load();
  };

  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    fromFirstPage();
  });
  filters.addEventListener('change', fromFirstPage);
  for (const button of countButtons) {
    button.addEventListener('click', () => {
      const select = find<HTMLSelectElement>(filters, '[name="status"]');
      select.value = select.value === button.dataset.count ? '' : (button.dataset.count ?? '');
      fromFirstPage();
    });
  }
  previous.addEventListener('click', () => {
    page = Math.max(0, page - 1);
    void load();
  });
  next.addEventListener('click', () => {
    if (cursors[page + 1] === undefined) return;
    page += 1;
    void load();
  });
  find(screen, '[data-queue-refresh]').addEventListener('click', () => void load());

  // Keeps up by itself, but only while someone can see it.
  setInterval(() => {
    if (active && !document.hidden) void load();
  }, refreshMs);
  document.addEventListener('visibilitychange', () => {
    if (active && !document.hidden && Date.now() - loadedAt > refreshMs) void load();
  });

  return {
    show() {
      active = true;
      screen.hidden = false;
      void load();
    },
    hide() {
      active = false;
      screen.hidden = true;
    },
    clear() {
      active = false;
      generation += 1;
      list.replaceChildren();
      summary.textContent = '';
      updated.textContent = '';
      for (const button of countButtons) find(button, '[data-count-number]').textContent = '–';
      cursors = [undefined];
      page = 0;
      filters.reset();
    },
  } satisfies Screen & { show(): void };
}
