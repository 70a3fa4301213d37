/**
 * Read-aloud speaks a page a sentence at a time, so long pages are read to the end and pause and
 * stop act at once.
 */
import { describe, expect, it } from 'vitest';
import { sentences } from '../../site/src/scripts/read-aloud/sentences.ts';

describe('sentences', () => {
  it('cuts Chinese text after each full stop, question and exclamation mark', () => {
    // Act
    const said = sentences(['这不是你的错。你可以告诉信任的大人！他们会帮你吗？会的。']);

    // Assess
    expect(said).toEqual(['这不是你的错。', '你可以告诉信任的大人！', '他们会帮你吗？', '会的。']);
  });

  it('cuts English text at sentence ends followed by a space, and at line breaks', () => {
    // Act
    const said = sentences(['It is never your fault. Tell an adult you trust!\nCall 110 now']);

    // Assess
    expect(said).toEqual(['It is never your fault.', 'Tell an adult you trust!', 'Call 110 now']);
  });

  it('keeps numbers like 12355 and 3.5 whole, and drops empty lines', () => {
    // Act
    const said = sentences(['Call 12355, or wait 3.5 days.\n\n   \n', '']);

    // Assess
    expect(said).toEqual(['Call 12355, or wait 3.5 days.']);
  });
});
