/** Finding the elements the report page is built with. Browser only. */

/**
 * The element matching `selector` under `root`; throws when the page lacks it, so a broken
 * page fails loudly in tests instead of half-working.
 * @example const send = find<HTMLButtonElement>(form, '[data-send]');
 */
export function find<E extends Element = HTMLElement>(root: ParentNode, selector: string): E {
  const element = root.querySelector<E>(selector);
  if (!element) throw new Error(`report page: nothing matches ${selector}`);
  return element;
}

/** The first input of a field, where a link to the field's problem moves focus. */
export function firstInput(fieldName: string): HTMLElement | null {
  const field = document.getElementById(`field-${fieldName}`);
  return field ? field.querySelector<HTMLElement>('input, textarea, select') : null;
}
