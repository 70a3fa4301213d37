/**
 * The workshop screen, loaded only when a trainer or reviewer first opens a workshop: draws one
 * workshop for its trainers (the editor, while it may be changed) and its reviewers (as it would
 * be published, with the review), its files, comments and audit trail, and after a publish the
 * site's rebuild. What is saved and sent is in workshop-changes.ts. Browser only.
 */
import { find } from '../report/dom.ts';
import type { Context, Screen } from './context.ts';
import { fill } from './dom.ts';
import { s } from './strings.ts';
import { buildPanel } from './workshop-build.ts';
import { workshopChanges } from './workshop-changes.ts';
import { workshopForm } from './workshop-form.ts';
import { handoutsPanel } from './workshop-handouts.ts';
import { audit, comments, summary } from './workshop-parts.ts';
import { clearProblems, failure } from './workshop-problems.ts';
import { readView } from './workshop-read.ts';
import { reviewPanel } from './workshop-review.ts';
import type { WorkshopView } from './workshop-types.ts';

/** The workshop screen, wired to the page's markup. */
export function workshopScreen(context: () => Context | undefined) {
  const screen = find(document, '[data-screen="workshop"]');
  const title = find(screen, '[data-workshop-title]');
  const status = find(screen, '[data-workshop-status]');
  const conflict = find(screen, '[data-workshop-conflict]');
  const body = find(screen, '[data-workshop-body]');
  const note = find(screen, '[data-workshop-note]');
  const formElement = find<HTMLFormElement>(screen, '[data-workshop-form]');
  const errors = find(formElement, '[data-workshop-errors]');
  const read = find(screen, '[data-workshop-read]');
  const part = (name: string) => find(screen, `[data-workshop-${name}]`);

  let shown: WorkshopView | undefined;
  let wanted = '';
  let dirty = false;

  const form = workshopForm(formElement, () => {
    dirty = true;
  });
  const roles = () => context()?.me.roles ?? [];
  const writes = () => roles().includes('trainer');

  const noteFor = (view: WorkshopView | undefined): string => {
    if (!view) return '';
    if (writes() && view.status === 'in_review') return s('office.workshop.note.inReview');
    if (writes() && view.status === 'draft' && view.comments.length > 0)
      return s('office.workshop.note.returned');
    if (writes() && view.status === 'published') return s('office.workshop.note.published');
    if (!writes() && view.status === 'draft') return s('office.workshop.note.draft');
    return '';
  };

  /** Draws `view` (or a new workshop's empty editor); refills the editor unless told to keep it. */
  const draw = (view: WorkshopView | undefined, keepForm = false) => {
    const current = context();
    if (!current) return;
    shown = view;
    const editable = writes() && view?.status !== 'in_review';
    title.textContent = view ? view.workshop.title : s('office.workshop.new');
    fill(part('summary'), view ? summary(view) : []);
    part('summary').hidden = !view;
    fill(part('comments-list'), view ? comments(view) : []);
    part('comments').hidden = !view || view.comments.length === 0;
    note.textContent = noteFor(view);
    note.hidden = note.textContent === '';
    formElement.hidden = !editable;
    if (editable && !keepForm) {
      form.fill(view?.workshop, view?.sessions);
      clearProblems(formElement, errors);
      dirty = false;
    }
    read.hidden = editable || !view;
    fill(part('read-body'), view && !editable ? readView(view) : []);
    handouts.show(view, editable);
    review.offer(view, current);
    fill(part('audit'), view ? audit(view) : []);
    part('audit-part').hidden = !view;
    body.hidden = false;
  };

  const load = async (id: string, keepStatus = false) => {
    const current = context();
    if (!current) return;
    wanted = id;
    // A copy already on screen stays readable while the fresh one comes, marked as being replaced.
    body.setAttribute('aria-busy', 'true');
    const answer = await current.api.get<WorkshopView>(`/api/trainer/workshops/${encodeURIComponent(id)}`);
    if (wanted !== id || screen.hidden) return;
    body.setAttribute('aria-busy', 'false');
    if (answer.ok) {
      if (!keepStatus) status.textContent = '';
      conflict.hidden = true;
      draw(answer.body);
      return;
    }
    body.hidden = true;
    if (answer.status === 401) return;
    status.textContent =
      answer.status === 404
        ? s('office.workshop.notFound')
        : s('office.workshop.failed', { detail: failure(answer) });
  };

  const changes = workshopChanges({
    context,
    shown: () => shown,
    dirty: () => dirty,
    read: () => form.read(),
    draw,
    reload: () => (shown ? load(shown.id, true) : Promise.resolve()),
    elements: { status, conflict, form: formElement, errors },
    review: () => review,
    build: () => build,
    pages: JSON.parse(find(document, '[data-console]').dataset.workshopPages ?? '{}') as Record<
      string,
      string
    >,
  });
  const review = reviewPanel({ context, act: changes.act });
  const build = buildPanel(context);
  const handouts = handoutsPanel({ context, changed: changes.refreshFiles });

  find(screen, '[data-workshop-reload]').addEventListener('click', () => {
    if (shown) void load(shown.id);
  });

  const reset = () => {
    shown = undefined;
    wanted = '';
    dirty = false;
    body.hidden = true;
    body.setAttribute('aria-busy', 'false');
    conflict.hidden = true;
    status.textContent = '';
    title.textContent = '';
    for (const name of ['summary', 'comments-list', 'read-body', 'audit']) part(name).replaceChildren();
    form.fill(undefined);
    clearProblems(formElement, errors);
    handouts.reset();
    review.reset();
    build.reset();
  };

  return {
    /** Opens workshop `id`, or an empty editor for `new`. */
    show(id: string) {
      screen.hidden = false;
      if (shown?.id !== id || id === 'new') reset();
      if (id !== 'new') {
        title.textContent = shown?.workshop.title ?? s('office.workshop.heading');
        status.textContent = s('office.workshop.loading');
        void load(id);
        return;
      }
      if (writes()) draw(undefined);
      else {
        title.textContent = s('office.workshop.new');
        status.textContent = s('office.workshop.trainersOnly');
      }
    },
    hide() {
      screen.hidden = true;
      wanted = '';
    },
    clear: reset,
  } satisfies Screen & { show(id: string): void };
}
