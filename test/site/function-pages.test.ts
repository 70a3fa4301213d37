/**
 * The pages the functions render for people without JavaScript read and look like the site: the
 * same words for what both say, the site's stylesheet at its stable address, the quick exit,
 * and every value from a request escaped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { deployment } from '../../functions/config.ts';
import { languages } from '../../functions/domain/languages.ts';
import { stylesheetPath } from '../../functions/http/pages/layout.ts';
import {
  reportFormPage,
  reportProblemPage,
  reportReceivedPage,
} from '../../functions/http/pages/report-pages.ts';
import { pageStrings } from '../../functions/http/pages/strings.ts';
import { repoRoot, siteDist } from '../../infra/site-build.ts';
import { all, attr, builtPages, elements, one, text } from './built-pages.ts';

function uiStrings(lang: string): Record<string, string> {
  return JSON.parse(readFileSync(join(repoRoot, 'site', 'src', 'i18n', `${lang}.json`), 'utf8'));
}

describe("the function pages' words", () => {
  const shared = Object.keys(pageStrings).filter((key) => !key.startsWith('page.'));

  it.each(languages)('say in %s exactly what the site says for the same key', (lang) => {
    // Prepare
    const site = uiStrings(lang);

    // Act
    const drifted = shared.filter((key) => pageStrings[key as keyof typeof pageStrings][lang] !== site[key]);

    // Assess
    expect(shared.length).toBeGreaterThan(40);
    expect(drifted).toEqual([]);
  });
});

describe('the stable stylesheet', () => {
  it("is built at the address the function pages link to, and is the site's own stylesheet", () => {
    // Prepare
    const home = builtPages().find((page) => page.url === '/');
    const hashed =
      home &&
      one(home.document, 'link', (l) => attr(l, 'rel') === 'stylesheet' && attr(l, 'media') !== 'print');

    // Act
    const stable = join(siteDist, stylesheetPath);

    // Assess
    expect(stylesheetPath).toBe('/styles/site.css');
    expect(existsSync(stable)).toBe(true);
    expect(readFileSync(stable, 'utf8')).toBe(
      readFileSync(join(siteDist, attr(hashed as never, 'href') ?? ''), 'utf8'),
    );
  });
});

const samples = languages.flatMap(
  (language) =>
    [
      [
        `${language} receipt`,
        language,
        reportReceivedPage({ language, receipt: '1234 5678 9012 3456', urgent: true, child: true }),
      ],
      [
        `${language} form again`,
        language,
        reportFormPage({
          language,
          values: {
            description: '<script>alert(1)</script>',
            reporterRole: 'child_friend',
            immediateDanger: true,
          },
          issues: [{ path: ['description'], message: 'a <b>message</b>' }],
          message: 'The report could not be sent yet.',
        }),
      ],
      [
        `${language} problem`,
        language,
        reportProblemPage({ language, message: 'Too many reports right now. Call 110.', child: false }),
      ],
    ] as const,
);

describe.each(samples)('the %s page', (_name, language, html) => {
  const document = parse(html);

  it("is in the site's frame: skip link, quick exit, header, phone lines, stylesheet", () => {
    // Act
    const skip = one(document, 'a');
    const exit = one(document, 'a', (a) => attr(a, 'data-quick-exit') !== undefined);
    const styles = all(document, 'link', (l) => attr(l, 'rel') === 'stylesheet').map((l) => attr(l, 'href'));
    const scripts = all(document, 'script').map((s) => attr(s, 'src'));
    const tel = all(one(document, 'footer'), 'a', (a) => attr(a, 'href')?.startsWith('tel:') ?? false);

    // Assess
    expect(attr(one(document, 'html'), 'lang')).toBe(language);
    expect(attr(skip, 'href')).toBe('#main');
    expect(attr(exit, 'href')).toBe(deployment.quickExit[language]);
    expect(text(exit)).toBe(
      `${pageStrings['quickExit.hidden'][language]} ${pageStrings['quickExit.label'][language]}`,
    );
    expect(styles).toEqual(['/styles/site.css']);
    expect(scripts).toEqual(['/quick-exit.js']);
    expect(tel.map((a) => attr(a, 'href'))[0]).toBe(`tel:${deployment.emergency.number}`);
    expect(all(document, 'header', (h) => attr(h, 'class') === 'site-header')).toHaveLength(1);
  });

  it('has nothing inline that the CSP would block, and no unescaped text from the request', () => {
    // Act
    const inline = all(document, 'script', (s) => attr(s, 'src') === undefined);
    const styled = elements(document).filter((el) => attr(el, 'style') !== undefined);

    // Assess
    expect(inline).toEqual([]);
    expect(all(document, 'style')).toEqual([]);
    expect(styled).toEqual([]);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>message');
  });
});
