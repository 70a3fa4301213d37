/**
 * Every language says everything: each content page, read straight from site/src/content/pages/,
 * has its twin in every other language, keyed by its path, for the same readers. (The UI strings
 * are kept in step by i18n.test.ts, and a missing key is a type error in `t()`.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployment } from '../../functions/config.ts';
import { repoRoot } from '../../infra/site-build.ts';

const pagesDir = join(repoRoot, 'site', 'src', 'content', 'pages');
const languages = deployment.languages;

/** A content page as its file says: where it is and what its frontmatter declares. */
interface ContentFile {
  /** Its file, from the language's folder: `children/6-8/my-body.md`. */
  file: string;
  /** Its path, as the URL and the translation key have it: `children/6-8/my-body`, `home`. */
  path: string;
  fields: Record<string, string | string[]>;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

const unquote = (value: string) => value.trim().replace(/^(['"])(.*)\1$/, '$2');

/**
 * The frontmatter's top-level scalars and lists of scalars (`topics: [a, b]` or one `- a` a
 * line); nested maps such as `sources` are skipped. Enough for the fields pages are paired by.
 */
function frontmatter(markdown: string): Record<string, string | string[]> {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(markdown)?.[1] ?? '';
  const fields: Record<string, string | string[]> = {};
  let list: string[] | undefined;
  for (const line of block.split(/\r?\n/)) {
    const field = /^([A-Za-z]\w*):\s*(.*)$/.exec(line);
    if (field) {
      const [, key = '', value = ''] = field;
      const inline = /^\[(.*)\]$/.exec(value.trim());
      list = undefined;
      if (inline) fields[key] = (inline[1] ?? '').split(',').map(unquote).filter(Boolean);
      else if (value.trim() !== '') fields[key] = unquote(value);
      else fields[key] = list = [];
      continue;
    }
    const item = /^\s+-\s+(.*)$/.exec(line)?.[1];
    if (list && item !== undefined && !/^\w+:\s/.test(item)) list.push(unquote(item));
  }
  return fields;
}

function contentFiles(lang: string): ContentFile[] {
  const root = join(pagesDir, lang);
  return markdownFiles(root).map((full) => {
    const file = relative(root, full).split(sep).join('/');
    const path = file.replace(/(^|\/)index\.md$/, '').replace(/\.md$/, '') || 'home';
    return { file, path, fields: frontmatter(readFileSync(full, 'utf8')) };
  });
}

const byLanguage = new Map(languages.map((lang) => [lang, contentFiles(lang)]));
const everyPage = languages.flatMap((lang) =>
  (byLanguage.get(lang) ?? []).map((page) => [`${lang}/${page.file}`, lang, page] as const),
);

describe('content pages', () => {
  it('exist in every language', () => {
    // Act
    const counts = languages.map((lang) => byLanguage.get(lang)?.length ?? 0);

    // Assess
    expect(counts.every((count) => count > 0)).toBe(true);
  });

  it.each(everyPage)('%s has its twin in every other language, for the same readers', (_name, lang, page) => {
    for (const other of languages.filter((l) => l !== lang)) {
      // Act
      const twin = byLanguage.get(other)?.find((candidate) => candidate.path === page.path);

      // Assess
      expect(twin?.file, `${other} twin of ${lang}/${page.file}`).toBeDefined();
      expect(twin?.fields.translationKey).toBe(page.fields.translationKey);
      expect(twin?.fields.audience).toBe(page.fields.audience);
      expect(twin?.fields.ageBand).toBe(page.fields.ageBand);
      expect([...(twin?.fields.topics ?? [])].sort()).toEqual([...(page.fields.topics ?? [])].sort());
    }
  });

  it.each(everyPage)('%s is keyed by its path', (_name, _lang, page) => {
    // Act
    const key = page.fields.translationKey;

    // Assess
    expect(key).toBe(page.path);
  });
});

describe('frontmatter', () => {
  it('reads scalars, quoted values and both kinds of list, and skips nested maps', () => {
    // Prepare
    const markdown = [
      '---',
      'title: "我的身体: 属于我"',
      "translationKey: 'children/6-8/my-body'",
      'topics: [body-safety, "saying-no"]',
      'sources:',
      '  - title: A law',
      '    url: https://example.org/',
      'keywords:',
      '  - one',
      '  - two',
      '---',
      'Text: not frontmatter',
    ].join('\n');

    // Act
    const fields = frontmatter(markdown);

    // Assess
    expect(fields).toEqual({
      title: '我的身体: 属于我',
      translationKey: 'children/6-8/my-body',
      topics: ['body-safety', 'saying-no'],
      sources: [],
      keywords: ['one', 'two'],
    });
  });
});
