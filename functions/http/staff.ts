/** Staff at the boundary: who is calling (from the authorizer's claims) and whether their role may. */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { ForbiddenError, UnauthorizedError } from '../domain/errors.ts';
import type { Language } from '../domain/languages.ts';
import { hasRole, type Staff, type StaffRole, staffFromClaims } from '../domain/staff.ts';

/**
 * The signed-in staff member, or a 401 when the claims don't name one (the authorizer normally
 * refuses before this runs), or a 403 when none of their roles is in `roles`.
 * @example const staff = requireStaff(event, ['office', 'lead'], language);
 */
export function requireStaff(event: unknown, roles: readonly StaffRole[], language: Language): Staff {
  const claims = (event as Partial<APIGatewayProxyEventV2WithJWTAuthorizer>).requestContext?.authorizer?.jwt
    ?.claims;
  const staff = staffFromClaims(claims as Record<string, unknown> | undefined);
  if (!staff) throw new UnauthorizedError(language);
  if (!hasRole(staff, roles)) throw new ForbiddenError(language);
  return staff;
}
