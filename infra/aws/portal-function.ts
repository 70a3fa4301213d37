/**
 * One route's Lambda function. It fixes everything every function shares (runtime, architecture,
 * bundling, logs, tracing) and `bind` gives it exactly the table access and secrets its route needs.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type Route, routeName } from '../../functions/routes.ts';
import { repoRoot } from '../site-build.ts';
import { cdkBundlingOptions, handlerEntry, sourceMapNodeOptions } from './bundling.ts';
import type { ReceiptSalt } from './receipt-salt.ts';
import { needsReceiptSalt, tableGrant } from './route-needs.ts';
import type { PortalTable } from './table.ts';

/** How long function logs are kept. They hold no report content, but nothing is kept for long. */
export const functionLogRetention = RetentionDays.ONE_MONTH;

/**
 * 512 MB: Lambda's CPU share grows with memory, and a receipt hash is scrypt with N = 2^14
 * (16 MiB, CPU-bound). At 128 MB the hash alone takes most of a second; at 512 MB it is a
 * fraction of that, and cold starts shrink too. The same size for all keeps them predictable.
 */
const memorySize = 512;

/** Generous for two conditional writes and one hash; HTTP API itself gives up after 30 s. */
const timeout = Duration.seconds(10);

/** The resources a function can be bound to. */
export interface PortalResources {
  table: PortalTable;
  receiptSalt: ReceiptSalt;
}

/** A route's function, named after the route: construct id, function name and log group alike. */
export class PortalFunction extends Construct {
  /** The route this function serves. */
  readonly route: Route;
  /** The Lambda function. */
  readonly function: NodejsFunction;
  /** Where the function logs. */
  readonly logGroup: LogGroup;
  /** The policy holding the function's resource permissions; `bind` adds to it. */
  private readonly access: Policy;

  constructor(scope: Construct, route: Route) {
    const name = routeName(route);
    super(scope, name);
    this.route = route;
    const functionName = `${Stack.of(this).stackName}-${name}`;
    this.logGroup = new LogGroup(this, 'logs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: functionLogRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // A role of our own: no AWS managed policy, each permission named. Policies are kept apart
    // so that the one unavoidable wildcard (X-Ray) is acknowledged on its own policy only.
    const role = new Role(this, 'role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${route.method} ${route.path}`,
    });
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
      description: route.summary,
      entry: handlerEntry(name),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: `${repoRoot}/package-lock.json`,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize,
      timeout,
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
   * Gives the function what its route's table access level allows, and nothing more: the table's
   * name and the level's actions (on the indexes only for index reads), and the receipt salt
   * when the route hashes receipts.
   */
  bind({ table, receiptSalt }: PortalResources): void {
    const grant = tableGrant(this.route);
    if (grant.table.length > 0) {
      this.function.addEnvironment(table.definition.envVar, table.table.tableName);
      this.access.addStatements(
        new PolicyStatement({ actions: grant.table, resources: [table.table.tableArn] }),
      );
    }
    if (grant.indexes.length > 0) {
      this.access.addStatements(
        new PolicyStatement({ actions: grant.indexes, resources: table.indexArns() }),
      );
    }
    if (needsReceiptSalt(this.route)) {
      this.function.addEnvironment('RECEIPT_SALT_SOURCE', receiptSalt.source);
      this.access.addStatements(receiptSalt.readStatement());
    }
  }
}
