/**
 * Everything the workshop screen sends: saving the editor (a new workshop, or a change with the
 * version on screen), submitting it for review (saving first what isn't saved), a reviewer's
 * send back, publish and unpublish; and what comes back: the workshop, the API's problems next
 * to their fields, someone else's change (409: nothing is overwritten; reload to see it), a move
 * the status doesn't allow, or a reviewer's own workshop (403). Browser only.
 */
import type { Answer } from './api.ts';
import type { Context } from './context.ts';
import { workshopHref } from './router.ts';
import { label, s } from './strings.ts';
import type { buildPanel } from './workshop-build.ts';
import { failure, problemsOf, showProblems } from './workshop-problems.ts';
import type { reviewPanel } from './workshop-review.ts';
import type { SessionInput, Workshop, WorkshopAction, WorkshopView } from './workshop-types.ts';

/** What the changes need from the workshop screen. */
export interface ChangeOptions {
  context: () => Context | undefined;
  shown: () => WorkshopView | undefined;
  dirty: () => boolean;
  read: () => { workshop: Workshop; sessions: SessionInput[] };
  draw: (view: WorkshopView, keepForm?: boolean) => void;
  reload: () => Promise<void>;
  elements: { status: HTMLElement; conflict: HTMLElement; form: HTMLFormElement; errors: HTMLElement };
  review: () => ReturnType<typeof reviewPanel>;
  build: () => ReturnType<typeof buildPanel>;
  /** The public workshops page in each language: `{ "zh-CN": "/workshops/", "en": "/en/workshops/" }`. */
  pages: Record<string, string>;
}

const path = (id: string) => `/api/trainer/workshops/${encodeURIComponent(id)}`;

/** The screen's changes, wired to its elements. */
export function workshopChanges(options: ChangeOptions) {
  const { status, conflict, form, errors } = options.elements;
  const saveButton = form.querySelector<HTMLButtonElement>('[data-save]');
  const submitButton = form.querySelector<HTMLButtonElement>('[data-submit-review]');
  const formStatus = form.querySelector<HTMLElement>('[data-save-status]') ?? status;

  const say = (where: HTMLElement, text: string, isError: boolean) => {
    where.textContent = text;
    where.classList.toggle('console-message--error', isError);
    if (text) where.focus();
  };

  /** Someone else changed it: nothing was saved; the person chooses when to reload. */
  const stale = (key: 'office.workshop.conflict.stale' | 'office.workshop.conflict.moved') => {
    const text = conflict.querySelector('p');
    if (text) text.textContent = s(key);
    conflict.hidden = false;
    conflict.focus();
  };

  /** Says what a refused change means, with `tell` where the person is looking. */
  const refused = async (answer: Answer<unknown>, tell: (text: string) => void): Promise<void> => {
    if (answer.ok || answer.status === 401) return;
    const code = answer.body.error;
    if (answer.status === 400 && problemsOf(answer.body).length > 0 && !form.hidden)
      return showProblems(form, errors, problemsOf(answer.body));
    if (code === 'translation_key_taken' && !form.hidden)
      return showProblems(form, errors, [{ path: ['workshop', 'translationKey'], message: failure(answer) }]);
    if (code === 'stale_version') return stale('office.workshop.conflict.stale');
    // The editor keeps what was typed: the person reloads when they have copied what they need.
    if (code === 'wrong_state' && !form.hidden) return stale('office.workshop.conflict.moved');
    if (code === 'own_workshop') return tell(s('office.review.own'));
    if (code === 'wrong_state') {
      await options.reload();
      const now = options.shown();
      return tell(
        s('office.workshop.conflict.state', { status: label('office.workshopStatus', now?.status ?? '') }),
      );
    }
    tell(answer.status === 404 ? s('office.workshop.notFound') : failure(answer));
  };

  const busy = (on: boolean) => {
    for (const button of [saveButton, submitButton]) if (button) button.disabled = on;
  };

  /** Saves the editor; the saved workshop, or undefined when it was refused (and said so). */
  const save = async (): Promise<WorkshopView | undefined> => {
    const context = options.context();
    if (!context) return undefined;
    const before = options.shown();
    const { workshop, sessions } = options.read();
    errors.hidden = true;
    conflict.hidden = true;
    status.textContent = '';
    say(formStatus, s('office.workshop.saving'), false);
    const answer = before
      ? await context.api.put<WorkshopView>(path(before.id), { version: before.version, workshop, sessions })
      : await context.api.post<WorkshopView>('/api/trainer/workshops', { workshop, sessions });
    formStatus.textContent = '';
    if (options.shown()?.id !== before?.id) return undefined;
    if (!answer.ok) {
      await refused(answer, (text) => say(formStatus, text, true));
      return undefined;
    }
    // A new workshop now has an address; replaced, so Back doesn't open an empty editor again.
    if (!before) history.replaceState(null, '', workshopHref(answer.body.id));
    options.draw(answer.body);
    return answer.body;
  };

  const send = async (view: WorkshopView, action: WorkshopAction, comment?: string) => {
    const context = options.context();
    if (!context) return { ok: false, status: 401, body: {} } as const;
    return context.api.post<WorkshopView>(`${path(view.id)}/actions`, {
      action,
      version: view.version,
      ...(comment ? { comment } : {}),
    });
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    busy(true);
    const saved = await save();
    busy(false);
    if (saved) say(status, s('office.workshop.saved'), false);
  });

  submitButton?.addEventListener('click', async () => {
    busy(true);
    const current = options.shown();
    const saved = !current || options.dirty() ? await save() : current;
    if (!saved) return busy(false);
    const answer = await send(saved, 'submit');
    busy(false);
    if (answer.ok) {
      options.draw(answer.body);
      return say(status, s('office.workshop.submitted'), false);
    }
    await refused(answer, (text) => say(formStatus, text, true));
  });

  return {
    /** A reviewer's step on the workshop on screen; the answer is drawn, or what went wrong said. */
    async act(action: WorkshopAction, comment?: string): Promise<Answer<WorkshopView>> {
      const view = options.shown();
      if (!view) return { ok: false, status: 0, body: {} };
      const answer = await send(view, action, comment);
      if (options.shown()?.id !== view.id) return answer;
      if (!answer.ok) {
        await refused(answer, (text) => options.review().say(text, true));
        return answer;
      }
      options.draw(answer.body);
      options.review().say(s(`office.review.done.${action}` as 'office.review.done.publish'), false);
      if (action === 'publish' || action === 'unpublish') {
        const { language, translationKey } = answer.body.workshop;
        const page = `${options.pages[language] ?? '/workshops/'}${translationKey}/`;
        options.build().watch({ action, page });
      }
      return answer;
    },

    /**
     * After a file is added or removed: the workshop's files and version anew. What is typed in
     * the editor stays; its version is taken only if nobody else changed the workshop meanwhile.
     */
    async refreshFiles(): Promise<void> {
      const context = options.context();
      const before = options.shown();
      if (!context || !before) return;
      const answer = await context.api.get<WorkshopView>(path(before.id));
      if (!answer.ok || options.shown()?.id !== before.id) return;
      const mine = answer.body.version <= before.version + 1;
      options.draw(mine ? answer.body : { ...answer.body, version: before.version }, true);
    },
  };
}
