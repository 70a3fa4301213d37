/**
 * Markdown from a workshop's notes and handout, rendered as Markdown only: Astro's renderer
 * passes raw HTML through, so HTML is escaped before rendering (a trainer's `<b>` shows as text)
 * and what comes out is checked against the few elements Markdown makes. Pure, but for `render`.
 */
import { safeHref } from '../../../../functions/domain/workshop-links.ts';

/** What Markdown itself produces; anything else means HTML got through, and fails the build. */
const allowedTags = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'a',
  'code',
  'pre',
  'blockquote',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'del',
  'section',
  'sup',
]);

/**
 * Makes every `<` literal, so no HTML (tags, comments, autolinks) reaches the renderer.
 * @example escapeHtml('a <b>c</b>') // 'a &lt;b>c&lt;/b>'
 */
export function escapeHtml(markdown: string): string {
  return markdown.replace(/</g, '&lt;');
}

/** The problems with rendered HTML: elements Markdown does not make, or links that go elsewhere. */
export function unsafeParts(html: string): string[] {
  const tags = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)]
    .map((m) => (m[1] ?? '').toLowerCase())
    .filter((tag) => !allowedTags.has(tag))
    .map((tag) => `<${tag}>`);
  const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)]
    .map((m) => m[1] ?? '')
    .filter((href) => !safeHref.test(href))
    .map((href) => `a link to ${href}`);
  return [...new Set([...tags, ...hrefs])];
}

/**
 * Headings moved down `by` levels, without the ids the renderer gives them (two notes on one page
 * would repeat them): the notes' `##` sit under the page's own `<h2>` as `<h3>`.
 * @example demoteHeadings('<h2 id="x">A</h2>', 1) // '<h3>A</h3>'
 */
export function demoteHeadings(html: string, by: number): string {
  return html.replace(/<(\/?)h([1-6])(\s[^>]*)?>/g, (_, close: string, level: string) => {
    return `<${close}h${Math.min(6, Number(level) + by)}>`;
  });
}
