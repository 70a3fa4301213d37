/**
 * "Call 110 now" when "a child is in danger right now" is ticked. CSS `:has()` already shows
 * it; this adds a class for browsers without `:has()`, and `role="alert"` so screen readers
 * hear it the moment it appears. Browser only.
 */

/** Keeps the banner in step with the checkbox; `announce` says whether to alert. */
function sync(checkbox: HTMLInputElement, banner: HTMLElement, announce: boolean): void {
  banner.classList.toggle('is-shown', checkbox.checked);
  if (!checkbox.checked || !announce) {
    banner.removeAttribute('role');
    return;
  }
  banner.setAttribute('role', 'alert');
  // Re-inserting the text makes the alert's content new, so it is announced every time.
  const text = banner.querySelector<HTMLElement>('[data-danger-text]');
  if (text) {
    const sentence = text.textContent ?? '';
    text.textContent = '';
    window.requestAnimationFrame(() => (text.textContent = sentence));
  }
}

/** Starts watching the danger checkbox; returns a function that re-syncs after a form reset. */
export function attachDanger(checkbox: HTMLInputElement, banner: HTMLElement): () => void {
  checkbox.addEventListener('change', () => sync(checkbox, banner, true));
  sync(checkbox, banner, false);
  return () => sync(checkbox, banner, false);
}
