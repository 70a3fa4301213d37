/** The local contact key: made once per data directory, private to its owner, never replaced. */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureContactKey } from '../../infra/local/contact-key.ts';

describe('the local contact key', () => {
  it('is 32 random bytes, readable by its owner only, named as CONTACT_KEY takes it', () => {
    // Prepare
    const dataDir = mkdtempSync(join(tmpdir(), 'hutong-data-'));
    // Act
    const source = ensureContactKey(dataDir);
    // Assess
    const file = join(dataDir, 'contact-key');
    expect(source).toBe(`file:${file}`);
    expect(readFileSync(file)).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("stays the same across restarts, so yesterday's contacts still open", () => {
    // Prepare
    const dataDir = mkdtempSync(join(tmpdir(), 'hutong-data-'));
    ensureContactKey(dataDir);
    const first = readFileSync(join(dataDir, 'contact-key'));
    // Act
    ensureContactKey(dataDir);
    // Assess
    expect(readFileSync(join(dataDir, 'contact-key')).equals(first)).toBe(true);
  });
});
