import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IgnoreMode, IgnoreStrategy } from 'aws-cdk-lib';
import { BuildSpec } from 'aws-cdk-lib/aws-codebuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeName, routes, schedules } from '../../functions/routes.ts';
import { createApp } from '../../infra/aws/app.ts';
import { functionSpecs, siteBuildActions } from '../../infra/aws/route-needs.ts';
import { failedBuildStates } from '../../infra/aws/site-build-events.ts';
import { publishCommand, siteBuildSpec, sourceExcludes } from '../../infra/aws/site-buildspec.ts';
import { repoRoot } from '../../infra/site-build.ts';
import { type Synthesized, synthesize, testRegion } from './synthesize.ts';
import { stackAlarmsCondition } from './template-queries.ts';

type Properties = Record<string, unknown>;
type Resource = { Properties: Properties; DeletionPolicy?: string };
type Statement = { Action: string | string[]; Effect: string; Resource: unknown };

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize({ context: { 'hutong:opsEmails': 'ops@example.org' } });
});
afterAll(() => synth.cleanUp());

function resources(type: string): Record<string, Resource> {
  return synth.template.findResources(type) as Record<string, Resource>;
}

/** The one resource of a type whose logical id starts with `prefix`. */
function only(type: string, prefix: string): [string, Properties] {
  const found = Object.entries(resources(type)).filter(([id]) => id.startsWith(prefix));
  expect(found, `${type} ${prefix}`).toHaveLength(1);
  const [id, resource] = found[0] as [string, Resource];
  return [id, resource.Properties];
}

const project = () => only('AWS::CodeBuild::Project', 'sitebuildproject');
const ref = (prefix: string) => ({ Ref: expect.stringMatching(`^${prefix}[0-9A-F]{8}$`) });
const arn = (prefix: string) => ({ 'Fn::GetAtt': [expect.stringMatching(`^${prefix}[0-9A-F]{8}$`), 'Arn'] });
const under = (prefix: string, path: string) => ({ 'Fn::Join': ['', [arn(prefix), path]] });

