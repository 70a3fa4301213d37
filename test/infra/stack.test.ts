import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKey, routeName, routes, tableActions } from '../../functions/routes.ts';
import { mainTable } from '../../functions/store/tables.ts';
import { accessLogFields } from '../../infra/aws/portal-api.ts';
import { environmentNames, needsReceiptSalt, needsTable } from '../../infra/aws/route-needs.ts';
import { type Synthesized, synthesize } from './synthesize.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Action: string | string[]; Resource: unknown };

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});
afterAll(() => synth.cleanUp());

function resources(type: string): Record<string, Resource> {
  return synth.template.findResources(type) as Record<string, Resource>;
}

/** The logical id and properties of the Lambda function serving a route. */
function functionOf(route: (typeof routes)[number]): [string, Resource['Properties']] {
  const found = Object.entries(resources('AWS::Lambda::Function')).filter(
    ([, f]) => f.Properties.FunctionName === `hutong-${routeName(route)}`,
  );
  expect(found, `one function for ${routeKey(route)}`).toHaveLength(1);
  const [logicalId, fn] = found[0] as [string, Resource];
  return [logicalId, fn.Properties];
}

/** Every statement of every policy attached to a route's function role. */
function statementsOf(route: (typeof routes)[number]): Statement[] {
  const [, fn] = functionOf(route);
  const roleId = (fn.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return Object.values(resources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());
const tableArn = { 'Fn::GetAtt': [expect.stringMatching(`^${mainTable.id}table`), 'Arn'] };
const reportRoute = routes.find((r) => r.method === 'POST' && r.path === '/api/reports');
const readActions = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:BatchGetItem'];

describe('reports table', () => {
  it('is on-demand, recoverable, protected from deletion, encrypted and retained when built from mainTable', () => {
    // Prepare
    const keys = (pk: { name: string }, sk?: { name: string }) => [
      { AttributeName: pk.name, KeyType: 'HASH' },
      ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' }] : []),
    ];
    // Act
    const tables = resources('AWS::DynamoDB::GlobalTable');
    // Assess
    expect(Object.keys(tables)).toHaveLength(1);
    synth.template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        KeySchema: keys(mainTable.partitionKey, mainTable.sortKey),
        TimeToLiveSpecification: { AttributeName: mainTable.ttlAttribute, Enabled: true },
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      },
    });
    const table = Object.values(tables)[0] as Resource;
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      mainTable.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: keys(index.partitionKey, 'sortKey' in index ? index.sortKey : undefined),
        Projection:
          index.include.length > 0
            ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.include] }
            : { ProjectionType: 'KEYS_ONLY' },
      })),
    );
  });
});

