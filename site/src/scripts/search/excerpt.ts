/**
 * Pagefind's excerpts as text. An excerpt is the page's own words, raw, with the matched ones
 * wrapped in `<mark>`: split on exactly those tags, never parsed as HTML. Pure.
 */

/** A run of an excerpt's text, matched or not. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * The runs of an excerpt, in order; empty runs are dropped.
 * @example excerptParts('被<mark>欺凌</mark>时') // [{ text: '被', marked: false }, { text: '欺凌', marked: true }, { text: '时', marked: false }]
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece) parts.push({ text: piece, marked });
  }
  return parts;
}
