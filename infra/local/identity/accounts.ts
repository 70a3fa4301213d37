/**
 * The local identity provider's seeded staff accounts: who they are, and how their one shared
 * development password is checked. Nothing here is a secret; it exists so a fresh clone can sign
 * in. Passwords are still checked the way a real store would: scrypt, constant-time compare.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Staff } from '../../../functions/domain/staff.ts';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;

/** The one password every seeded account signs in with. Printed at start and in the README. */
export const developmentPassword = 'hutong-local-dev';

/** A seeded staff account: a Cognito user, its groups and its `custom:community` attribute. */
export interface StaffAccount extends Staff {
  /** The account's stable subject, a UUID like Cognito's `sub`, the same across restarts. */
  sub: string;
}

/** Who is seeded: every role in `lanting`, and an office account in `wutong` for isolation. */
const seeds: readonly Staff[] = [
  { username: 'office-lanting', roles: ['office'], community: 'lanting' },
  // A lead's group is `lead` alone; the API lets a lead do everything `office` can.
  { username: 'lead-lanting', roles: ['lead'], community: 'lanting' },
  { username: 'trainer-lanting', roles: ['trainer'], community: 'lanting' },
  { username: 'reviewer-lanting', roles: ['reviewer'], community: 'lanting' },
  { username: 'office-wutong', roles: ['office'], community: 'wutong' },
];

/** A UUID derived from the username, so a token's `sub` stays the same across restarts. */
function stableSub(username: string): string {
  const hex = createHash('sha256').update(`hutong-local-staff:${username}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The seeded accounts, in the order they are printed. */
export const staffAccounts: readonly StaffAccount[] = seeds.map((seed) => ({
  ...seed,
  sub: stableSub(seed.username),
}));

/** Checks passwords against scrypt hashes made at start; unknown names cost the same as known ones. */
export interface PasswordCheck {
  /** The account when `username` and `password` match, else undefined. */
  verify(username: string, password: string): Promise<StaffAccount | undefined>;
}

/** Hashes the shared password once per account, each with its own salt. */
export async function passwordCheck(
  accounts: readonly StaffAccount[] = staffAccounts,
): Promise<PasswordCheck> {
  const hashes = new Map<string, { salt: Buffer; hash: Buffer }>();
  for (const account of accounts) {
    const salt = randomBytes(16);
    hashes.set(account.username, { salt, hash: await scryptAsync(developmentPassword, salt, 32) });
  }
  // Unknown usernames are hashed against this, so a wrong name takes as long as a wrong password.
  const decoy = { salt: randomBytes(16), hash: randomBytes(32) };
  return {
    async verify(username, password) {
      const stored = hashes.get(username);
      const hash = await scryptAsync(password, (stored ?? decoy).salt, 32);
      const matches = timingSafeEqual(hash, (stored ?? decoy).hash);
      return matches && stored ? accounts.find((account) => account.username === username) : undefined;
    },
  };
}

/**
 * Writes the staff directory the office functions read locally (`STAFF_DIRECTORY=file:<path>`):
 * `[{ username, roles, community }]`, as Cognito's `ListUsers` would describe them.
 */
export function writeStaffDirectory(
  dataDir: string,
  accounts: readonly StaffAccount[] = staffAccounts,
): string {
  const file = join(dataDir, 'staff-directory.json');
  const entries = accounts.map(({ username, roles, community }) => ({ username, roles, community }));
  writeFileSync(file, `${JSON.stringify(entries, null, 2)}\n`, { mode: 0o600 });
  return file;
}
