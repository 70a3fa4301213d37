/**
 * A reference bundle for the benchmark, never deployed: the DynamoDB client and nothing else.
 * Its cold import is the floor under every handler that talks to the table.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Built at import, as the handlers build theirs. */
export const client = new DynamoDBClient({});