/** Every statement of every policy attached to a role. */
function statementsOfRole(roleId: string): Statement[] {
  return Object.values(resources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** A route's or job's function: its environment and its role's statements. */
function functionNamed(name: string): { variables: Properties; statements: Statement[] } {
  const fn = Object.values(resources('AWS::Lambda::Function')).find(
    (f) => f.Properties.FunctionName === `hutong-${name}`,
  );
  expect(fn, name).toBeDefined();
  const properties = fn?.Properties ?? {};
  const roleId = (properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
  const variables = (properties.Environment as { Variables: Properties }).Variables;
  return { variables, statements: statementsOfRole(roleId) };
}

const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());
const uploaders = routes.filter((r) => 'uses' in r && (r.uses as readonly string[]).includes('uploads'));
const actionsRoute = routeName({ method: 'POST', path: '/api/trainer/workshops/{id}/actions' });
const progressRoute = routeName({ method: 'GET', path: '/api/trainer/site-build' });

describe('site build project', () => {
  it('builds from an S3 copy of the deployed repository, without local data, dependencies or output', () => {
    // Prepare
    const ignored = IgnoreStrategy.fromCopyOptions(
      { exclude: [...sourceExcludes], ignoreMode: IgnoreMode.GLOB },
      repoRoot,
    );
    // Act
    const [, properties] = project();
    const source = properties.Source as { Type: string; Location: { 'Fn::Join': [string, unknown[]] } };
    const key = String(source.Location['Fn::Join'][1].at(-1)).replace(/^\//, '');
    const staged = join(synth.outdir, `asset.${key.replace(/\.zip$/, '')}`);
    // Assess
    expect(source.Type).toBe('S3');
    for (const input of ['package.json', 'package-lock.json', 'hutong.config.json', 'infra/site-build.ts']) {
      expect(existsSync(join(staged, input)), input).toBe(true);
    }
    for (const left of ['node_modules', '.git', 'cdk.out', 'site/dist', 'docs/screenshots', '.data']) {
      expect(existsSync(join(staged, left)), left).toBe(false);
    }
    // CDK skips an ignored folder whole: each folder and file is tested as the copy meets it.
    for (const path of [
      '.data',
      'site/node_modules',
      'site/dist',
      'test/.out',
      '.git',
      '.env.local',
      'x.log',
    ]) {
      expect(ignored.ignores(join(repoRoot, path)), path).toBe(true);
    }
    for (const path of ['site/src/pages/index.astro', 'functions/routes.ts', 'docs/deploy.md']) {
      expect(ignored.ignores(join(repoRoot, path)), path).toBe(false);
    }
  });

  it('runs npm ci, then the same npm run build:site as on a laptop, on Node.js 20', () => {
    // Act
    const [, properties] = project();
    const spec = siteBuildSpec() as { phases: Record<string, Properties & { commands: string[] }> };
    // Assess
    expect((properties.Source as Properties).BuildSpec).toBe(
      BuildSpec.fromObjectToYaml(siteBuildSpec()).toBuildSpec(),
    );
    expect(spec.phases.install).toMatchObject({ 'runtime-versions': { nodejs: '20' } });
    expect(spec.phases.install?.commands).toEqual(['npm ci --no-audit --no-fund']);
    expect(spec.phases.build?.commands).toEqual(['npm run build:site']);
    expect(spec.phases.post_build?.commands).toEqual([publishCommand()]);
    expect(properties.Environment).toMatchObject({
      Image: 'aws/codebuild/standard:7.0',
      Type: 'LINUX_CONTAINER',
      PrivilegedMode: false,
    });
  });

  it('gives the build the table, the uploads, the site bucket and the distribution, and nothing else', () => {
    // Act
    const [, properties] = project();
    const variables = (properties.Environment as { EnvironmentVariables: { Name: string; Value: unknown }[] })
      .EnvironmentVariables;
    // Assess
    expect(Object.fromEntries(variables.map((v) => [v.Name, v.Value]))).toEqual({
      TABLE_NAME: ref('reportstable'),
      UPLOADS: { 'Fn::Join': ['', ['s3:', ref('uploadsbucket')]] },
      SITE_BUCKET: ref('sitebucket'),
      DISTRIBUTION_ID: ref('cdndistribution'),
    });
  });

  it('runs one build at a time, for at most 20 minutes, logging to its own group for a month', () => {
    // Act
    const [, properties] = project();
    const [logsId, logs] = only('AWS::Logs::LogGroup', 'sitebuildlogs');
    // Assess
    expect(properties).toMatchObject({
      Name: 'hutong-site-build',
      ConcurrentBuildLimit: 1,
      TimeoutInMinutes: 20,
    });
    expect(properties.LogsConfig).toEqual({
      CloudWatchLogs: { GroupName: { Ref: logsId }, Status: 'ENABLED' },
    });
    expect(logs).toMatchObject({ LogGroupName: '/aws/codebuild/hutong-site-build', RetentionInDays: 30 });
  });
});

describe('publishing the built site', () => {
  /** Runs the post_build command with a recording `aws`; `failing` names a subcommand that fails. */
  function publish(succeeding: '0' | '1', failing?: string): { status: number; calls: string[] } {
    const bin = mkdtempSync(join(tmpdir(), 'hutong-aws-'));
    const log = join(bin, 'calls');
    writeFileSync(log, '');
    writeFileSync(
      join(bin, 'aws'),
      `#!/bin/bash\necho "$*" >> "${log}"\n[ "$1" = "${failing ?? ''}" ] && exit 1\nexit 0\n`,
    );
    chmodSync(join(bin, 'aws'), 0o755);
    const env = {
      PATH: `${bin}:${process.env.PATH}`,
      CODEBUILD_BUILD_SUCCEEDING: succeeding,
      SITE_BUCKET: 'hutong-site-bucket',
      DISTRIBUTION_ID: 'E2EXAMPLE',
    };
    let status = 0;
    try {
      execFileSync('bash', ['-c', publishCommand()], { env, stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    const calls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    rmSync(bin, { recursive: true, force: true });
    return { status, calls };
  }

  it('syncs the site to its bucket, removing old files, then invalidates CloudFront, after a successful build', () => {
    // Act
    const { status, calls } = publish('1');
    // Assess
    expect(status).toBe(0);
    expect(calls).toEqual([
      's3 sync site/dist s3://hutong-site-bucket --delete --no-progress',
      'cloudfront create-invalidation --distribution-id E2EXAMPLE --paths /*',
    ]);
  });

  it('leaves the public site untouched after a failed build', () => {
    // Act + Assess
    expect(publish('0')).toEqual({ status: 0, calls: [] });
  });

  it('fails the build, and invalidates nothing, when the sync fails', () => {
    // Act
    const { status, calls } = publish('1', 's3');
    // Assess
    expect(status).not.toBe(0);
    expect(calls).toEqual(['s3 sync site/dist s3://hutong-site-bucket --delete --no-progress']);
  });
});

describe("site build's role", () => {
  it('holds exactly what the build needs: the published index, handouts and their key, the site bucket, one distribution', () => {
    // Prepare
    const roleId = ((project()[1].ServiceRole as { 'Fn::GetAtt': [string] })['Fn::GetAtt'] ?? [])[0];
    // Act
    const statements = statementsOfRole(roleId);
    const role = resources('AWS::IAM::Role')[roleId]?.Properties;
    // Assess
    expect(role).not.toHaveProperty('ManagedPolicyArns');
    expect(role).not.toHaveProperty('Policies');
    expect(actionsOf(statements).filter((a) => a.includes('*'))).toEqual([]);
    expect(statements).toEqual([
      {
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Effect: 'Allow',
        Resource: arn('sitebuildlogs'),
      },
      {
        Action: ['s3:GetObject', 's3:GetObjectVersion'],
        Effect: 'Allow',
        Resource: {
          'Fn::Join': [
            '',
            [
              'arn:aws:s3:::',
              { 'Fn::Sub': `cdk-hnb659fds-assets-\${AWS::AccountId}-${testRegion}` },
              expect.stringMatching(/^\/[0-9a-f]{64}\.zip$/),
            ],
          ],
        },
      },
      { Action: 'dynamodb:Query', Effect: 'Allow', Resource: under('reportstable', '/index/published') },
      {
        Action: 'kms:Decrypt',
        Effect: 'Allow',
        Resource: arn('datakey'),
        Condition: {
          StringEquals: {
            'kms:ViaService': { 'Fn::Join': ['', [`dynamodb.${testRegion}.`, { Ref: 'AWS::URLSuffix' }]] },
            'kms:EncryptionContext:aws:dynamodb:tableName': ref('reportstable'),
          },
        },
      },
      { Action: 's3:GetObject', Effect: 'Allow', Resource: under('uploadsbucket', '/workshops/*') },
      {
        Action: 'kms:Decrypt',
        Effect: 'Allow',
        Resource: arn('datakey'),
        Condition: {
          StringEquals: {
            'kms:ViaService': { 'Fn::Join': ['', [`s3.${testRegion}.`, { Ref: 'AWS::URLSuffix' }]] },
            'kms:EncryptionContext:aws:s3:arn': arn('uploadsbucket'),
          },
        },
      },
      { Action: 's3:ListBucket', Effect: 'Allow', Resource: arn('sitebucket') },
      { Action: ['s3:DeleteObject', 's3:PutObject'], Effect: 'Allow', Resource: under('sitebucket', '/*') },
      {
        Action: 'cloudfront:CreateInvalidation',
        Effect: 'Allow',
        Resource: {
          'Fn::Join': [
            '',
            ['arn:aws:cloudfront::', { Ref: 'AWS::AccountId' }, ':distribution/', ref('cdndistribution')],
          ],
        },
      },
    ]);
  });

  it('acknowledges having no project key with a reason, as nothing is kept as an artifact', () => {
    // Act
    const [, properties] = project();
    // Assess
    expect(properties.Artifacts).toEqual({ Type: 'NO_ARTIFACTS' });
    expect(JSON.stringify(resources('AWS::CodeBuild::Project'))).toMatch(/AwsSolutions-CB4.*no artifacts/);
  });
});

describe('functions and the site build', () => {
  it('lets only the start-site-build job start builds, on this project only', () => {
    for (const spec of functionSpecs(routes, schedules)) {
      // Act
      const starts = functionNamed(spec.name).statements.filter((s) =>
        actionsOf([s]).includes('codebuild:StartBuild'),
      );
      // Assess
      if (spec.name !== 'start-site-build') expect(starts, spec.name).toEqual([]);
      else {
        expect(starts).toEqual([
          {
            Action: ['codebuild:BatchGetBuilds', 'codebuild:StartBuild'],
            Effect: 'Allow',
            Resource: arn('sitebuildproject'),
          },
        ]);
      }
    }
  });

  it("tells the trainers' actions route where builds go, without any CodeBuild action; the progress route only reads", () => {
    // Act
    const actions = functionNamed(actionsRoute);
    const progress = functionNamed(progressRoute);
    const codebuild = (statements: Statement[]) =>
      statements.filter((s) => JSON.stringify(s).includes('codebuild:'));
    // Assess
    const source = { 'Fn::Join': ['', ['codebuild:', ref('sitebuildproject')]] };
    expect(actions.variables.SITE_BUILD).toEqual(source);
    expect(codebuild(actions.statements)).toEqual([]);
    expect(progress.variables.SITE_BUILD).toEqual(source);
    expect(codebuild(progress.statements)).toEqual([
      { Action: 'codebuild:BatchGetBuilds', Effect: 'Allow', Resource: arn('sitebuildproject') },
    ]);
  });

  it('decides CodeBuild access from the route table: the job starts, a GET reads, others only ask', () => {
    // Act
    const access = Object.fromEntries(
      functionSpecs(routes, schedules).map((s) => [s.name, siteBuildActions(s)]),
    );
    // Assess
    expect(Object.entries(access).filter(([, actions]) => actions.length > 0)).toEqual([
      [progressRoute, ['codebuild:BatchGetBuilds']],
      ['start-site-build', ['codebuild:StartBuild', 'codebuild:BatchGetBuilds']],
    ]);
  });

  it('gives the handout routes UPLOADS and objects under workshops/ only', () => {
    expect(uploaders.map(routeName).sort()).toEqual([
      'delete-trainer-workshops-id-handouts-handout',
      'post-trainer-workshops-id-handouts',
    ]);
    for (const route of uploaders) {
      // Act
      const { variables, statements } = functionNamed(routeName(route));
      // Assess
      expect(variables.UPLOADS).toEqual({ 'Fn::Join': ['', ['s3:', ref('uploadsbucket')]] });
      expect(statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('s3:')))).toEqual([
        {
          Action: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'],
          Effect: 'Allow',
          Resource: under('uploadsbucket', '/workshops/*'),
        },
      ]);
    }
  });
});

describe('uploads bucket', () => {
  it('blocks public access, refuses plain HTTP, is encrypted with the data key, keeps no old versions and clears abandoned uploads', () => {
    // Act
    const [id, bucket] = only('AWS::S3::Bucket', 'uploadsbucket');
    const [, policy] = only('AWS::S3::BucketPolicy', 'uploadsbucketPolicy');
    // Assess
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        {
          BucketKeyEnabled: true,
          ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: arn('datakey') },
        },
      ],
    });
    expect(bucket).not.toHaveProperty('VersioningConfiguration');
    expect(bucket.LifecycleConfiguration).toEqual({
      Rules: [{ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }],
    });
    expect(resources('AWS::S3::Bucket')[id]?.DeletionPolicy).toBe('Retain');
    expect(JSON.stringify(policy.PolicyDocument)).toContain('{"Bool":{"aws:SecureTransport":"false"}}');
  });
});

