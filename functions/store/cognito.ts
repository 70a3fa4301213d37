/**
 * Cognito's user pool API (AWS JSON 1.1), called directly through `callAwsJson` (aws-json.ts
 * says why not the SDK client).
 */
import { AwsJsonError, callAwsJson } from './aws-json.ts';

/** Cognito refused or failed a call; `type` is its error name, e.g. `ResourceNotFoundException`. */
export class CognitoError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    super(`Cognito answered ${status} ${type}`, options);
    this.name = 'CognitoError';
  }
}

const userPools = { name: 'cognito-idp', target: 'AWSCognitoIdentityProviderService' };

/**
 * Calls one operation of the user pool API and returns its JSON answer.
 * `endpoint` defaults to the regional endpoint of `AWS_REGION`.
 * @example await callCognito('ListUsersInGroup', { UserPoolId, GroupName: 'office' })
 */
export async function callCognito<Output>(
  operation: string,
  input: Record<string, unknown>,
  endpoint?: string,
): Promise<Output> {
  try {
    return await callAwsJson<Output>(userPools, operation, input, endpoint);
  } catch (error) {
    if (error instanceof AwsJsonError) throw new CognitoError(error.type, error.status, { cause: error });
    throw error;
  }
}
