/**
 * The private bucket that holds the built site, and the deployment that copies `site/dist` into
 * it. Only CloudFront reads it (origin access control); it has no website hosting and no public
 * access of any kind.
 */
import {
  BOOTSTRAP_QUALIFIER_CONTEXT,
  DefaultStackSynthesizer,
  RemovalPolicy,
  Stack,
  Token,
  Validations,
} from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { DataKey } from './data-key.ts';
import { privateBucketProps } from './private-bucket.ts';

/** The site bucket. */
export class SiteBucket extends Construct {
  /** The private S3 bucket. */
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Unversioned and retained on stack deletion: its content is a build of the repository,
    // which is what gets rolled back.
    this.bucket = new Bucket(this, 'bucket', privateBucketProps);
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'No server access logs: they record every requester IP address, and Hutong keeps no trace of ' +
        'who read its pages. Only CloudFront (origin access control) and the deployment touch the bucket.',
    });
  }

  /**
   * Copies a built site into the bucket and invalidates the distribution so the new pages show
   * at once. Files the deployer's build does not have are left for the site build that every
   * deploy starts (site-build-events.ts): the pages of trainer-published workshops, which this
   * build never has, stay reachable meanwhile, and that build's `sync --delete` removes what is
   * really gone.
   */
  deploy(siteDir: string, distribution: IDistribution): BucketDeployment {
    // Named and encrypted like every log group of the stack (data-key.ts).
    const logs = new LogGroup(this, 'deployment-logs', {
      logGroupName: `/aws/lambda/${Stack.of(this).stackName}-site-deployment`,
      encryptionKey: DataKey.of(this).key,
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Our own role, so the deployment function gets no AWS managed policy.
    const role = new Role(this, 'deployment-role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the built site into the site bucket',
    });
    const logging = new Policy(this, 'deployment-logging', {
      roles: [role],
      statements: [
        new PolicyStatement({
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [logs.logGroupArn],
        }),
      ],
    });
    const deployment = new BucketDeployment(this, 'deployment', {
      sources: [Source.asset(siteDir)],
      destinationBucket: this.bucket,
      distribution,
      distributionPaths: ['/*'],
      prune: false,
      role,
      logGroup: logs,
      memoryLimit: 512,
    });
    deployment.node.addDependency(logging);
    this.acknowledgeDeployment(role);
    return deployment;
  }

  /**
   * BucketDeployment grants its function these wildcards itself (CDK's `grantRead` on the asset
   * bucket, `grantReadWrite` on ours, and invalidation on `*`); they can't be narrowed from outside.
   * Each is acknowledged on this deployment's role only.
   */
  private acknowledgeDeployment(role: Role): void {
    const stack = Stack.of(this);
    const bucketLogicalId = stack.getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    const qualifier: string =
      stack.node.tryGetContext(BOOTSTRAP_QUALIFIER_CONTEXT) ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    // cdk-nag names pseudo parameters `<AWS::…>`, and known values (a stack pinned to a region)
    // as themselves.
    const known = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
    const assets = `cdk-${qualifier}-assets-${known(stack.account, 'AccountId')}-${known(stack.region, 'Region')}`;
    const reason =
      'Granted by aws-cdk-lib BucketDeployment to copy the built site: read its asset from the CDK ' +
      'asset bucket, sync (put, delete) the site bucket, and invalidate the distribution.';
    const findings = [
      'Action::s3:GetBucket*',
      'Action::s3:GetObject*',
      'Action::s3:List*',
      'Action::s3:Abort*',
      'Action::s3:DeleteObject*',
      `Resource::arn:${known(stack.partition, 'Partition')}:s3:::${assets}/*`,
      `Resource::<${bucketLogicalId}.Arn>/*`,
      'Resource::*',
    ];
    for (const finding of findings) {
      Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    }
    // The copying function itself is a singleton CDK adds to the stack, outside this construct.
    const copier = stack.node.children.find(
      (child) => child instanceof LambdaFunction && child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    if (copier) {
      Validations.of(copier).acknowledge({
        id: 'AwsSolutions-L1',
        reason:
          'BucketDeployment fixes its own Python runtime (python3.13 in aws-cdk-lib 2.276.0); it moves ' +
          'forward when aws-cdk-lib is updated. Our own functions run the latest Node.js.',
      });
    }
  }
}