describe('when a build fails', () => {
  it('alerts the ops topic, naming the project and the build and nobody who started it', () => {
    // Act
    const [, rule] = only('AWS::Events::Rule', 'sitebuildfailed');
    const [target] = rule.Targets as Properties[];
    const transformer = target?.InputTransformer as { InputPathsMap: Properties; InputTemplate: string };
    // Assess
    expect(rule.EventPattern).toEqual({
      source: ['aws.codebuild'],
      'detail-type': ['CodeBuild Build State Change'],
      detail: { 'project-name': [ref('sitebuildproject')], 'build-status': [...failedBuildStates] },
    });
    expect(failedBuildStates).toEqual(['FAILED', 'STOPPED', 'TIMED_OUT']);
    expect(target?.Arn).toEqual(ref('opstopic'));
    expect(target?.RoleArn).toEqual(arn('opspublisher'));
    expect(Object.values(transformer.InputPathsMap).sort()).toEqual([
      '$.detail.build-id',
      '$.detail.build-status',
      '$.detail.project-name',
    ]);
    expect(transformer.InputTemplate).toMatch(/still shows the last successful build/);
  });

  it("reaches the ops subscribers over TLS, from EventBridge and the stack's alarms only, and never the urgent-alert topic", () => {
    // Act
    const [topicId, topic] = only('AWS::SNS::Topic', 'opstopic');
    const [, policy] = only('AWS::SNS::TopicPolicy', 'opstopicPolicy');
    const subscriptions = Object.values(resources('AWS::SNS::Subscription')).map((s) => s.Properties);
    // Assess
    expect(topic.TopicName).toBe('hutong-ops');
    expect((policy.PolicyDocument as { Statement: Properties[] }).Statement).toEqual([
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      expect.objectContaining({
        Sid: 'TheStacksAlarmsPublish',
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Condition: stackAlarmsCondition(testRegion),
      }),
      expect.objectContaining({
        Sid: 'OnlyEventBridgeAndAlarmsPublish',
        Effect: 'Deny',
        Condition: {
          ArnNotEquals: { 'aws:PrincipalArn': arn('opspublisher') },
          StringNotEquals: { 'aws:PrincipalServiceName': 'cloudwatch.amazonaws.com' },
        },
      }),
    ]);
    expect(topic.KmsMasterKeyId).toEqual(arn('datakey'));
    expect(subscriptions).toEqual([
      expect.objectContaining({ Protocol: 'email', Endpoint: 'ops@example.org', TopicArn: { Ref: topicId } }),
    ]);
  });

  it('refuses an ops address SNS would refuse, before anything is built', () => {
    // Act + Assess
    expect(() => createApp({ region: testRegion, context: { 'hutong:opsEmails': 'ops' } })).toThrow(
      /hutong:opsEmails/,
    );
  });
});

describe('after a deploy', () => {
  it('rebuilds the site, so the deploy never leaves the published workshops out', () => {
    // Act
    const [, rule] = only('AWS::Events::Rule', 'sitebuildafterdeploy');
    // Assess
    expect(rule.EventPattern).toEqual({
      source: ['aws.cloudformation'],
      'detail-type': ['CloudFormation Stack Status Change'],
      detail: {
        'stack-id': [{ Ref: 'AWS::StackId' }],
        'status-details': { status: ['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE'] },
      },
    });
    expect(rule.Targets).toEqual([expect.objectContaining({ Arn: arn('sitebuildproject') })]);
  });

  it("keeps the trainers' pages reachable meanwhile: the deploy's own copy removes nothing", () => {
    // Act
    const deployments = Object.values(resources('Custom::CDKBucketDeployment'));
    // Assess
    expect(deployments.map((d) => d.Properties.Prune)).toEqual([false]);
  });
});
