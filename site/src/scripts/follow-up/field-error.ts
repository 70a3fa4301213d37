/** One field's problem from the API, next to the field, GOV.UK style. Browser only. */
import { find } from '../report/dom.ts';

/** Shows `message` under the field named `name`, marks its input invalid and focuses it. */
export function showFieldError(name: string, message: string): void {
  const field = document.getElementById(`field-${name}`);
  const error = document.getElementById(`error-${name}`);
  const input = document.getElementById(`input-${name}`);
  if (!field || !error || !input) return;
  find(error, '[data-error-text]').textContent = message;
  error.hidden = false;
  field.classList.add('field--error');
  input.setAttribute('aria-invalid', 'true');
  input.focus();
}

/** Removes the problem shown for the field named `name`. */
export function clearFieldError(name: string): void {
  const error = document.getElementById(`error-${name}`);
  if (error) {
    error.hidden = true;
    find(error, '[data-error-text]').textContent = '';
  }
  document.getElementById(`field-${name}`)?.classList.remove('field--error');
  document.getElementById(`input-${name}`)?.removeAttribute('aria-invalid');
}
