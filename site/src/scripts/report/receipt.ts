/**
 * Shows the receipt once, in large digits, and takes it off the page again when the person
 * leaves, so the back/forward cache can't show it a second time. Browser only.
 */
import { find } from './dom.ts';

/**
 * Writes `receipt` ("1234 5678 9012 3456") into the receipt panel and moves focus to it; a child
 * also gets it explained simply.
 */
export function showReceipt(
  panel: HTMLElement,
  receipt: string,
  options: { urgent: boolean; child: boolean },
): void {
  const groups = receipt.split(' ');
  const digits = find(panel, '[data-receipt-digits]');
  digits.textContent = '';
  for (const group of groups) {
    const span = document.createElement('span');
    span.className = 'receipt__group';
    span.textContent = group;
    digits.append(span);
  }
  // Digit by digit: "1234" would otherwise be read as one thousand two hundred and thirty-four.
  find(panel, '[data-receipt-spoken]').textContent = groups.map((g) => g.split('').join(' ')).join(', ');
  find(panel, '[data-receipt-urgent]').hidden = !options.urgent;
  for (const line of panel.querySelectorAll<HTMLElement>('[data-receipt-child]'))
    line.hidden = !options.child;
  panel.hidden = false;
  panel.focus();
}

/** Removes the receipt from the page; true when there was one. */
export function forgetReceipt(panel: HTMLElement): boolean {
  if (panel.hidden) return false;
  find(panel, '[data-receipt-digits]').textContent = '';
  find(panel, '[data-receipt-spoken]').textContent = '';
  panel.hidden = true;
  return true;
}
