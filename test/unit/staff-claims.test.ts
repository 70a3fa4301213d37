import { describe, expect, it } from 'vitest';
import { parseGroups, staffFromClaims } from '../../functions/domain/staff.ts';

describe('staff claims', () => {
  it("reads groups as API Gateway's authorizer flattens them, and as JSON", () => {
    expect(parseGroups('[office lead]')).toEqual(['office', 'lead']);
    expect(parseGroups('["office","lead"]')).toEqual(['office', 'lead']);
    expect(parseGroups(['office'])).toEqual(['office']);
    expect(parseGroups('reviewer')).toEqual(['reviewer']);
    expect(parseGroups('[]')).toEqual([]);
    expect(parseGroups(undefined)).toEqual([]);
  });

  it('names a staff member only with a username and a community, keeping only known roles', () => {
    expect(
      staffFromClaims({
        username: 'office-lanting',
        'cognito:groups': '[office admin]',
        'custom:community': 'lanting',
      }),
    ).toEqual({ username: 'office-lanting', roles: ['office'], community: 'lanting' });
    expect(staffFromClaims({ username: 'office-lanting', 'cognito:groups': '[office]' })).toBeUndefined();
    expect(staffFromClaims({ 'custom:community': 'lanting' })).toBeUndefined();
    expect(staffFromClaims(undefined)).toBeUndefined();
  });
});
