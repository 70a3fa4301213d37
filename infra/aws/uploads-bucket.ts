/**
 * The private bucket for files staff upload: today the trainers' workshop handouts, under
 * `workshops/<id>/<handout id>.<ext>`. Only the handout routes write it and only the site build
 * reads it; nobody reads it from the Internet (the build copies published handouts into the site).
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Bucket, BucketEncryption, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DataKey } from './data-key.ts';
import { privateBucketProps } from './private-bucket.ts';

/** Where handout files live in the bucket; every grant is on this prefix, never the whole bucket. */
export const handoutPrefix = 'workshops/';

/** The uploads bucket and the grants on it. */
export class UploadsBucket extends Construct {
  /** The private S3 bucket. */
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bucket = new Bucket(this, 'bucket', {
      ...privateBucketProps,
      // The stack's data key, with an S3 Bucket Key: S3 asks KMS for a bucket-level key now and
      // then instead of once per object, and the encryption context names the bucket.
      encryption: BucketEncryption.KMS,
      encryptionKey: DataKey.of(this).key,
      bucketKeyEnabled: true,
      // Unversioned: a handout a trainer removes (a photo that showed a child's face, a file sent
      // by mistake) must really be gone, not kept as a noncurrent version. The files are copies
      // with their metadata stripped; a workshop's draft says which ones it holds.
      versioned: false,
      // Handouts are at most 4 MB and written in one PUT, but a multipart upload that never
      // finished would otherwise be stored, and billed, for ever.
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      // Trainers' files outlive any stack, like the table that names them.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'No server access logs: they record every requester IP address. Only the handout routes and ' +
        'the site build touch the bucket, through their roles, and CloudTrail records who they are.',
    });
  }

  /** The value of `UPLOADS` for a function or the build: `s3:<bucket name>`. */
  get source(): string {
    return `s3:${this.bucket.bucketName}`;
  }

  /** Put, read and delete handout files, and nothing outside `workshops/`: the handout routes. */
  handoutStatement(): PolicyStatement {
    return new PolicyStatement({
      actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
      resources: [this.bucket.arnForObjects(`${handoutPrefix}*`)],
    });
  }

  /** Read handout files only: the site build copies the published ones into the site. */
  readStatement(): PolicyStatement {
    return new PolicyStatement({
      actions: ['s3:GetObject'],
      resources: [this.bucket.arnForObjects(`${handoutPrefix}*`)],
    });
  }

  /**
   * The data key through S3 for this bucket only: `kms:GenerateDataKey` to put a file,
   * `kms:Decrypt` to read one. With a Bucket Key, S3's encryption context is the bucket's ARN.
   */
  keyStatement(actions: readonly ('kms:GenerateDataKey' | 'kms:Decrypt')[]): PolicyStatement {
    return DataKey.of(this).viaStatement('s3', actions, { 'aws:s3:arn': this.bucket.bucketArn });
  }

  /**
   * Acknowledges, on the policy that holds one of the statements above, the one wildcard they
   * need: a handout's key is made when it is uploaded, so the grant names the prefix.
   */
  acknowledgePrefixGrant(policy: Construct): void {
    const logicalId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${handoutPrefix}*]`,
      reason:
        'Handout files are named when they are uploaded (workshops/<id>/<handout id>.<ext>), so the ' +
        'grant is on the workshops/ prefix of the uploads bucket, and on nothing else in it.',
    });
  }
}
