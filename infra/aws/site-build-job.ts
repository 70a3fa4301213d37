/**
 * The site build in AWS: one CodeBuild project that builds the public site from the deployed
 * source with the published workshops, syncs it to the site bucket and invalidates CloudFront.
 * Its role may read the `published` index, read handouts and write the site, and nothing else.
 *
 * Why CodeBuild: it runs our own `npm ci` and `npm run build:site` from an S3 copy of the source
 * and needs no repository connection. Amplify Hosting would want a Git connection and its own
 * hosting (we already have the bucket, CloudFront and the WAF); CodePipeline adds stages and an
 * artifact bucket around one step, and its own triggers, where our `start-site-build` job already
 * decides when to build (debounced, one at a time).
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { BuildSpec, ComputeType, LinuxBuildImage, Project, Source } from 'aws-cdk-lib/aws-codebuild';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import { repoRoot } from '../site-build.ts';
import { DataKey } from './data-key.ts';
import { functionLogRetention } from './portal-function.ts';
import { deployVariables, siteBuildSpec, sourceExcludes } from './site-buildspec.ts';
import type { PortalTable } from './table.ts';
import type { UploadsBucket } from './uploads-bucket.ts';

/** What the build reads and writes. */
export interface SiteBuildJobProps {
  table: PortalTable;
  uploads: UploadsBucket;
  siteBucket: Bucket;
  distribution: IDistribution;
}

/** The index the build reads the live workshops from (functions/store/tables.ts). */
const publishedIndex = 'published';

/** The CodeBuild project, its role and its logs. */
export class SiteBuildJob extends Construct {
  readonly project: Project;
  /** The build's own role; it holds nothing but the `access` policy. */
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: SiteBuildJobProps) {
    super(scope, id);
    const { table, uploads, siteBucket, distribution } = props;
    const stack = Stack.of(this);
    // The repository as deployed, zipped into the CDK asset bucket at each deploy.
    const source = new Asset(this, 'source', { path: repoRoot, exclude: [...sourceExcludes] });
    const projectName = `${stack.stackName}-${id}`;
    this.logGroup = new LogGroup(this, 'logs', {
      logGroupName: `/aws/codebuild/${projectName}`,
      retention: functionLogRetention,
      encryptionKey: DataKey.of(this).key,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.role = new Role(this, 'role', {
      assumedBy: new ServicePrincipal('codebuild.amazonaws.com'),
      description: 'Builds the public site with the published workshops and publishes it',
    });
    const access = new Policy(this, 'access', {
      roles: [this.role],
      statements: [
        new PolicyStatement({
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [this.logGroup.logGroupArn],
        }),
        // This deploy's source only; GetObjectVersion because the asset bucket is versioned.
        new PolicyStatement({
          actions: ['s3:GetObject', 's3:GetObjectVersion'],
          resources: [
            stack.formatArn({
              service: 's3',
              region: '',
              account: '',
              resource: source.s3BucketName,
              resourceName: source.s3ObjectKey,
            }),
          ],
        }),
        new PolicyStatement({ actions: ['dynamodb:Query'], resources: [table.indexArn(publishedIndex)] }),
        table.keyStatement(),
        uploads.readStatement(),
        uploads.keyStatement(['kms:Decrypt']),
        new PolicyStatement({ actions: ['s3:ListBucket'], resources: [siteBucket.bucketArn] }),
        new PolicyStatement({
          actions: ['s3:PutObject', 's3:DeleteObject'],
          resources: [siteBucket.arnForObjects('*')],
        }),
        new PolicyStatement({
          actions: ['cloudfront:CreateInvalidation'],
          resources: [distribution.distributionArn],
        }),
      ],
    });
    uploads.acknowledgePrefixGrant(access);
    Validations.of(access).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(siteBucket.node.defaultChild as CfnBucket)}.Arn>/*]`,
      reason:
        'The build replaces the whole site: aws s3 sync --delete puts and deletes any key of the ' +
        'site bucket, and only of that bucket.',
    });

    this.project = new Project(this, 'project', {
      projectName,
      description: 'Builds the public site with the published workshops, then syncs and invalidates it',
      source: Source.s3({ bucket: source.bucket, path: source.s3ObjectKey }),
      // Every permission is in `access`: CodeBuild's own additions (a log group per project name,
      // report groups, the whole asset bucket) are dropped.
      role: this.role.withoutPolicyUpdates(),
      grantReportGroupPermissions: false,
      environment: {
        buildImage: LinuxBuildImage.STANDARD_7_0,
        // 4 vCPUs and 7 GB: Astro and Pagefind finish in a few minutes, and builds are rare.
        computeType: ComputeType.MEDIUM,
        environmentVariables: {
          // CodeBuild sets AWS_REGION (and AWS_DEFAULT_REGION) itself, to this stack's region.
          [table.definition.envVar]: { value: table.table.tableName },
          UPLOADS: { value: uploads.source },
          [deployVariables.siteBucket]: { value: siteBucket.bucketName },
          [deployVariables.distributionId]: { value: distribution.distributionId },
        },
      },
      buildSpec: BuildSpec.fromObjectToYaml(siteBuildSpec()),
      timeout: Duration.minutes(20),
      queuedTimeout: Duration.minutes(30),
      // One build at a time: a second StartBuild is refused while one runs (the job waits for it).
      concurrentBuildLimit: 1,
      logging: { cloudWatch: { logGroup: this.logGroup } },
    });
    this.project.node.addDependency(access);
    Validations.of(this.project).acknowledge({
      id: 'AwsSolutions-CB4',
      reason:
        'CodeBuild stores nothing it would encrypt with a project key: no artifacts (the build writes the ' +
        'public site straight to the site bucket), no cache, no logs in S3. Its logs go to a log group ' +
        "encrypted with the stack's data key, and the uploads it reads are encrypted with it too.",
    });
  }

  /** The value of `SITE_BUILD` for a function: `codebuild:<project name>`. */
  get source(): string {
    return `codebuild:${this.project.projectName}`;
  }

  /** CodeBuild actions on this project only (`siteBuildActions` says which a function gets). */
  statement(actions: readonly string[]): PolicyStatement {
    return new PolicyStatement({ actions: [...actions], resources: [this.project.projectArn] });
  }
}
