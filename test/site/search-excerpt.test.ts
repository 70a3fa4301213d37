/**
 * Search results show Pagefind's excerpts as text: the matched words marked, everything else,
 * angle brackets included, exactly as written on the page.
 */
import { describe, expect, it } from 'vitest';
import { excerptParts } from '../../site/src/scripts/search/excerpt.ts';

describe('excerptParts', () => {
  it('splits a Chinese excerpt into plain and matched runs, in order', () => {
    // Act
    const parts = excerptParts('被<mark>欺凌</mark>时可以怎么做，<mark>欺凌</mark>不是你的错');

    // Assess
    expect(parts).toEqual([
      { text: '被', marked: false },
      { text: '欺凌', marked: true },
      { text: '时可以怎么做，', marked: false },
      { text: '欺凌', marked: true },
      { text: '不是你的错', marked: false },
    ]);
  });

  it('keeps any other markup as text, so a page quoting HTML cannot inject it', () => {
    // Act
    const parts = excerptParts('a <img src=x onerror=alert(1)> and <mark>bullying</mark> <b>here</b>');

    // Assess
    expect(parts).toEqual([
      { text: 'a <img src=x onerror=alert(1)> and ', marked: false },
      { text: 'bullying', marked: true },
      { text: ' <b>here</b>', marked: false },
    ]);
  });

  it('returns nothing for an empty excerpt', () => {
    // Act / Assess
    expect(excerptParts('')).toEqual([]);
  });
});
