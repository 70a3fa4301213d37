/**
 * The site's own code never renders text as HTML and never keeps anything in the browser: the
 * guard behind invariants 3 and 9 for everything in site/src and site/public.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/site-build.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(astro|ts|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

const files = ['src', 'public'].flatMap((dir) => sourceFiles(join(repoRoot, 'site', dir)));

/** What each forbidden pattern would do to a person using the site. */
const forbidden: [RegExp, string][] = [
  [/\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|set:html|document\.write/, 'renders text as HTML'],
  [/is:inline/, 'ships an inline script the CSP blocks'],
  [/\blocalStorage\b|\bsessionStorage\b|\bindexedDB\b|document\.cookie/, 'leaves a trace on a shared phone'],
];

/**
 * The one file allowed a pattern, and why. The console's sign-in must keep its one-time PKCE
 * verifier, state and nonce across the trip to the identity provider's page, which no page
 * memory survives; it keeps them in that tab's sessionStorage and takes them out the moment the
 * page comes back. No token is ever stored, and the browser journey checks storage is empty.
 */
const exceptions: Record<string, string> = {
  'site/src/scripts/office/auth.ts': 'leaves a trace on a shared phone',
};

describe('site sources', () => {
  it('exist, so this guard reads something', () => {
    // Assess
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(forbidden)('never use %s (it %s)', (pattern, harm) => {
    // Act
    const offenders = files
      .filter((file) => pattern.test(readFileSync(file, 'utf8')))
      .map((file) => relative(repoRoot, file))
      .filter((file) => exceptions[file] !== harm);

    // Assess
    expect(offenders).toEqual([]);
  });
});
