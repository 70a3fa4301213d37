/** The quick exit script stays within its budget and needs nothing but itself. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteDist } from '../../infra/site-build.ts';

const script = readFileSync(join(siteDist, 'quick-exit.js'), 'utf8');

describe('quick-exit.js', () => {
  it('is at most 2 KB, unminified, as served', () => {
    // Act
    const bytes = Buffer.byteLength(script);

    // Assess
    expect(bytes).toBeLessThanOrEqual(2048);
  });

  it('imports nothing and holds no target of its own, so every language brings its own', () => {
    // Act
    const urls = script.match(/https?:\/\/[^\s'"`]+/g) ?? [];

    // Assess
    expect(script).not.toMatch(/\bimport\b|\brequire\(/);
    expect(urls).toEqual([]);
  });

  it('parses as a classic script in old phone browsers: no optional chaining or ES2020 syntax', () => {
    // Act
    const modern = script.match(/\?\.|\?\?|\bclass\s|\basync\b|\bawait\b/g) ?? [];

    // Assess
    expect(modern).toEqual([]);
    expect(() => new Function(script)).not.toThrow();
  });

  it('never touches cookies or storage', () => {
    // Assess
    expect(script).not.toMatch(/cookie|localStorage|sessionStorage|indexedDB/);
  });
});
