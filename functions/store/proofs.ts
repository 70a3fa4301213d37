/**
 * Used proofs of work: a solution opens one request, once. The record is written with the same
 * set-if-absent update as idempotency claims, so a retry of the very same request (same
 * fingerprint) is recognised and any other use of the solution is refused. Purged after the
 * challenge expires.
 */
import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { call, documentClient, tableName } from './client.ts';
import { expiring, proofKey } from './keys.ts';

/** What a used-proof record holds: what it was used for, and when. */
export interface ProofUse {
  /** A keyed fingerprint of the request the proof opened. */
  fingerprint: string;
  /** When it was first used; a retry reuses this instant, so its writes land on the same keys. */
  at: string;
}

/**
 * Records a proof's use, or returns the use already recorded. `first` says whether this call
 * recorded it; otherwise the caller compares fingerprints: equal means the same request again,
 * different means the proof is being reused for something else.
 */
export async function claimProof(
  id: string,
  use: ProofUse,
  expiresAt: Date,
): Promise<ProofUse & { first: boolean }> {
  const expiry = expiring(expiresAt);
  const claim = randomUUID();
  const result = await call(() =>
    documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: proofKey(id),
        UpdateExpression:
          'SET #type = if_not_exists(#type, :type), fingerprint = if_not_exists(fingerprint, :fingerprint), ' +
          '#at = if_not_exists(#at, :at), expiryBucket = if_not_exists(expiryBucket, :bucket), ' +
          '#ttl = if_not_exists(#ttl, :ttl), claim = if_not_exists(claim, :claim)',
        ExpressionAttributeNames: { '#type': 'type', '#at': 'at', '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ':type': 'proof',
          ':fingerprint': use.fingerprint,
          ':at': use.at,
          ':bucket': expiry.expiryBucket,
          ':ttl': expiry.ttl,
          ':claim': claim,
        },
        ReturnValues: 'ALL_NEW',
      }),
    ),
  );
  return {
    fingerprint: String(result.Attributes?.fingerprint),
    at: String(result.Attributes?.at),
    first: result.Attributes?.claim === claim,
  };
}
