/**
 * What every bucket of the stack is: private (no public access of any kind, objects owned by the
 * bucket owner), encrypted at rest with S3-managed keys, and reachable over TLS 1.2 or later only.
 * Issue 7 moves encryption to the one customer-managed key, here, for every bucket at once.
 */
import { BlockPublicAccess, BucketEncryption, type BucketProps, ObjectOwnership } from 'aws-cdk-lib/aws-s3';

/** The properties every bucket starts from; each adds only what is its own. */
export const privateBucketProps = {
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
  encryption: BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  minimumTLSVersion: 1.2,
} as const satisfies BucketProps;
