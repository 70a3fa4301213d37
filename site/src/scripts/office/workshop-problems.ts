/**
 * The API's problems with what was typed, the GOV.UK way: each next to its field (found by its
 * place in the body, or the nearest part that holds it), and an error summary at the top that
 * names the field and links to it, and takes focus. Browser only.
 */
import type { Answer, ErrorBody } from './api.ts';
import { fill, h } from './dom.ts';
import { s } from './strings.ts';

/** One problem: where in the body, and what is wrong, in the page's language. */
export interface Problem {
  path: (string | number)[];
  message: string;
}

/**
 * What a failed call means, in the page's words: the API's own message when it sent one (it
 * speaks the page's language), else the network, refusal or server sentence.
 */
export function failure(answer: Answer<unknown>): string {
  if (answer.ok) return '';
  if (answer.status === 0) return s('office.error.network');
  if (typeof answer.body.error === 'string' && typeof answer.body.message === 'string')
    return answer.body.message;
  if (answer.status === 403) return s('office.workshop.forbidden');
  return s('office.error.server');
}

/** The problems of a 400, whether the API lists them as `issues` or as `fields`. */
export function problemsOf(body: ErrorBody): Problem[] {
  const listed = body.issues ?? body.fields ?? [];
  return Array.isArray(listed)
    ? listed.map((issue) => ({ path: issue.path ?? [], message: issue.message ?? '' }))
    : [];
}

/** The field that shows a problem at `path`: the exact one, or the nearest part holding it. */
function fieldFor(root: HTMLElement, path: readonly (string | number)[]): HTMLElement | undefined {
  const tries = path[0] === 'workshop' || path[0] === 'sessions' ? [path] : [path, ['workshop', ...path]];
  for (const tried of tries) {
    for (let length = tried.length; length > 0; length -= 1) {
      const key = tried.slice(0, length).join('.');
      const found = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(key)}"]`);
      if (found) return found;
    }
  }
  return undefined;
}

/** The field's own words: its label or legend, within its row ("Session 2: Date"). */
function nameOf(field: HTMLElement): string {
  const own = field.querySelector(':scope > label, :scope > legend')?.textContent?.trim() ?? '';
  const row = field.parentElement?.closest<HTMLElement>('[data-row-name]');
  return row ? `${row.dataset.rowName}: ${own}` : own;
}

/** The API's message without the field name it starts with: the page names the field itself. */
function bare(message: string): string {
  const match = /^[^:：。?？]{1,60}[:：]\s*(.+)$/s.exec(message);
  const rest = match?.[1] ?? message;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Takes every problem off the form and the summary. */
export function clearProblems(root: HTMLElement, summary?: HTMLElement): void {
  if (summary) summary.hidden = true;
  for (const error of root.querySelectorAll<HTMLElement>('[data-field-error]')) {
    error.hidden = true;
    error.replaceChildren();
  }
  for (const field of root.querySelectorAll('.field--error')) field.classList.remove('field--error');
  for (const input of root.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

/** Says `message` next to `field` and marks its inputs; returns the input to link to. */
export function showAtField(field: HTMLElement, message: string): HTMLElement | undefined {
  const error = field.querySelector<HTMLElement>(':scope > [data-field-error]');
  if (error) {
    const before = error.hidden ? '' : `${error.lastChild?.textContent ?? ''} `;
    fill(
      error,
      h('span', { class: 'visually-hidden' }, s('office.workshop.errors.prefix')),
      `${before}${message}`,
    );
    error.hidden = false;
  }
  field.classList.add('field--error');
  const inputs = [...field.querySelectorAll<HTMLElement>('input, select, textarea')];
  for (const input of inputs) input.setAttribute('aria-invalid', 'true');
  // A problem inside a hidden part (a sign-up way not chosen) must not stay hidden.
  field.hidden = false;
  return inputs.find((input) => !input.closest('[hidden]'));
}

/**
 * Shows `problems` next to their fields in `root` and lists them in `summary`, each linked to
 * its field, then moves focus to the summary.
 */
export function showProblems(root: HTMLElement, summary: HTMLElement, problems: readonly Problem[]): void {
  clearProblems(root, summary);
  const items = problems.map(({ path, message }) => {
    const field = fieldFor(root, path);
    if (!field) return h('li', null, message);
    const text = bare(message);
    const target = showAtField(field, text);
    const link = h(
      'a',
      { href: `#${target?.id ?? ''}` },
      s('office.workshop.errors.item', { field: nameOf(field), problem: text }),
    );
    // Focus the input itself and keep the address as it is: the hash is the console's route.
    link.addEventListener('click', (event) => {
      event.preventDefault();
      field.scrollIntoView({ block: 'start' });
      target?.focus({ preventScroll: true });
    });
    return h('li', null, link);
  });
  fill(summary.querySelector('ul') ?? summary, items);
  summary.hidden = false;
  summary.focus();
}
