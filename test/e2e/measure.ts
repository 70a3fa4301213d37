/**
 * Functions the presentation tests run inside a page with `page.evaluate`: what a person sees of
 * text sizes, touch targets, motion and focus. Each is sent to the page as source and may use
 * nothing but browser globals; the repository's types are Node's, so the DOM is declared loosely
 * here, for this module only.
 */

// biome-ignore lint/suspicious/noExplicitAny: the DOM is not in this project's types.
type Dom = any;
declare const document: Dom;
declare const window: Dom;
declare const NodeFilter: { SHOW_TEXT: number };
declare function getComputedStyle(element: Dom, pseudo?: string): Dom;

/** The targets and texts a presentation check names: `tag.class "text"` at its size. */
export interface Finding {
  what: string;
  size: string;
}

/**
 * Every visible text set smaller than `minPx`, one finding per element. Text that is there only
 * for screen readers (the 1 px `.visually-hidden` box) is not seen, so it is not counted.
 */
export const smallText = (minPx: number): Finding[] => {
  const name = (el: Dom) =>
    `${el.tagName.toLowerCase()}${[...el.classList].map((c: string) => `.${c}`).join('')}`;
  const found = new Map<Dom, Finding>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const el = node.parentElement;
    if (!text || !el || found.has(el)) continue;
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    const size = Number.parseFloat(getComputedStyle(el).fontSize);
    if (size < minPx) found.set(el, { what: `${name(el)} "${text.slice(0, 40)}"`, size: `${size}px` });
  }
  return [...found.values()];
};

/**
 * Every visible link and button smaller than `minPx` either way, except links in running text:
 * a link with words beside it on its line is as tall as the line (WCAG 2.5.5's "inline" case).
 */
export const smallTargets = (minPx: number): Finding[] => {
  const name = (el: Dom) =>
    `${el.tagName.toLowerCase()}${[...el.classList].map((c: string) => `.${c}`).join('')}`;
  const hasWords = (node: Dom) => (node.textContent ?? '').trim() !== '';
  /** True when something beside the target, or beside an inline element around it, has words. */
  const inRunningText = (target: Dom) => {
    for (let unit = target; unit.parentElement; unit = unit.parentElement) {
      const besides = [...unit.parentElement.childNodes].filter((n: Dom) => n !== unit);
      const inline = besides.some(
        (n: Dom) =>
          hasWords(n) &&
          (n.nodeType === 3 ||
            (n.nodeType === 1 &&
              getComputedStyle(n).display.startsWith('inline') &&
              n.getBoundingClientRect().width > 1)),
      );
      if (inline) return true;
      if (getComputedStyle(unit.parentElement).display !== 'inline') return false;
    }
    return false;
  };
  const targets = document.querySelectorAll(
    'a[href], button, summary, input[type="submit"], input[type="button"], [role="button"]',
  );
  const found: Finding[] = [];
  for (const el of targets) {
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 && box.height <= 1) continue;
    if (getComputedStyle(el).display === 'inline' && inRunningText(el)) continue;
    if (box.width < minPx - 0.5 || box.height < minPx - 0.5) {
      found.push({
        what: `${name(el)} "${el.textContent.trim().slice(0, 40)}"`,
        size: `${Math.round(box.width)}×${Math.round(box.height)}`,
      });
    }
  }
  return found;
};

/** Every element or pseudo-element that would move: a transition or an animation that takes time. */
export const moving = (): string[] => {
  const takesTime = (durations: string) => durations.split(',').some((d: string) => Number.parseFloat(d) > 0);
  const found: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    for (const pseudo of [undefined, '::before', '::after']) {
      const style = getComputedStyle(el, pseudo);
      const transition = style.transitionProperty !== 'none' && takesTime(style.transitionDuration);
      const animation = style.animationName !== 'none' && takesTime(style.animationDuration);
      if (transition || animation) {
        found.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${pseudo ?? ''}`);
      }
    }
  }
  return found;
};

/** How an element is drawn around its edge: what makes focus visible, or not. */
export interface EdgeStyle {
  outline: string;
  boxShadow: string;
  background: string;
}

/** Remembers how every focusable element looks unfocused, for {@link focusedLook} to compare. */
export const rememberUnfocused = (): number => {
  const looks = new Map<Dom, EdgeStyle>();
  for (const el of document.querySelectorAll('a[href], button, input, textarea, select, summary')) {
    const style = getComputedStyle(el);
    looks.set(el, {
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
      background: style.backgroundColor,
    });
  }
  window.__unfocused = looks;
  return looks.size;
};

/**
 * The focused element, how it looks now and how it looked unfocused, and whether focus was here
 * before (it has come round again); undefined when nothing on the page has focus.
 */
export const focusedLook = ():
  | { what: string; focused: EdgeStyle; unfocused: EdgeStyle | undefined; visible: boolean; again: boolean }
  | undefined => {
  const el = document.activeElement;
  if (!el || el === document.body) return undefined;
  window.__visited ??= new Set();
  const again = window.__visited.has(el);
  window.__visited.add(el);
  const style = getComputedStyle(el);
  const focused = {
    outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    boxShadow: style.boxShadow,
    background: style.backgroundColor,
  };
  const unfocused = window.__unfocused?.get(el);
  const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
  const shadowed = style.boxShadow !== 'none';
  const changed =
    unfocused !== undefined &&
    (focused.outline !== unfocused.outline || focused.boxShadow !== unfocused.boxShadow);
  const label = (el.id ? `#${el.id}` : '') || el.getAttribute('href') || el.textContent.trim().slice(0, 30);
  return {
    what: `${el.tagName.toLowerCase()} ${label}`,
    focused,
    unfocused,
    visible: (outlined || shadowed) && changed,
    again,
  };
};