describe('route functions', () => {
  it('builds exactly one Node.js 24 arm64 function per route, named after the route', () => {
    // Act
    const nodeFunctions = Object.values(resources('AWS::Lambda::Function')).filter((f) =>
      String(f.Properties.Runtime).startsWith('nodejs'),
    );
    // Assess
    expect(nodeFunctions).toHaveLength(routes.length);
    for (const route of routes) {
      const [, fn] = functionOf(route);
      expect(fn).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 512,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      });
    }
  });

  it('gives each function exactly the environment its route needs when it is bound', () => {
    for (const route of routes) {
      // Act
      const [, fn] = functionOf(route);
      const variables = (fn.Environment as { Variables: Record<string, unknown> }).Variables;
      // Assess
      expect(Object.keys(variables).sort(), routeKey(route)).toEqual(
        ['NODE_OPTIONS', ...environmentNames(route, mainTable.envVar)].sort(),
      );
      expect(variables.NODE_OPTIONS).toBe('--enable-source-maps');
      if (needsTable(route))
        expect(variables[mainTable.envVar]).toEqual({ Ref: expect.stringMatching(`^${mainTable.id}table`) });
      if (needsReceiptSalt(route)) {
        expect(JSON.stringify(variables.RECEIPT_SALT_SOURCE)).toMatch(
          /^\{"Fn::Join":\["",\["secretsmanager:",/,
        );
      }
    }
  });

  it('keeps every function log group for a month', () => {
    for (const route of routes) {
      // Prepare
      const [, fn] = functionOf(route);
      const logGroupId = (fn.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      // Act
      const logGroup = resources('AWS::Logs::LogGroup')[logGroupId];
      // Assess
      expect(logGroup?.Properties).toEqual({
        LogGroupName: `/aws/lambda/hutong-${routeName(route)}`,
        RetentionInDays: 30,
        Tags: expect.any(Array),
      });
    }
  });
});

describe('least-privilege grants', () => {
  it('lets the public report function write the table but never read it', () => {
    // Prepare
    expect(reportRoute?.table).toBe('write');
    // Act
    const statements = statementsOf(reportRoute as (typeof routes)[number]);
    const dynamo = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')));
    // Assess
    for (const action of readActions) expect(actionsOf(statements)).not.toContain(action);
    expect(actionsOf(statements).filter((a) => a.includes('*'))).toEqual([]);
    expect(dynamo).toHaveLength(1);
    expect([...actionsOf(dynamo)].sort()).toEqual([...tableActions.write].sort());
    expect(dynamo[0]?.Resource).toEqual(tableArn);
  });

  it('gives functions of routes with no table access no DynamoDB action at all', () => {
    // Prepare
    const tableless = routes.filter((route) => route.table === 'none');
    expect(tableless.length).toBeGreaterThan(0);
    for (const route of tableless) {
      // Act
      const actions = actionsOf(statementsOf(route));
      // Assess
      expect(
        actions.filter((a) => a.startsWith('dynamodb:')),
        routeKey(route),
      ).toEqual([]);
    }
  });

  it('lets only receipt-hashing functions read the salt, and only with GetSecretValue', () => {
    for (const route of routes) {
      // Act
      const secretActions = actionsOf(statementsOf(route)).filter((a) => a.startsWith('secretsmanager:'));
      // Assess
      expect(secretActions, routeKey(route)).toEqual(
        needsReceiptSalt(route) ? ['secretsmanager:GetSecretValue'] : [],
      );
    }
  });
});

describe('HTTP API', () => {
  it('has exactly the routes of routes.ts, each to its own function with payload 2.0', () => {
    // Act
    const apiRoutes = Object.values(resources('AWS::ApiGatewayV2::Route'));
    const integrations = resources('AWS::ApiGatewayV2::Integration');
    // Assess
    expect(apiRoutes.map((r) => r.Properties.RouteKey).sort()).toEqual(routes.map(routeKey).sort());
    for (const route of routes) {
      const apiRoute = apiRoutes.find((r) => r.Properties.RouteKey === routeKey(route)) as Resource;
      const target = JSON.stringify(apiRoute.Properties.Target);
      const integrationId = Object.keys(integrations).find((id) => target.includes(id)) as string;
      const integration = integrations[integrationId]?.Properties;
      expect(integration).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
      expect(JSON.stringify(integration?.IntegrationUri)).toContain(functionOf(route)[0]);
      expect(apiRoute.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
    }
  });

  it('logs access without the caller: no sourceIp, no userAgent, but the request id and status', () => {
    // Act
    const stages = Object.values(resources('AWS::ApiGatewayV2::Stage'));
    // Assess
    expect(stages).toHaveLength(1);
    const stage = stages[0]?.Properties as Record<string, unknown>;
    expect(stage).toMatchObject({ StageName: '$default', AutoDeploy: true });
    const format = JSON.parse((stage.AccessLogSettings as { Format: string }).Format);
    expect(format).toEqual(accessLogFields);
    expect(JSON.stringify(format)).not.toMatch(/sourceIp|userAgent|identity\.|\$context\.path/);
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
    });
    expect(stage.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: expect.any(Number),
      ThrottlingBurstLimit: expect.any(Number),
    });
  });
});

describe('template', () => {
  it('contains no hard-coded aws partition, so it deploys to aws-cn unchanged', () => {
    // Assess
    expect(synth.templateText.match(/arn:aws:[^"]*/g) ?? []).toEqual([]);
    expect(synth.templateText).toContain('"Ref":"AWS::Partition"');
  });
});
