/**
 * One route's or one scheduled job's Lambda function. It fixes everything every function shares
 * (runtime, architecture, bundling, logs, tracing) and `bind` gives it exactly the table access
 * and secrets its entry in the route table names.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Service } from '../../functions/routes.ts';
import { repoRoot } from '../site-build.ts';
import type { AlertTopic } from './alert-topic.ts';
import { cdkBundlingOptions, handlerEntry, sourceMapNodeOptions } from './bundling.ts';
import { DataKey } from './data-key.ts';
import type { ReceiptSalt } from './receipt-salt.ts';
import {
  type FunctionSpec,
  needsReceiptSalt,
  siteBuildActions,
  type TableStatement,
  tableStatements,
} from './route-needs.ts';
import type { SiteBuildJob } from './site-build-job.ts';
import type { StaffPool } from './staff-pool.ts';
import type { PortalTable } from './table.ts';
import type { UploadsBucket } from './uploads-bucket.ts';

/** How long function logs are kept. They hold no report content, but nothing is kept for long. */
export const functionLogRetention = RetentionDays.ONE_MONTH;

/**
 * 512 MB: Lambda's CPU share grows with memory, and a receipt hash is scrypt with N = 2^14
 * (16 MiB, CPU-bound). At 128 MB the hash alone takes most of a second; at 512 MB it is a
 * fraction of that, and cold starts shrink too. The same size for all keeps them predictable.
 */
const memorySize = 512;

/** Where the console signs staff in: the OpenID issuer and the console's client id. */
export interface StaffIdentity {
  issuer: string;
  clientId: string;
}

/** The resources a function can be bound to. */
export interface PortalResources {
  table: PortalTable;
  receiptSalt: ReceiptSalt;
  /** The staff directory (`staff-directory`). */
  staffPool: StaffPool;
  /** Where urgent alerts go (`alert-topic`). */
  alertTopic: AlertTopic;
  /** The console's sign-in settings (`identity`). */
  identity: StaffIdentity;
  /** Where handout files go (`uploads`). */
  uploads: UploadsBucket;
  /** The CodeBuild project that rebuilds the public site (`site-build`). */
  siteBuild: SiteBuildJob;
  /** The key contacts are sealed with (`contact-seal`) and opened with (`contact-open`). */
  dataKey: DataKey;
}

/**
 * A function named after its route or job (`routeName`, or the job's name): construct id,
 * function name, handler file and log group alike.
 */
export class PortalFunction extends Construct {
  /** What this function is for and what it may touch. */
  readonly spec: FunctionSpec;
  /** The Lambda function. */
  readonly function: NodejsFunction;
  /** Where the function logs. */
  readonly logGroup: LogGroup;
  /** The function's own role; it holds nothing but the policies below. */
  readonly role: Role;
  /** The policy holding the function's resource permissions; `bind` adds to it. */
  private readonly access: Policy;

