/**
 * The community's staff, for "assign to a colleague": Cognito's user pool in AWS
 * (`STAFF_DIRECTORY=cognito:<pool id>`; groups `office` and `lead`, attribute
 * `custom:community`), or the local provider's accounts (`STAFF_DIRECTORY=file:<path>`).
 */
import { readFile } from 'node:fs/promises';
import { type StaffRole, staffRoles } from '../domain/staff.ts';
import { requireEnv } from './env.ts';

/** A colleague as the console lists them. */
export interface Colleague {
  username: string;
  roles: StaffRole[];
  community: string;
}

const source = requireEnv('STAFF_DIRECTORY');

async function fromCognito(poolId: string): Promise<Colleague[]> {
  const { CognitoIdentityProviderClient, paginateListUsersInGroup } = await import(
    '@aws-sdk/client-cognito-identity-provider'
  );
  const client = new CognitoIdentityProviderClient({});
  const byName = new Map<string, Colleague>();
  for (const group of staffRoles) {
    for await (const page of paginateListUsersInGroup({ client }, { UserPoolId: poolId, GroupName: group })) {
      for (const user of page.Users ?? []) {
        if (!user.Username || user.Enabled === false) continue;
        const community = user.Attributes?.find((a) => a.Name === 'custom:community')?.Value ?? '';
        const known = byName.get(user.Username) ?? { username: user.Username, roles: [], community };
        known.roles.push(group);
        byName.set(user.Username, known);
      }
    }
  }
  return [...byName.values()];
}

/** Every staff member of `community`. */
export async function colleaguesOf(community: string): Promise<Colleague[]> {
  const all = source.startsWith('cognito:')
    ? await fromCognito(source.slice('cognito:'.length))
    : (JSON.parse(await readFile(source.slice('file:'.length), 'utf8')) as Colleague[]);
  return all
    .filter((person) => person.community === community)
    .map((person) => ({ ...person, roles: person.roles.filter((role) => staffRoles.includes(role)) }));
}
