import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { staffFromClaims } from '../../functions/domain/staff.ts';
import { handler } from '../../functions/handlers/cognito-pre-token.ts';
import { capturedLines } from '../support/captured-lines.ts';

/**
 * A version 2 event as Cognito sends it after a managed-login sign-in: the response comes with
 * `claimsAndScopeOverrideDetails: null`, user attributes are all strings, groups are in
 * `groupConfiguration`.
 */
function signInEvent(userAttributes: Record<string, string>): PreTokenGenerationV2TriggerEvent {
  return JSON.parse(
    JSON.stringify({
      version: '2',
      triggerSource: 'TokenGeneration_HostedAuth',
      region: 'ap-east-1',
      userPoolId: 'ap-east-1_Ab12Cd34E',
      userName: 'lead-a',
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '3n4b5urk1ft4fl3mg5e62d9ado' },
      request: {
        userAttributes: {
          sub: '9b1f1d6e-1f0c-4d39-9a55-6d0f5c2e8a11',
          'cognito:user_status': 'CONFIRMED',
          email_verified: 'true',
          email: 'lead-a@example.org',
          ...userAttributes,
        },
        groupConfiguration: { groupsToOverride: ['lead'], iamRolesToOverride: [], preferredRole: null },
        scopes: ['openid'],
      },
      response: { claimsAndScopeOverrideDetails: null },
    }),
  ) as PreTokenGenerationV2TriggerEvent;
}

describe('cognito-pre-token', () => {
  it('adds the community to the access token, where the API reads it', async () => {
    // Prepare
    const event = signInEvent({ 'custom:community': 'dongsi' });
    // Act
    const result = await handler(event);
    // Assess
    expect(result.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: { claimsToAddOrOverride: { 'custom:community': 'dongsi' } },
    });
    const accessToken = {
      username: result.userName,
      'cognito:groups': '[lead]',
      ...result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride,
    };
    expect(staffFromClaims(accessToken)).toEqual({
      username: 'lead-a',
      roles: ['lead'],
      community: 'dongsi',
    });
  });

  it('leaves the ID token, groups and scopes as Cognito made them', async () => {
    // Act
    const result = await handler(signInEvent({ 'custom:community': 'dongsi' }));
    // Assess
    const details = result.response.claimsAndScopeOverrideDetails;
    expect(details.idTokenGeneration).toBeUndefined();
    expect(details.groupOverrideDetails).toBeUndefined();
    expect(details.accessTokenGeneration?.scopesToAdd).toBeUndefined();
    expect(details.accessTokenGeneration?.claimsToSuppress).toBeUndefined();
  });

  it('adds no community claim when the account has none, so no staff route opens', async () => {
    // Act
    const { result, lines } = await capturedLines(() => handler(signInEvent({})));
    // Assess
    expect(result.response.claimsAndScopeOverrideDetails).toBeNull();
    expect(staffFromClaims({ username: 'lead-a', 'cognito:groups': '[lead]' })).toBeUndefined();
    expect(lines).toHaveLength(1);
  });

  it('never logs an attribute or the username', async () => {
    // Act
    const { lines } = await capturedLines(async () => {
      await handler(signInEvent({ 'custom:community': 'dongsi' }));
      await handler(signInEvent({ 'custom:community': '  ' }));
    });
    // Assess
    expect(lines).toHaveLength(1);
    expect(lines.join('\n')).not.toMatch(/lead-a|dongsi|example\.org|9b1f1d6e/);
  });
});
