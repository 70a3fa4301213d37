/**
 * Who a staff member is, read from the claims the JWT authorizer hands a function: API Gateway's
 * HTTP API puts them at `requestContext.authorizer.jwt.claims`, every value a string, arrays as
 * "[a b]". The local runtime hands them over the same way. Pure.
 */

/** Staff roles, one Cognito group each. */
export const staffRoles = ['office', 'lead', 'trainer', 'reviewer'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Roles that work reports. Trainers and reviewers never see one. */
export const reportRoles: readonly StaffRole[] = ['office', 'lead'];

/** A signed-in staff member. */
export interface Staff {
  /** The account's username: stable, shown in the audit trail. */
  username: string;
  roles: StaffRole[];
  /** The one community the account belongs to. */
  community: string;
}

/** The claim names, as Cognito access tokens (with the pre-token trigger) carry them. */
export const claimNames = {
  username: 'username',
  groups: 'cognito:groups',
  community: 'custom:community',
} as const;

/**
 * Reads a groups claim however it arrives: a JSON array, API Gateway's "[a b]" string, or a
 * single group name.
 * @example parseGroups('[office lead]') // ['office', 'lead']
 */
export function parseGroups(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  const trimmed = value.trim();
  if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    const inner = trimmed.slice(1, -1).trim();
    if (inner.startsWith('"')) {
      try {
        return (JSON.parse(trimmed) as unknown[]).map(String);
      } catch {
        return [];
      }
    }
    return inner ? inner.split(/[\s,]+/) : [];
  }
  return trimmed ? [trimmed] : [];
}

/** The staff member the claims describe, or undefined when they don't name one fully. */
export function staffFromClaims(claims: Record<string, unknown> | undefined): Staff | undefined {
  if (!claims) return undefined;
  const username = claims[claimNames.username];
  const community = claims[claimNames.community];
  if (typeof username !== 'string' || !username || typeof community !== 'string' || !community)
    return undefined;
  const roles = parseGroups(claims[claimNames.groups]).filter((group): group is StaffRole =>
    (staffRoles as readonly string[]).includes(group),
  );
  return { username, roles, community };
}

/** True when the staff member has any of `roles`. */
export function hasRole(staff: Staff, roles: readonly StaffRole[]): boolean {
  return staff.roles.some((role) => roles.includes(role));
}
