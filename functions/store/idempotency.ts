/**
 * Idempotency records: the first write of every keyed submission, holding its receipt sealed
 * under a key only the client has. Kept at least 24 hours, then purged.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { call, conditionally, documentClient, tableName } from './client.ts';
import { expiring, idempotencyKey } from './keys.ts';

/** How long an idempotency record is honoured, at least. */
const idempotencyHours = 24;

/** What an idempotency record holds: the sealed receipt and the body's fingerprint. */
export interface IdempotencyRecord {
  sealed: string;
  fingerprint: string;
}

/**
 * Claims an idempotency record, or reads the existing claim, in one write: every attribute is
 * set only if absent, and the record as it now stands comes back. Needs no read permission.
 */
export async function claimIdempotency(
  name: string,
  claim: IdempotencyRecord,
  now: Date,
): Promise<IdempotencyRecord> {
  const expiry = expiring(new Date(now.getTime() + idempotencyHours * 3600_000));
  const result = await call(() =>
    documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: idempotencyKey(name),
        UpdateExpression:
          'SET #type = if_not_exists(#type, :type), sealed = if_not_exists(sealed, :sealed), ' +
          'fingerprint = if_not_exists(fingerprint, :fingerprint), createdAt = if_not_exists(createdAt, :now), ' +
          'expiryBucket = if_not_exists(expiryBucket, :bucket), #ttl = if_not_exists(#ttl, :ttl)',
        ExpressionAttributeNames: { '#type': 'type', '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ':type': 'idempotency',
          ':sealed': claim.sealed,
          ':fingerprint': claim.fingerprint,
          ':now': now.toISOString(),
          ':bucket': expiry.expiryBucket,
          ':ttl': expiry.ttl,
        },
        ReturnValues: 'ALL_NEW',
      }),
    ),
  );
  return { sealed: String(result.Attributes?.sealed), fingerprint: String(result.Attributes?.fingerprint) };
}

/** Replaces the sealed receipt of a record we own; used only after a receipt collision. */
export async function resealIdempotency(name: string, previous: string, sealed: string): Promise<void> {
  const resealed = await conditionally(() =>
    documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: idempotencyKey(name),
        UpdateExpression: 'SET sealed = :sealed',
        ConditionExpression: 'sealed = :previous',
        ExpressionAttributeValues: { ':sealed': sealed, ':previous': previous },
      }),
    ),
  );
  if (!resealed) throw new Error('The idempotency record changed while re-sealing');
}
