/**
 * The workshops screen: the community's workshops, last changed first, each with its status,
 * whether a version is live, its language, audience and author; "New workshop" for trainers.
 * Browser only.
 */
import { find } from '../report/dom.ts';
import type { Context, Screen } from './context.ts';
import { fill, h, showError } from './dom.ts';
import { workshopHref } from './router.ts';
import { label, relative, s } from './strings.ts';
import { statusTags } from './workshop-parts.ts';
import { failure } from './workshop-problems.ts';
import type { WorkshopSummary } from './workshop-types.ts';

/** One workshop in the list: the whole card opens it. */
function row(item: WorkshopSummary, now: number): HTMLLIElement {
  return h(
    'li',
    { class: 'queue-item workshop-item' },
    h(
      'p',
      { class: 'queue-item__head' },
      h('a', { class: 'queue-item__ref', href: workshopHref(item.id) }, item.title),
    ),
    h('p', { class: 'report__tags' }, statusTags(item.status, item.live)),
    h(
      'p',
      { class: 'queue-item__what' },
      label('office.language', item.language),
      ' · ',
      label('workshops.audience', item.audience),
    ),
    h(
      'p',
      { class: 'queue-item__meta' },
      s('office.workshops.by', { name: item.authorName }),
      ' · ',
      s('office.workshops.changed', { time: relative(item.updatedAt, now) }),
    ),
  );
}

/** The workshops screen, wired to the page's markup. */
export function workshopsScreen(context: () => Context | undefined) {
  const screen = find(document, '[data-screen="workshops"]');
  const list = find(screen, '[data-workshops]');
  const empty = find(screen, '[data-workshops-empty]');
  const error = find(screen, '[data-workshops-error]');
  const create = find(screen, '[data-trainer-only]');
  let generation = 0;

  const load = async () => {
    const current = context();
    if (!current) return;
    const mine = ++generation;
    create.hidden = !current.me.roles.includes('trainer');
    list.setAttribute('aria-busy', 'true');
    const answer = await current.api.get<{ workshops: WorkshopSummary[] }>('/api/trainer/workshops');
    if (mine !== generation || screen.hidden) return;
    list.setAttribute('aria-busy', 'false');
    if (!answer.ok) {
      if (answer.status !== 401) showError(error, s('office.workshops.failed', { detail: failure(answer) }));
      return;
    }
    showError(error, undefined);
    const now = Date.now();
    fill(
      list,
      answer.body.workshops.map((item) => row(item, now)),
    );
    empty.hidden = answer.body.workshops.length > 0;
  };

  return {
    show() {
      screen.hidden = false;
      void load();
    },
    hide() {
      screen.hidden = true;
    },
    clear() {
      generation += 1;
      list.replaceChildren();
      list.setAttribute('aria-busy', 'true');
      empty.hidden = true;
      create.hidden = true;
      showError(error, undefined);
    },
  } satisfies Screen & { show(): void };
}
