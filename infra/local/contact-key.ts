/**
 * The local contact key: 32 random bytes in the data directory, made on first start and kept,
 * so contacts sealed yesterday still open today. It lives and dies with the data it opens:
 * `npm run reset` wipes both.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The `CONTACT_KEY` for functions that seal or open contacts on one machine, creating the key
 * file (mode 0600, never overwritten) if this data directory has none yet.
 * @example process.env.CONTACT_KEY = ensureContactKey('.data'); // 'file:.data/contact-key'
 */
export function ensureContactKey(dataDir: string): string {
  const file = join(dataDir, 'contact-key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
  return `file:${file}`;
}
