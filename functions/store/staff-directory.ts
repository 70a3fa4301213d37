/**
 * The community's staff, for "assign to a colleague": Cognito's user pool in AWS
 * (`STAFF_DIRECTORY=cognito:<pool id>`; groups `office` and `lead`, attribute
 * `custom:community`), or the local provider's accounts (`STAFF_DIRECTORY=file:<path>`).
 */
import { readFile } from 'node:fs/promises';
import { type StaffRole, staffRoles } from '../domain/staff.ts';
import { callCognito } from './cognito.ts';
import { requireEnv } from './env.ts';

/** A colleague as the console lists them. */
export interface Colleague {
  username: string;
  roles: StaffRole[];
  community: string;
}

const source = requireEnv('STAFF_DIRECTORY');

/** One page of Cognito's `ListUsersInGroup` answer, as far as the directory reads it. */
interface UsersPage {
  Users?: { Username?: string; Enabled?: boolean; Attributes?: { Name: string; Value?: string }[] }[];
  NextToken?: string;
}

/**
 * Every enabled member of the pool's staff groups, with their roles and community. `endpoint` is
 * the regional endpoint unless given.
 */
export async function poolStaff(poolId: string, endpoint?: string): Promise<Colleague[]> {
  const byName = new Map<string, Colleague>();
  for (const group of staffRoles) {
    let nextToken: string | undefined;
    do {
      const input = { UserPoolId: poolId, GroupName: group, ...(nextToken ? { NextToken: nextToken } : {}) };
      const page = await callCognito<UsersPage>('ListUsersInGroup', input, endpoint);
      for (const user of page.Users ?? []) {
        if (!user.Username || user.Enabled === false) continue;
        const community = user.Attributes?.find((a) => a.Name === 'custom:community')?.Value ?? '';
        const known = byName.get(user.Username) ?? { username: user.Username, roles: [], community };
        known.roles.push(group);
        byName.set(user.Username, known);
      }
      nextToken = page.NextToken;
    } while (nextToken);
  }
  return [...byName.values()];
}

/** Every staff member of `community`. */
export async function colleaguesOf(community: string): Promise<Colleague[]> {
  const all = source.startsWith('cognito:')
    ? await poolStaff(source.slice('cognito:'.length))
    : (JSON.parse(await readFile(source.slice('file:'.length), 'utf8')) as Colleague[]);
  return all
    .filter((person) => person.community === community)
    .map((person) => ({ ...person, roles: person.roles.filter((role) => staffRoles.includes(role)) }));
}
