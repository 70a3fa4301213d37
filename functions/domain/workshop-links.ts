/**
 * Where a link in a workshop's Markdown may go, and what in that Markdown the public site would
 * refuse to build: the one rule the workshop schema checks at save and the site checks on the
 * rendered HTML (site/src/lib/workshops/markdown.ts). Pure.
 */

/**
 * Where a link may go: this site, a web page, an e-mail address or a phone number.
 * @example safeHref.test('https://example.org') // true
 */
export const safeHref = /^(\/|#|https?:\/\/|mailto:|tel:)/i;

// What CommonMark skips before a destination: spaces and tabs, and at most one line ending.
const gap = String.raw`[ \t]*(?:\r\n?|\n)?[ \t]*`;

/** Every inline link's and image's destination, from just after `](`. */
const inlineDestination = new RegExp(String.raw`\]\(${gap}([^\s)]*)`, 'g');

/**
 * Every reference definition, `[label]: destination`, at the start of a line or after the marks
 * of a quote or list; the label may span lines. A footnote, `[^1]: …`, is not a link.
 */
const definition = new RegExp(
  String.raw`^(?:[ \t>]|[-*+][ \t]|\d{1,9}[.)][ \t])*\[((?:[^\\\]]|\\.)+)\]:${gap}(\S*)`,
  'gm',
);

/** A reference label as CommonMark matches it: case and runs of white space don't count. */
function normalLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The reference definitions: each label, normalised, and its destination as written. */
function definitions(markdown: string): { label: string; destination: string }[] {
  return [...markdown.matchAll(definition)]
    .map((m) => ({ label: m[1] ?? '', destination: m[2] ?? '' }))
    .filter((d) => !d.label.startsWith('^') && d.destination !== '')
    .map((d) => ({ ...d, label: normalLabel(d.label) }));
}

/**
 * The destinations a trainer wrote, as written: inline links' and images', and reference
 * definitions'. An inline link's may be empty. Over-reads rather than under-reads: link syntax
 * inside code is counted too, so nothing the renderer turns into a link is missed.
 * @example linkDestinations('[a](https://x.org) and\n\n[b]: /page') // ['https://x.org', '/page']
 */
export function linkDestinations(markdown: string): string[] {
  const inline = [...markdown.matchAll(inlineDestination)].map((m) => m[1] ?? '');
  return [...inline, ...definitions(markdown).map((d) => d.destination)];
}

/**
 * The destinations the site would refuse. The rule is an allow-list on the destination as
 * written, so an entity or percent-encoded scheme (`java&#115;cript:`) fails, and so does
 * `<https://…>`: the site escapes `<` before rendering, which makes that href `%3Chttps…`.
 * @example refusedLinks('[a](javascript:alert(1)) [b](https://x.org)') // ['javascript:alert(1)']
 */
export function refusedLinks(markdown: string): string[] {
  return linkDestinations(markdown).filter((destination) => !safeHref.test(destination));
}

/** Where the `]` closing the `[` at `open` is, minding nesting and escapes; -1 if none. */
function closingBracket(markdown: string, open: number): number {
  let depth = 0;
  for (let at = open; at < markdown.length; at += 1) {
    const char = markdown[at];
    if (char === '\\') at += 1;
    else if (char === '[') depth += 1;
    else if (char === ']' && --depth === 0) return at;
  }
  return -1;
}

/**
 * Whether the Markdown places a picture: `![alt](src)`, `![alt][label]`, or `![label]` with a
 * definition. The site makes no `<img>` from a workshop's text, whatever the source; pictures
 * are uploaded as handout files instead.
 * @example hasImage('![map](https://x.org/map.png)') // true
 */
export function hasImage(markdown: string): boolean {
  const labels = new Set(definitions(markdown).map((d) => d.label));
  for (const bang of markdown.matchAll(/!\[/g)) {
    const open = bang.index + 1;
    const close = closingBracket(markdown, open);
    if (close < 0) continue;
    const next = markdown[close + 1];
    if (next === '(' || next === '[' || labels.has(normalLabel(markdown.slice(open + 1, close)))) return true;
  }
  return false;
}
