import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKey, routeName, routes, schedules } from '../../functions/routes.ts';
import { keyPrefixes, mainTable } from '../../functions/store/tables.ts';
import { accessLogFields } from '../../infra/aws/portal-api.ts';
import {
  environmentNames,
  type FunctionSpec,
  functionSpecs,
  needsReceiptSalt,
  needsTable,
} from '../../infra/aws/route-needs.ts';
import { tableProps } from '../../infra/aws/table.ts';
import { routeThrottles, stageThrottle } from '../../infra/aws/throttling.ts';
import { type Synthesized, synthesize } from './synthesize.ts';
import {
  actionsOf,
  functionNamed,
  resourcesOf,
  type Statement,
  statementsOfFunction,
  type Resource as TemplateResource,
} from './template-queries.ts';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});
afterAll(() => synth.cleanUp());

type Resource = TemplateResource & { DependsOn?: string[] };

function resources(type: string): Record<string, Resource> {
  return resourcesOf(synth.template, type);
}

/** Every function the stack should have: one per route, one per scheduled job, the sign-in trigger. */
const specs: FunctionSpec[] = functionSpecs(routes, schedules);
const specNamed = (name: string) => specs.find((spec) => spec.name === name) as FunctionSpec;

const functionOf = (name: string) => functionNamed(synth.template, name);
const statementsOf = (name: string) => statementsOfFunction(synth.template, name);
const dynamoStatements = (name: string) =>
  statementsOf(name).filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')));
const withAction = (statements: Statement[], action: string) =>
  statements.filter((s) => actionsOf([s]).includes(action));

const tableArn = { 'Fn::GetAtt': [expect.stringMatching(`^${mainTable.id}table`), 'Arn'] };
const indexArn = (index: string) => ({
  'Fn::Join': [
    '',
    [{ 'Fn::GetAtt': [expect.stringMatching(`^${mainTable.id}table`), 'Arn'] }, `/index/${index}`],
  ],
});
const leadingKeys = (...patterns: string[]) => ({
  'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': patterns },
});

const reportFunction = routeName({ method: 'POST', path: '/api/reports' });
const followUpFunctions = routes.filter((r) => r.table === 'follow-up').map(routeName);
const purgeFunction = 'purge-expired';

