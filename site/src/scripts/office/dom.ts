/**
 * Building the console's DOM. Text only ever goes in as text nodes: there is no way to set HTML
 * here, so report text (untrusted, from the public) can never become markup. Browser only.
 */

/** What a child of `h()` may be: nodes, text, or nothing (skipped). */
export type Child = Node | string | number | false | null | undefined | readonly Child[];

/** Attributes by name; `true` sets an empty attribute, `false` and undefined leave it off. */
export type Attributes = Record<string, string | number | boolean | undefined>;

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

function setAttributes(element: Element, attributes: Attributes | null | undefined): void {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

/**
 * An HTML element with attributes and children.
 * @example h('p', { class: 'hint' }, 'Sent ', h('time', { datetime: iso }, when))
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Attributes | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

/**
 * An SVG element, for the charts.
 * @example svg('rect', { x: 0, y: 0, width: 10, height: 20, class: 'bar' })
 */
export function svg(tag: string, attributes?: Attributes | null, ...children: Child[]): SVGElement {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag) as SVGElement;
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

/** Replaces everything in `parent` with `children`. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * Redraws `container` with `draw`, and gives focus back to whatever had it, matched by its
 * `data-focus-key`, so a refresh never throws a keyboard user back to the top.
 */
export function keepingFocus(container: Element, draw: () => void): void {
  const active = document.activeElement;
  const key =
    active instanceof HTMLElement && container.contains(active) ? active.dataset.focusKey : undefined;
  draw();
  if (!key) return;
  const again = [...container.querySelectorAll<HTMLElement>('[data-focus-key]')].find(
    (element) => element.dataset.focusKey === key,
  );
  again?.focus({ preventScroll: true });
}

/** Says `text` in a status element and, when asked, moves focus there so it is heard. */
export function say(element: HTMLElement, text: string, focus = false): void {
  element.textContent = text;
  if (focus && text) element.focus();
}

/** Shows or hides an error element with `text`. */
export function showError(element: HTMLElement, text: string | undefined): void {
  element.textContent = text ?? '';
  element.hidden = !text;
}
