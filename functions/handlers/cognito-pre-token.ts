/**
 * Cognito's pre-token-generation trigger (event version 2): copies the staff member's community
 * (`custom:community`) into the access token, the one token the API reads. Cognito puts custom
 * attributes only in the ID token by itself. Touches nothing else and logs no attribute.
 */
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { claimNames } from '../domain/staff.ts';
import { log } from '../http/log.ts';

/**
 * Lambda entry point. Returns the event with `claimsAndScopeOverrideDetails` set, as Cognito
 * expects. An account without a community still signs in, but gets no community claim, so every
 * staff route refuses it (the API reads no staff member from such a token).
 */
export async function handler(
  event: PreTokenGenerationV2TriggerEvent,
): Promise<PreTokenGenerationV2TriggerEvent> {
  const community = event.request.userAttributes[claimNames.community]?.trim();
  if (!community) {
    log('warn', 'staff account has no community: its tokens open no staff route', {
      route: 'cognito-pre-token',
    });
    return event;
  }
  event.response = {
    claimsAndScopeOverrideDetails: {
      ...event.response?.claimsAndScopeOverrideDetails,
      accessTokenGeneration: {
        ...event.response?.claimsAndScopeOverrideDetails?.accessTokenGeneration,
        claimsToAddOrOverride: {
          ...event.response?.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride,
          [claimNames.community]: community,
        },
      },
    },
  };
  return event;
}