describe('reports table', () => {
  it('is on-demand, recoverable, protected from deletion, encrypted with the data key and retained when built from mainTable', () => {
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
            SSESpecification: {
              KMSMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^datakey'), 'Arn'] },
            },
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

  it('has the keys-only hourly and expiry indexes the caps and the purge query', () => {
    // Act
    const table = Object.values(resources('AWS::DynamoDB::GlobalTable'))[0] as Resource;
    const indexes = table.Properties.GlobalSecondaryIndexes as { IndexName: string; Projection: unknown }[];
    // Assess
    for (const name of ['hourly', 'expiry']) {
      expect(indexes.find((i) => i.IndexName === name)?.Projection, name).toEqual({
        ProjectionType: 'KEYS_ONLY',
      });
    }
  });
});

describe('upgrading a deployed table', () => {
  it('builds only the named indexes while an upgrade adds them one per deploy, and refuses unknown names', () => {
    // Act
    const partial = tableProps(mainTable, ['by-ref', 'queue']);
    // Assess
    expect(partial.globalSecondaryIndexes?.map((i) => i.indexName)).toEqual(['queue', 'by-ref']);
    expect(tableProps(mainTable, []).globalSecondaryIndexes).toEqual([]);
    expect(tableProps(mainTable).globalSecondaryIndexes).toHaveLength(mainTable.indexes.length);
    expect(() => tableProps(mainTable, ['by-nothing'])).toThrow(/hutong:onlyIndexes names no index/);
  });
});

describe('functions', () => {
  it('builds exactly one Node.js 24 arm64 function per route, per scheduled job and for the sign-in trigger', () => {
    // Act
    const nodeFunctions = Object.values(resources('AWS::Lambda::Function')).filter((f) =>
      String(f.Properties.Runtime).startsWith('nodejs'),
    );
    // Assess
    expect(nodeFunctions).toHaveLength(routes.length + schedules.length + 1);
    for (const spec of specs) {
      const [, fn] = functionOf(spec.name);
      expect(fn, spec.name).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        MemorySize: 512,
        Timeout: spec.timeoutSeconds,
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      });
    }
  });

  it('gives each function exactly the environment its entry in the route table needs', () => {
    for (const spec of specs) {
      // Act
      const [, fn] = functionOf(spec.name);
      const variables = (fn.Environment as { Variables: Record<string, unknown> }).Variables;
      // Assess
      expect(Object.keys(variables).sort(), spec.name).toEqual(
        ['NODE_OPTIONS', ...environmentNames(spec, mainTable.envVar)].sort(),
      );
      expect(variables.NODE_OPTIONS).toBe('--enable-source-maps');
      if (needsTable(spec))
        expect(variables[mainTable.envVar]).toEqual({ Ref: expect.stringMatching(`^${mainTable.id}table`) });
      if (needsReceiptSalt(spec)) {
        expect(JSON.stringify(variables.RECEIPT_SALT_SOURCE)).toMatch(
          /^\{"Fn::Join":\["",\["secretsmanager:",/,
        );
      }
    }
  });

  it('keeps every function log group for a month, encrypted with the data key', () => {
    for (const spec of specs) {
      // Prepare
      const [, fn] = functionOf(spec.name);
      const logGroupId = (fn.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      // Act
      const logGroup = resources('AWS::Logs::LogGroup')[logGroupId];
      // Assess
      expect(logGroup?.Properties).toEqual({
        LogGroupName: `/aws/lambda/hutong-${spec.name}`,
        RetentionInDays: 30,
        KmsKeyId: { 'Fn::GetAtt': [expect.stringMatching(/^datakey/), 'Arn'] },
        Tags: expect.any(Array),
      });
    }
  });
});

describe('least-privilege grants', () => {
  it('never lets the report function read a report: no GetItem, Scan or BatchGetItem at all', () => {
    // Act
    const actions = actionsOf(statementsOf(reportFunction));
    // Assess
    for (const action of [
      'dynamodb:GetItem',
      'dynamodb:Scan',
      'dynamodb:BatchGetItem',
      'dynamodb:DeleteItem',
    ]) {
      expect(actions).not.toContain(action);
    }
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
  });

  it('lets the report function query only the hourly index, and only for a COUNT', () => {
    // Act
    const queries = withAction(dynamoStatements(reportFunction), 'dynamodb:Query');
    // Assess
    expect(queries).toEqual([
      {
        Action: 'dynamodb:Query',
        Effect: 'Allow',
        Resource: indexArn('hourly'),
        Condition: { StringEquals: { 'dynamodb:Select': 'COUNT' } },
      },
    ]);
  });

  it('lets the report function put and update only report, idempotency and proof-of-work items', () => {
    // Act
    const writes = dynamoStatements(reportFunction).filter((s) => !actionsOf([s]).includes('dynamodb:Query'));
    // Assess
    expect(writes).toEqual([
      {
        Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
        Effect: 'Allow',
        Resource: tableArn,
        Condition: leadingKeys('REPORT#*', 'IDEM#*', 'POW#*'),
      },
    ]);
  });

  it('lets the follow-up functions read only report items, on the table and through no index', () => {
    // Prepare
    expect(followUpFunctions.sort()).toEqual(['post-followup', 'post-followup-messages']);
    for (const name of followUpFunctions) {
      // Act
      const statements = dynamoStatements(name);
      const reads = statements.filter((s) =>
        actionsOf([s]).some((a) => ['dynamodb:GetItem', 'dynamodb:Query'].includes(a)),
      );
      // Assess
      expect(actionsOf(statements), name).not.toContain('dynamodb:Scan');
      expect(actionsOf(statements), name).not.toContain('dynamodb:BatchGetItem');
      expect(reads.length, name).toBeGreaterThan(0);
      for (const read of reads) {
        expect(read.Resource, name).toEqual(tableArn);
        expect(read.Condition, name).toEqual(leadingKeys('REPORT#*'));
      }
      for (const write of withAction(statements, 'dynamodb:PutItem')) {
        expect(write.Condition, name).toEqual(leadingKeys('REPORT#*', 'POW#*'));
      }
    }
  });

  it('lets the purge delete only idempotency, proof-of-work and alert items, found through the expiry index', () => {
    // Act
    const statements = dynamoStatements(purgeFunction);
    // Assess
    expect(statements).toEqual([
      { Action: 'dynamodb:Query', Effect: 'Allow', Resource: indexArn('expiry') },
      {
        Action: ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem'],
        Effect: 'Allow',
        Resource: tableArn,
        Condition: leadingKeys('IDEM#*', 'POW#*', 'ALERT#*'),
      },
    ]);
  });

  it('lets the office read and change only report items, and query only its three indexes', () => {
    for (const name of routes.filter((r) => r.table === 'office').map(routeName)) {
      // Act
      const statements = dynamoStatements(name);
      // Assess
      expect(statements, name).toEqual([
        {
          Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
          Effect: 'Allow',
          Resource: tableArn,
          Condition: leadingKeys('REPORT#*'),
        },
        { Action: 'dynamodb:Query', Effect: 'Allow', Resource: tableArn, Condition: leadingKeys('ALERT#*') },
        // IAM policy minimization merges the three index grants into one statement.
        {
          Action: 'dynamodb:Query',
          Effect: 'Allow',
          Resource: [indexArn('by-ref'), indexArn('by-status'), indexArn('queue')],
        },
      ]);
      expect(actionsOf(statements), name).not.toContain('dynamodb:DeleteItem');
    }
  });

  it('lets statistics, export and the transparency figures query the month index and nothing else', () => {
    for (const name of routes.filter((r) => r.table === 'insights').map(routeName)) {
      // Act + Assess
      expect(dynamoStatements(name), name).toEqual([
        { Action: 'dynamodb:Query', Effect: 'Allow', Resource: indexArn('by-month') },
      ]);
    }
  });

  it('lets the alert dispatcher update only reports, write only alerts, and query only its index', () => {
    // Act
    const statements = dynamoStatements('dispatch-alerts');
    // Assess
    expect(statements).toEqual([
      { Action: 'dynamodb:Query', Effect: 'Allow', Resource: indexArn('alerts') },
      {
        Action: 'dynamodb:UpdateItem',
        Effect: 'Allow',
        Resource: tableArn,
        Condition: leadingKeys('REPORT#*'),
      },
      { Action: 'dynamodb:PutItem', Effect: 'Allow', Resource: tableArn, Condition: leadingKeys('ALERT#*') },
    ]);
  });

  it('lets retention delete only reports and write only statistics, finding closed ones by status', () => {
    // Act
    const statements = dynamoStatements('retention');
    // Assess
    expect(statements).toEqual([
      { Action: 'dynamodb:Query', Effect: 'Allow', Resource: indexArn('by-status') },
      {
        Action: ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:Query'],
        Effect: 'Allow',
        Resource: tableArn,
        Condition: leadingKeys('REPORT#*'),
      },
      { Action: 'dynamodb:PutItem', Effect: 'Allow', Resource: tableArn, Condition: leadingKeys('STAT#*') },
    ]);
  });

  it('names an index on every index grant, never index/* or the table for a query of an index', () => {
    // Act
    const texts = specs.flatMap((spec) => dynamoStatements(spec.name).map((s) => JSON.stringify(s.Resource)));
    // Assess
    expect(texts.filter((t) => t.includes('index/*'))).toEqual([]);
    expect(texts.filter((t) => t.includes('/index/') && !/\/index\/[a-z-]+"/.test(t))).toEqual([]);
  });

  it("never lets a trainer's or reviewer's function touch a report, nor decrypt a contact", () => {
    // Prepare
    const trainerFunctions = routes.filter((r) => r.path.startsWith('/api/trainer/')).map(routeName);
    const workshopKeys = [keyPrefixes.workshop, keyPrefixes.workshopKey, keyPrefixes.siteBuild].map(
      (prefix) => `${prefix}*`,
    );
    expect(trainerFunctions.length).toBeGreaterThan(0);
    for (const name of trainerFunctions) {
      // Act
      const statements = dynamoStatements(name);
      // Assess: every grant on the table is held to workshop keys; every index grant is theirs.
      expect(statements.length, name).toBeGreaterThan(0);
      for (const statement of statements) {
        const resource = JSON.stringify(statement.Resource);
        if (resource.includes('/index/')) {
          expect(resource, name).toMatch(/\/index\/(workshops|published)"/);
          continue;
        }
        const keys = (
          statement.Condition?.['ForAllValues:StringLike'] as Record<string, string[]> | undefined
        )?.['dynamodb:LeadingKeys'];
        expect(keys, name).toBeDefined();
        for (const key of keys ?? []) expect(workshopKeys, name).toContain(key);
      }
      expect(JSON.stringify(statementsOf(name)), name).not.toContain(keyPrefixes.report);
      // The data key only through the table's or the uploads bucket's service: no contact opens.
      const keyUses = statementsOf(name).filter((st) => actionsOf([st]).some((a) => a.startsWith('kms:')));
      for (const use of keyUses) {
        expect(JSON.stringify(use.Condition), name).toContain('kms:ViaService');
        expect(JSON.stringify(use.Condition), name).not.toContain('hutong-contact');
      }
    }
  });

  it('gives functions with no table access no DynamoDB action at all', () => {
    // Prepare
    const tableless = specs.filter((spec) => spec.table === 'none');
    expect(tableless.length).toBeGreaterThan(0);
    for (const spec of tableless) {
      // Act + Assess
      expect(dynamoStatements(spec.name), spec.name).toEqual([]);
    }
  });

  it('lets only functions whose route reads the salt read it, and only with GetSecretValue', () => {
    for (const spec of specs) {
      // Act
      const secretActions = actionsOf(statementsOf(spec.name)).filter((a) => a.startsWith('secretsmanager:'));
      // Assess
      expect(secretActions, spec.name).toEqual(spec.receiptSalt ? ['secretsmanager:GetSecretValue'] : []);
    }
    expect(specNamed(purgeFunction).receiptSalt).toBe(false);
  });
});

/** EventBridge's rate expression as CDK writes it: the largest whole unit, singular for one. */
function rateExpression(minutes: number): string {
  const [count, unit] =
    minutes % (24 * 60) === 0
      ? [minutes / (24 * 60), 'day']
      : minutes % 60 === 0
        ? [minutes / 60, 'hour']
        : [minutes, 'minute'];
  return `rate(${count} ${unit}${count === 1 ? '' : 's'})`;
}

describe('scheduled jobs', () => {
  it('runs each job on an EventBridge rule at its rate, targeting its own function', () => {
    // Prepare
    // The site build's rules react to events (site-build-job.test.ts); these run on a clock.
    const rules = Object.entries(resources('AWS::Events::Rule')).filter(
      ([, r]) => r.Properties.ScheduleExpression !== undefined,
    );
    expect(rules).toHaveLength(schedules.length);
    for (const schedule of schedules) {
      const [functionId] = functionOf(schedule.name);
      // Act
      const rule = rules.find(([, r]) => JSON.stringify(r.Properties.Targets).includes(`"${functionId}"`));
      // Assess
      expect(rule, schedule.name).toBeDefined();
      expect(rule?.[1].Properties).toMatchObject({
        State: 'ENABLED',
        Targets: [{ Arn: { 'Fn::GetAtt': [functionId, 'Arn'] } }],
      });
      expect(rule?.[1].Properties.ScheduleExpression).toBe(rateExpression(schedule.everyMinutes));
      synth.template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
        Principal: 'events.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [rule?.[0], 'Arn'] },
      });
    }
  });

  it('purges every hour, dispatches alerts and starts requested site builds every minute, applies retention daily', () => {
    // Act
    const every = Object.fromEntries(schedules.map((s) => [s.name, s.everyMinutes]));
    // Assess
    expect(every).toEqual({
      [purgeFunction]: 60,
      'dispatch-alerts': 1,
      'start-site-build': 1,
      retention: 24 * 60,
    });
    for (const expression of ['rate(1 hour)', 'rate(1 minute)', 'rate(1 day)']) {
      synth.template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: expression });
    }
  });

  it('never runs a job twice at once: each stops before its next run, and a failed run is not retried', () => {
    for (const schedule of schedules) {
      // Act
      const [functionId, fn] = functionOf(schedule.name);
      const invokeConfigs = Object.values(resources('AWS::Lambda::EventInvokeConfig')).filter((config) =>
        JSON.stringify(config.Properties.FunctionName).includes(`"${functionId}"`),
      );
      // Assess
      expect(fn.Timeout as number, schedule.name).toBeLessThan(schedule.everyMinutes * 60);
      expect(invokeConfigs.map((config) => config.Properties.MaximumRetryAttempts)).toEqual([0]);
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
      expect(JSON.stringify(integration?.IntegrationUri)).toContain(functionOf(routeName(route))[0]);
    }
  });

  it('guards every staff route with the one JWT authorizer, and no public route', () => {
    // Prepare
    const apiRoutes = Object.values(resources('AWS::ApiGatewayV2::Route'));
    const authorizers = Object.keys(resources('AWS::ApiGatewayV2::Authorizer'));
    expect(authorizers).toHaveLength(1);
    expect(routes.filter((r) => r.access !== 'public').length).toBeGreaterThan(0);
    for (const route of routes) {
      // Act
      const properties = apiRoutes.find((r) => r.Properties.RouteKey === routeKey(route))?.Properties;
      // Assess
      if (route.access === 'public') {
        expect(properties?.AuthorizationType ?? 'NONE', routeKey(route)).toBe('NONE');
        expect(properties, routeKey(route)).not.toHaveProperty('AuthorizerId');
      } else {
        expect(properties, routeKey(route)).toMatchObject({
          AuthorizationType: 'JWT',
          AuthorizerId: { Ref: authorizers[0] },
        });
      }
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
  });

  it('throttles the stage by default and the public working routes tighter, each on its own', () => {
    // Prepare
    const publicWork = [
      'POST /api/reports',
      'POST /api/followup',
      'POST /api/followup/messages',
      'GET /api/challenge',
    ];
    // Act
    const stage = Object.values(resources('AWS::ApiGatewayV2::Stage'))[0] as Resource;
    const settings = stage.Properties.RouteSettings as Record<
      string,
      { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }
    >;
    // Assess
    expect(stage.Properties.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: stageThrottle.rateLimit,
      ThrottlingBurstLimit: stageThrottle.burstLimit,
    });
    expect(Object.keys(settings).sort()).toEqual([...publicWork].sort());
    for (const key of publicWork) {
      expect(settings[key], key).toEqual({
        ThrottlingRateLimit: routeThrottles[key]?.rateLimit,
        ThrottlingBurstLimit: routeThrottles[key]?.burstLimit,
      });
      expect(settings[key]?.ThrottlingRateLimit, key).toBeLessThan(stageThrottle.rateLimit);
      expect(settings[key]?.ThrottlingBurstLimit, key).toBeLessThanOrEqual(stageThrottle.burstLimit);
    }
  });

  it('creates the stage after the routes its settings name, as CloudFormation requires', () => {
    // Act
    const stage = Object.values(resources('AWS::ApiGatewayV2::Stage'))[0] as Resource;
    const routeIds = Object.entries(resources('AWS::ApiGatewayV2::Route'))
      .filter(([, r]) => String(r.Properties.RouteKey) in routeThrottles)
      .map(([id]) => id);
    // Assess
    expect(routeIds).toHaveLength(Object.keys(routeThrottles).length);
    expect(stage.DependsOn).toEqual(expect.arrayContaining(routeIds));
  });
});
