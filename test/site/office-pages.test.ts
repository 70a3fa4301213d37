/**
 * The office console and the transparency page as built: in every language, never indexed (the
 * console), within their budgets, with every word the console's script needs in the page, and
 * every choice the workflow offers in its forms. The layout invariants every page shares
 * (skip link, quick exit, language links) are in pages.test.ts, which reads these pages too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deployment } from '../../functions/config.ts';
import { categories, childAgeBands } from '../../functions/domain/report.ts';
import { staffRoles } from '../../functions/domain/staff.ts';
import { officeStatuses } from '../../functions/domain/status.ts';
import { urgentReasons } from '../../functions/domain/triage.ts';
import { agencyKinds, outcomes, priorities, referralMethods } from '../../functions/domain/workflow.ts';
import { repoRoot, siteDist } from '../../infra/site-build.ts';
import { all, assetsOf, attr, type BuiltPage, builtPages, one, text, urlIn } from './built-pages.ts';

const pages = builtPages();
const kb = 1024;
const actionNames = [
  'acknowledge',
  'set_priority',
  'assign',
  'note',
  'reply',
  'refer',
  'duplicate',
  'close',
  'reopen',
];

function pageAt(url: string): BuiltPage {
  const page = pages.find((candidate) => candidate.url === url);
  if (!page) throw new Error(`${url} was not built`);
  return page;
}

function gzipped(assets: string[]): number {
  return assets.reduce(
    (sum, asset) => sum + gzipSync(readFileSync(join(siteDist, asset)), { level: 9 }).byteLength,
    0,
  );
}

describe.each(deployment.languages)('in %s', (lang) => {
  const console_ = pageAt(urlIn(lang, '/office/'));
  const transparency = pageAt(urlIn(lang, '/transparency/'));

  describe('the office console', () => {
    const root = one(console_.document, 'div', (el) => attr(el, 'data-console') !== undefined);
    const strings = JSON.parse(attr(root, 'data-strings') ?? '{}') as Record<string, string>;

    it('asks never to be indexed or followed', () => {
      // Act
      const robots = one(console_.document, 'meta', (m) => attr(m, 'name') === 'robots');

      // Assess
      expect(attr(robots, 'content')).toBe('noindex, nofollow');
    });

    it('runs at most 60 KB of JavaScript, compressed, with everything it imports', () => {
      // Act
      const scripts = assetsOf(console_).filter((asset) => asset.endsWith('.js'));

      // Assess
      expect(scripts.length).toBeGreaterThan(1);
      expect(gzipped(scripts)).toBeLessThanOrEqual(60 * kb);
    });

    it('sends staff back to itself after sign-in, in its own language', () => {
      // Assess
      expect(attr(root, 'data-page')).toBe(urlIn(lang, '/office/'));
    });

    it('says without JavaScript that the console needs it, and shows no sign-in button that does nothing', () => {
      // Act
      const notice = one(console_.document, 'p', (p) => (attr(p, 'class') ?? '').includes('only-no-script'));
      const signedOut = one(console_.document, 'section', (s) => attr(s, 'data-view') === 'signed-out');

      // Assess
      expect(text(notice)).toBe(strings['office.noScript']);
      expect(attr(signedOut, 'hidden')).toBeDefined();
    });

    it('hands its script a label for every status, priority, outcome, method, agency, role and urgency', () => {
      // Prepare
      const families: [string, readonly string[]][] = [
        ['office.status', officeStatuses],
        ['office.priority', priorities],
        ['office.outcome', outcomes],
        ['office.referralMethod', referralMethods],
        ['office.agencyKind', agencyKinds],
        ['office.role', staffRoles],
        ['office.urgentReason', urgentReasons],
        ['office.audit', [...actionNames, 'viewed', 'duplicate_linked']],
        [
          'office.detail',
          [
            'priority',
            'assignee',
            'agency',
            'method',
            'on',
            'contactPerson',
            'of',
            'duplicate',
            'outcome',
            'note',
            'reason',
          ],
        ],
        ['category', categories],
        ['ageBand', childAgeBands],
      ];

      // Act
      const missing = families.flatMap(([prefix, values]) =>
        values.filter((value) => !strings[`${prefix}.${value}`]?.trim()).map((value) => `${prefix}.${value}`),
      );

      // Assess
      expect(missing).toEqual([]);
    });

    it('has a form for every action, with every priority, referral method and outcome to choose from', () => {
      // Act
      const forms = all(console_.document, 'form', (f) => attr(f, 'data-action-form') !== undefined).map(
        (f) => attr(f, 'data-action-form'),
      );
      const options = (id: string) =>
        all(
          one(console_.document, 'select', (s) => attr(s, 'id') === id),
          'option',
        ).map((o) => attr(o, 'value'));

      // Assess
      expect(forms.sort()).toEqual([...actionNames].sort());
      expect(options('acknowledge-priority')).toEqual([...priorities]);
      expect(options('refer-method')).toEqual([...referralMethods]);
      expect(options('close-outcome')).toEqual([...outcomes]);
    });

    it('tells staff, in the reply form, that the reporter will read the reply', () => {
      // Act
      const warning = one(console_.document, 'p', (p) => attr(p, 'id') === 'reply-warning');
      const reply = one(console_.document, 'textarea', (t) => attr(t, 'id') === 'reply-body');

      // Assess
      expect(text(warning)).toBe(strings['office.action.reply.warning']);
      expect(attr(reply, 'aria-describedby')).toContain('reply-warning');
    });
  });

  describe('the transparency page', () => {
    it('runs one script besides the quick exit, and keeps it under 2 KB compressed', () => {
      // Act
      const scripts = all(transparency.document, 'script').map((s) => attr(s, 'src') ?? '');
      const own = assetsOf(transparency).filter(
        (asset) => asset.endsWith('.js') && asset !== '/quick-exit.js',
      );

      // Assess
      expect(scripts).toHaveLength(2);
      expect(scripts[0]).toBe('/quick-exit.js');
      expect(gzipped(own)).toBeLessThanOrEqual(2 * kb);
    });

    it('says why small numbers are hidden, and what needs JavaScript', () => {
      // Act
      const words = text(one(transparency.document, 'main'));

      // Assess
      expect(words).toContain(lang === 'en' ? 'fewer than 5' : '少于 5');
      expect(words).toContain(lang === 'en' ? 'no child or family can be picked out' : '认出是哪个孩子');
      expect(words).toContain(lang === 'en' ? 'The figures need JavaScript' : '需要 JavaScript');
    });

    it('is indexed like any public page', () => {
      // Act
      const robots = all(transparency.document, 'meta', (m) => attr(m, 'name') === 'robots');

      // Assess
      expect(robots).toEqual([]);
    });
  });

  it('links the transparency page and the console from every page footer', () => {
    // Act
    const footer = one(
      pageAt(urlIn(lang, '/')).document,
      'footer',
      (f) => attr(f, 'class') === 'site-footer',
    );
    const links = all(footer, 'a').map((a) => attr(a, 'href'));

    // Assess
    expect(links).toEqual(expect.arrayContaining([urlIn(lang, '/transparency/'), urlIn(lang, '/office/')]));
  });
});

describe("the console's sign-in", () => {
  it('keeps only its one-time sign-in secrets in sessionStorage, and nothing in any other store', () => {
    // Prepare
    const source = readFileSync(join(repoRoot, 'site/src/scripts/office/auth.ts'), 'utf8');

    // Act
    const uses = [...source.matchAll(/sessionStorage\.(\w+)\(([^,)]*)/g)].map((m) => `${m[1]}(${m[2]})`);

    // Assess
    expect(source).not.toMatch(/\blocalStorage\b|\bindexedDB\b|document\.cookie/);
    expect(uses.sort()).toEqual(
      ['getItem(pendingKey)', 'removeItem(pendingKey)', 'setItem(pendingKey)'].sort(),
    );
  });
});
