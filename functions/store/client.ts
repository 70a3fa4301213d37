/**
 * The DynamoDB document client, built once per cold start. `DYNAMODB_ENDPOINT` points it at the
 * embedded database on one machine; in AWS it is unset and the SDK finds the regional endpoint.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Shared document client. Short timeouts turn a vanished database into a prompt 503. */
export const documentClient = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 },
  }),
  { marshallOptions: { removeUndefinedValues: true } },
);

/** True for the one failure a conditional write expects; every other error is rethrown. */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
