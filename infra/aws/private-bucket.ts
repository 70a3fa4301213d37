/**
 * What every bucket of the stack is: private (no public access of any kind, objects owned by the
 * bucket owner), encrypted at rest, and reachable over TLS 1.2 or later only. S3-managed keys by
 * default: the site bucket keeps them, since it holds only the public site and CloudFront's origin
 * access control would otherwise need a key-policy grant per distribution. The uploads bucket,
 * which holds trainers' files, overrides them with the stack's data key (uploads-bucket.ts).
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
