/**
 * The review, for reviewers: publish a workshop in review, send it back with what to change
 * (the comment is required: the trainer must know what to fix), or take a published one off
 * the site. Each is one change with the version on screen; the screen handles what comes back.
 * Someone who wrote or edited the workshop is told another reviewer must review it. Browser only.
 */
import { find } from '../report/dom.ts';
import type { Answer } from './api.ts';
import type { Context } from './context.ts';
import { s } from './strings.ts';
import { clearProblems, showAtField } from './workshop-problems.ts';
import type { WorkshopAction, WorkshopView } from './workshop-types.ts';

/** What the panel needs from the workshop screen. */
export interface ReviewOptions {
  context: () => Context | undefined;
  /** Sends `action` on the workshop on screen; the screen draws the answer and says what went wrong. */
  act: (action: WorkshopAction, comment?: string) => Promise<Answer<WorkshopView>>;
}

/** True when `me` wrote or edited `view`: they may not publish it or send it back. */
export function wroteIt(view: WorkshopView, username: string): boolean {
  return view.editors.includes(username) || view.authorName === username;
}

/** The review panel, wired to the page's markup. */
export function reviewPanel(options: ReviewOptions) {
  const panel = find(document, '[data-review]');
  const own = find(panel, '[data-review-own]');
  const none = find(panel, '[data-review-none]');
  const status = find(panel, '[data-review-status]');
  const step = (name: string) => find(panel, `[data-review-step="${name}"]`);
  const publish = find<HTMLButtonElement>(panel, '[data-publish]');
  const forms = [...panel.querySelectorAll<HTMLFormElement>('[data-review-form]')];

  const busy = (button: HTMLButtonElement, on: boolean) => {
    button.disabled = on;
  };

  publish.addEventListener('click', async () => {
    status.textContent = '';
    busy(publish, true);
    await options.act('publish');
    busy(publish, false);
  });

  for (const form of forms) {
    const action = form.dataset.reviewForm as 'return' | 'unpublish';
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearProblems(form);
      status.textContent = '';
      const comment = find<HTMLTextAreaElement>(form, 'textarea').value.trim();
      if (action === 'return' && !comment) {
        const field = find(form, '[data-path="comment"]');
        showAtField(field, s('office.review.return.required'))?.focus();
        return;
      }
      const button = find<HTMLButtonElement>(form, 'button[type="submit"]');
      busy(button, true);
      const answer = await options.act(action, comment || undefined);
      busy(button, false);
      if (answer.ok) form.reset();
    });
  }

  return {
    /** Shows what a reviewer may do with `view` now; hidden for anyone else. */
    offer(view: WorkshopView | undefined, context: Context) {
      const reviewer = context.me.roles.includes('reviewer');
      panel.hidden = !view || !reviewer;
      if (!view || !reviewer) return;
      const mine = wroteIt(view, context.me.username);
      const reviewing = view.status === 'in_review' && !mine;
      own.hidden = !(mine && view.status === 'in_review');
      step('publish').hidden = !reviewing;
      step('return').hidden = !reviewing;
      step('unpublish').hidden = view.live === null;
      none.hidden = !step('publish').hidden || !step('unpublish').hidden || !own.hidden;
    },
    /** Says `text` in the panel, as an error or not. */
    say(text: string, isError: boolean) {
      status.textContent = text;
      status.classList.toggle('console-message--error', isError);
      if (text) status.focus();
    },
    /** Empties the forms and messages: nothing typed about one workshop goes to another. */
    reset() {
      for (const form of forms) {
        form.reset();
        clearProblems(form);
      }
      status.textContent = '';
      panel.hidden = true;
    },
  };
}
