/**
 * The deployment's one customer-managed KMS key: it encrypts the table, both topics, every log
 * group and the uploads bucket, and seals the contacts reporters leave. Its policy names each
 * AWS service that uses it on our behalf, narrowly; functions and the build get what they need
 * through IAM statements made here, each conditioned on the service or the encryption context.
 */
import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct, type IConstruct } from 'constructs';

/**
 * The encryption context every contact is sealed and opened with (the function side uses exactly
 * this key and value, so a grant conditioned on it opens contacts and nothing else).
 */
export const contactEncryptionContext = { purpose: 'hutong-contact' } as const;

/** The construct id of the stack's one data key. */
const dataKeyId = 'data-key';

/** The services that read or write the key's stores on a caller's behalf (`kms:ViaService`). */
export type StoreService = 'dynamodb' | 'sns' | 's3';

/**
 * Where the stack's log groups live: every log group is named under one of these (the key policy
 * lets CloudWatch Logs use the key for these names only), followed by the stack name and a dash.
 */
const logGroupFolders = ['/aws/lambda/', '/aws/codebuild/', '/aws/apigateway/'] as const;

/** The key and what may use it. */
export class DataKey extends Construct {
  /** The KMS key. */
  readonly key: Key;

  /**
   * The stack's data key, made on first use: every store of the stack asks for it here, so there
   * is exactly one, whichever construct is built first.
   * @example new LogGroup(this, 'logs', { encryptionKey: DataKey.of(this).key })
   */
  static of(scope: IConstruct): DataKey {
    const stack = Stack.of(scope);
    return (stack.node.tryFindChild(dataKeyId) as DataKey | undefined) ?? new DataKey(stack, dataKeyId);
  }

  private constructor(scope: Stack, id: string) {
    super(scope, id);
    const stack = Stack.of(this);
    this.key = new Key(this, 'key', {
      description: `Hutong (${stack.stackName}): the table, topics, log groups, uploads and sealed contacts`,
      alias: `alias/${stack.stackName}-data`,
      // A new backing key every year; data encrypted under earlier ones stays readable.
      enableKeyRotation: true,
      // Backups, restored tables and retained buckets outlive a stack delete, and they are
      // unreadable without this key: it is kept, never scheduled for deletion by CloudFormation.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs encrypts the stack's log groups with the key, and only those: the
    // encryption context names the log group it works for.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchLogsEncryptsTheStacksLogGroups',
        principals: [new ServicePrincipal(`logs.${stack.region}.${stack.urlSuffix}`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': logGroupFolders.map((folder) =>
              this.logGroupArnPattern(`${folder}${stack.stackName}-*`),
            ),
          },
        },
      }),
    );
  }

  /** A log group's ARN (a name pattern may end in `*`), in this stack's partition, region and account. */
  private logGroupArnPattern(name: string): string {
    const stack = Stack.of(this);
    return `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:${name}`;
  }

  /**
   * Lets CloudWatch alarms of this stack (named `<stack>-…`) publish to a topic encrypted with the
   * key: SNS asks for a data key on the alarm's behalf.
   */
  allowAlarmsToPublish(): void {
    const stack = Stack.of(this);
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToTheOpsTopic',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: `${stack.stackName}-*`,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
  }

  /**
   * Use of the key through one AWS service only (`kms:ViaService`), for its store: DynamoDB to
   * read and write the table (`context` names the table), SNS to publish to an encrypted topic,
   * S3 to put and get objects of one bucket.
   */
  viaStatement(
    service: StoreService,
    actions: readonly string[],
    context?: Record<string, string>,
  ): PolicyStatement {
    const stack = Stack.of(this);
    return new PolicyStatement({
      actions: [...actions],
      resources: [this.key.keyArn],
      conditions: {
        StringEquals: {
          'kms:ViaService': `${service}.${stack.region}.${stack.urlSuffix}`,
          ...Object.fromEntries(
            Object.entries(context ?? {}).map(([name, value]) => [`kms:EncryptionContext:${name}`, value]),
          ),
        },
      },
    });
  }

  /**
   * A function's own use of the key for contacts: `kms:GenerateDataKey` to seal (the public report
   * function), `kms:Decrypt` to open (the office), each only with the contact encryption context.
   */
  contactStatement(action: 'kms:GenerateDataKey' | 'kms:Decrypt'): PolicyStatement {
    return new PolicyStatement({
      actions: [action],
      resources: [this.key.keyArn],
      conditions: {
        StringEquals: { 'kms:EncryptionContext:purpose': contactEncryptionContext.purpose },
      },
    });
  }
}