  constructor(scope: Construct, spec: FunctionSpec) {
    const { name } = spec;
    super(scope, name);
    this.spec = spec;
    const functionName = `${Stack.of(this).stackName}-${name}`;
    this.logGroup = new LogGroup(this, 'logs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: functionLogRetention,
      encryptionKey: DataKey.of(this).key,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // A role of our own: no AWS managed policy, each permission named. Policies are kept apart
    // so that the one unavoidable wildcard (X-Ray) is acknowledged on its own policy only.
    const role = new Role(this, 'role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: spec.purpose,
    });
    this.role = role;
    this.access = new Policy(this, 'access', {
      roles: [role],
      statements: [
        new PolicyStatement({
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [this.logGroup.logGroupArn],
        }),
      ],
    });
    const tracing = new Policy(this, 'tracing', {
      roles: [role],
      statements: [
        new PolicyStatement({
          actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
          resources: ['*'],
        }),
      ],
    });
    Validations.of(tracing).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments and PutTelemetryRecords support no resource-level permissions.',
    });

    this.function = new NodejsFunction(this, 'function', {
      functionName,
      description: spec.summary,
      entry: handlerEntry(name),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: `${repoRoot}/package-lock.json`,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize,
      timeout: Duration.seconds(spec.timeoutSeconds),
      // Only scheduled jobs are invoked asynchronously. A failed run is not retried: the next
      // scheduled run does the same work, and a retry could overlap it.
      retryAttempts: 0,
      // The function only ever sees the immutable role: every grant goes through our policies.
      role: role.withoutPolicyUpdates(),
      tracing: Tracing.ACTIVE,
      logGroup: this.logGroup,
      bundling: cdkBundlingOptions,
      environment: { NODE_OPTIONS: sourceMapNodeOptions },
    });
    this.function.node.addDependency(this.access, tracing);
  }

  /**
   * Gives the function what its access profile allows, and nothing more: the table's name, one
   * IAM statement per grant of `tableAccess` (on the table or on exactly one named index, with
   * its key-prefix and COUNT conditions) and the table's use of the data key, the salt when the
   * route table says it reads it, and each service it uses, with that service's env var and its
   * grants.
   */
  bind(resources: PortalResources): void {
    const { table, receiptSalt } = resources;
    const statements = tableStatements(this.spec.table);
    if (statements.length > 0) {
      this.function.addEnvironment(table.definition.envVar, table.table.tableName);
      for (const statement of statements) this.access.addStatements(policyStatement(statement, table));
      this.access.addStatements(table.keyStatement());
    }
    if (needsReceiptSalt(this.spec)) {
      this.function.addEnvironment('RECEIPT_SALT_SOURCE', receiptSalt.source);
      this.access.addStatements(receiptSalt.readStatement());
    }
    for (const need of this.spec.uses) this.use(need, resources);
  }

  private use(
    need: Service,
    { staffPool, alertTopic, identity, uploads, siteBuild, dataKey }: PortalResources,
  ): void {
    switch (need) {
      case 'staff-directory':
        this.function.addEnvironment('STAFF_DIRECTORY', staffPool.directorySource);
        this.access.addStatements(staffPool.directoryStatement());
        return;
      case 'alert-topic':
        this.function.addEnvironment('ALERT_TOPIC', alertTopic.source);
        this.access.addStatements(...alertTopic.publishStatements(this.role.roleArn));
        return;
      case 'identity':
        // Public settings, no grant: the console reads them before anyone has signed in.
        this.function.addEnvironment('OIDC_ISSUER', identity.issuer);
        this.function.addEnvironment('OIDC_CLIENT_ID', identity.clientId);
        return;
      case 'uploads':
        this.function.addEnvironment('UPLOADS', uploads.source);
        this.access.addStatements(
          uploads.handoutStatement(),
          uploads.keyStatement(['kms:GenerateDataKey', 'kms:Decrypt']),
        );
        uploads.acknowledgePrefixGrant(this.access);
        return;
      case 'site-build': {
        // Every user learns the project's name; only the scheduled job may start it.
        this.function.addEnvironment('SITE_BUILD', siteBuild.source);
        const actions = siteBuildActions(this.spec);
        if (actions.length > 0) this.access.addStatements(siteBuild.statement(actions));
        return;
      }
      // The Encryption SDK's KMS keyring, and only with the contact encryption context (which the
      // function side sets to exactly `contactEncryptionContext`): sealing needs a new data key,
      // opening needs that data key decrypted. Neither side gets the other's action.
      case 'contact-seal':
        this.function.addEnvironment('CONTACT_KEY', `kms:${dataKey.key.keyArn}`);
        this.access.addStatements(dataKey.contactStatement('kms:GenerateDataKey'));
        return;
      case 'contact-open':
        this.function.addEnvironment('CONTACT_KEY', `kms:${dataKey.key.keyArn}`);
        this.access.addStatements(dataKey.contactStatement('kms:Decrypt'));
        return;
    }
  }
}

/** A table statement as IAM, on the table's own ARN or on one index's ARN. */
function policyStatement(statement: TableStatement, table: PortalTable): PolicyStatement {
  const resource =
    'index' in statement.resource ? table.indexArn(statement.resource.index) : table.table.tableArn;
  return new PolicyStatement({
    actions: statement.actions,
    resources: [resource],
    ...(Object.keys(statement.conditions).length > 0 ? { conditions: statement.conditions } : {}),
  });
}
