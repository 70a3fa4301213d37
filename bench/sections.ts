/**
 * docs/benchmarks.md as sections, so a run of some parts (`npm run bench -- lighthouse`) replaces
 * just their sections and keeps the others' figures. A section runs from its `## ` heading to
 * the next one.
 */

/** Splits a page into what comes before the first `## ` heading and each section, by heading. */
export function splitSections(markdown: string): { preamble: string[]; sections: Map<string, string[]> } {
  const preamble: string[] = [];
  const sections = new Map<string, string[]>();
  let current: string[] = preamble;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) {
      current = [];
      sections.set(line, current);
    }
    current.push(line);
  }
  return { preamble, sections };
}

/**
 * The page with `fresh` sections (each starting with its `## ` heading) in place of the old ones
 * of the same heading, new ones after the rest, under `preamble`.
 * @example mergeSections(readFileSync(file, 'utf8'), ['# Benchmarks', ''], [['## Lighthouse', '', '…']])
 */
export function mergeSections(existing: string, preamble: string[], fresh: string[][]): string {
  const { sections } = splitSections(existing);
  for (const section of fresh) {
    const heading = section[0];
    if (!heading?.startsWith('## ')) throw new Error(`a section must start with its ## heading: ${heading}`);
    sections.set(heading, section);
  }
  const body = [...sections.values()].map((lines) => {
    const trimmed = [...lines];
    while (trimmed.at(-1) === '') trimmed.pop();
    return [...trimmed, ''].join('\n');
  });
  return [...preamble, ...body].join('\n');
}
