/**
 * The DynamoDB document client, built once per cold start, and the one way repositories call
 * it. `DYNAMODB_ENDPOINT` points it at the embedded database on one machine; in AWS it is unset
 * and the SDK finds the regional endpoint.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../domain/errors.ts';
import { requireEnv } from './env.ts';
import { mainTable } from './tables.ts';

/** Shared document client. Short timeouts turn a vanished database into a prompt 503. */
export const documentClient = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    ...(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}),
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 },
  }),
  { marshallOptions: { removeUndefinedValues: true } },
);

/** The table's name, read at cold start. */
export const tableName = requireEnv(mainTable.envVar);

/** True for the one failure a conditional write expects; every other error is rethrown. */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * Runs one database call. A failed condition passes through for the caller to interpret; any
 * other failure becomes a 503, so nothing is ever acknowledged that was not stored.
 * @example await call(() => documentClient.send(new GetCommand({ TableName: tableName, Key })));
 */
export async function call<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isConditionFailure(error)) throw error;
    throw new StoreUnavailableError(error);
  }
}

/** Runs a conditional write; answers false when its condition failed. */
export async function conditionally(operation: () => Promise<unknown>): Promise<boolean> {
  try {
    await call(operation);
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Every page of a query on the table, each fetched through `call`.
 * @example for await (const page of queryPages({ KeyConditionExpression: 'pk = :pk', … })) count += page.Count ?? 0;
 */
export async function* queryPages(
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): AsyncGenerator<QueryCommandOutput> {
  let cursor: QueryCommandInput['ExclusiveStartKey'];
  do {
    const page = await call(() =>
      documentClient.send(new QueryCommand({ TableName: tableName, ...input, ExclusiveStartKey: cursor })),
    );
    yield page;
    cursor = page.LastEvaluatedKey;
  } while (cursor);
}
