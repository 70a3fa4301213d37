/**
 * The live character count under a textarea, after GOV.UK's: the visible count follows every
 * key, and screen readers hear it once typing pauses, not on every key. Browser only.
 */

const announceDelayMs = 1000;

function fill(template: string, count: number): string {
  return template.replace('{count}', String(count));
}

/** Starts the count for `textarea`, using the templates its page rendered. */
export function attachCount(textarea: HTMLTextAreaElement): void {
  const visible = document.querySelector<HTMLElement>(`[data-count-for="${textarea.id}"]`);
  const live = document.querySelector<HTMLElement>(`[data-count-live-for="${textarea.id}"]`);
  if (!visible || !live) return;
  const needed = visible.dataset.countNeeded ?? '';
  const remaining = visible.dataset.countRemaining ?? '';
  let timer = 0;
  const update = (announce: boolean) => {
    // The API counts trimmed text for the minimum; maxlength counts everything typed.
    const shortBy = textarea.minLength - textarea.value.trim().length;
    const text =
      shortBy > 0 ? fill(needed, shortBy) : fill(remaining, textarea.maxLength - textarea.value.length);
    visible.textContent = text;
    window.clearTimeout(timer);
    if (announce) timer = window.setTimeout(() => (live.textContent = text), announceDelayMs);
  };
  visible.hidden = false;
  update(false);
  textarea.addEventListener('input', () => update(true));
}
