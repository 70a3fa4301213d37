/**
 * Script and markup a member of the public (or a careless colleague) might type, for the stored
 * XSS suite and the fuzz's text fields. Each one is harmless as text and harmful as HTML.
 */

/** One payload, and what its effect would be if a page ever parsed it as HTML. */
export interface MarkupPayload {
  /** The text as typed. */
  text: string;
  /** A CSS selector that finds what the payload would create if parsed as HTML; none for text-only tricks. */
  wouldCreate?: string;
}

/**
 * Every payload, each with a marker of its own so a page that ran one can be told apart:
 * `window.__xss` would be set, a dialog would open, or an element would appear.
 */
export const markupPayloads: readonly MarkupPayload[] = [
  {
    text: '<script data-xss>window.__xss="script";alert("script")</script>',
    wouldCreate: 'script[data-xss]',
  },
  { text: "<img src=x onerror=\"window.__xss='img';alert('img')\">", wouldCreate: 'img[src="x"]' },
  {
    text: '<svg onload="window.__xss=\'svg\';alert(\'svg\')"><circle r="1"/></svg>',
    wouldCreate: 'svg[onload]',
  },
  { text: '<a href="javascript:alert(\'link\')">click me</a>', wouldCreate: 'a[href^="javascript:"]' },
  {
    text: '"><iframe srcdoc="<script>parent.alert(\'frame\')</script>"></iframe>',
    wouldCreate: 'iframe[srcdoc]',
  },
  { text: "'><details open ontoggle=\"alert('details')\">", wouldCreate: 'details[ontoggle]' },
  { text: '<style>body{display:none}</style><b id="xss-bold">bold</b>', wouldCreate: '#xss-bold' },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder, typed as text on purpose.
  { text: '{{constructor.constructor("alert(\'template\')")()}} ${alert("template")} <%= 7*7 %>' },
  { text: 'javascript:alert("bare")' },
];

/** The payloads joined into one text of `max` characters at most, for a single field. */
export function allPayloads(max = 2000): string {
  return markupPayloads
    .map((p) => p.text)
    .join(' ')
    .slice(0, max)
    .trim();
}
