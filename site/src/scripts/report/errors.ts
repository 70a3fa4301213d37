/**
 * Shows the API's 400 answer the GOV.UK way: each message next to its field, and an error
 * summary at the top, linking to each field, which takes focus. Browser only.
 */
import type { FieldIssue } from '../../../../functions/domain/issues.ts';
import { find, firstInput } from './dom.ts';

/** Removes every message the last answer left on the page. */
export function clearIssues(form: HTMLFormElement, summary: HTMLElement): void {
  summary.hidden = true;
  for (const error of form.querySelectorAll<HTMLElement>('.field-error')) {
    error.hidden = true;
    find(error, '[data-error-text]').textContent = '';
  }
  for (const field of form.querySelectorAll('.field--error')) field.classList.remove('field--error');
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

function showNextToField(fieldName: string, message: string): boolean {
  const field = document.getElementById(`field-${fieldName}`);
  const error = document.getElementById(`error-${fieldName}`);
  if (!field || !error) return false;
  const text = find(error, '[data-error-text]');
  text.textContent = text.textContent ? `${text.textContent} ${message}` : message;
  error.hidden = false;
  field.classList.add('field--error');
  for (const input of field.querySelectorAll('input, textarea, select'))
    input.setAttribute('aria-invalid', 'true');
  // A problem inside a closed <details> must not stay hidden.
  const details = field.closest('details');
  if (details) details.open = true;
  return true;
}

function summaryItem(fieldName: string, message: string, linked: boolean): HTMLLIElement {
  const item = document.createElement('li');
  if (!linked) {
    item.textContent = message;
    return item;
  }
  const link = document.createElement('a');
  link.href = `#field-${fieldName}`;
  link.textContent = message;
  // Focus the input itself and keep the URL as it was: a #fragment would add a history entry.
  link.addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById(`field-${fieldName}`)?.scrollIntoView({ block: 'start' });
    firstInput(fieldName)?.focus({ preventScroll: true });
  });
  item.append(link);
  return item;
}

/**
 * Puts each issue next to its field (the API's `path[0]` is the field's name), fills the
 * summary with the API's message and a link per issue, and moves focus to the summary.
 */
export function showIssues(
  form: HTMLFormElement,
  summary: HTMLElement,
  message: string,
  issues: readonly FieldIssue[],
): void {
  clearIssues(form, summary);
  find(summary, '[data-error-summary-message]').textContent = message;
  const list = find(summary, '[data-error-summary-list]');
  list.textContent = '';
  for (const issue of issues) {
    const fieldName = String(issue.path[0] ?? '');
    const linked = showNextToField(fieldName, issue.message);
    list.append(summaryItem(fieldName, issue.message, linked));
  }
  summary.hidden = false;
  summary.focus();
}
