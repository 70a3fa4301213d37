import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeName, routes, type Service, schedules } from '../../functions/routes.ts';
import { parseBackupPlan } from '../../infra/aws/backup-plan.ts';
import { contactEncryptionContext } from '../../infra/aws/data-key.ts';
import { functionSpecs, needsTable } from '../../infra/aws/route-needs.ts';
import { type Synthesized, synthesize, testRegion } from './synthesize.ts';
import {
  actionsOf,
  arnOf,
  functionNamed,
  onlyResource,
  resourcesOf,
  type Statement,
  stackAlarmsCondition,
  statementsOfFunction,
} from './template-queries.ts';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});
afterAll(() => synth.cleanUp());

const specs = functionSpecs(routes, schedules);
const using = (service: Service) => specs.filter((spec) => spec.uses.includes(service));
const keyId = () => onlyResource(synth.template, 'AWS::KMS::Key')[0];
const keyStatements = () =>
  (onlyResource(synth.template, 'AWS::KMS::Key')[1].Properties.KeyPolicy as { Statement: Statement[] })
    .Statement;
const kmsStatements = (name: string) =>
  statementsOfFunction(synth.template, name).filter((s) => actionsOf([s]).some((a) => a.startsWith('kms:')));
/** The service a KMS statement is limited to (`kms:ViaService`), or `direct` for a call of the function's own. */
const via = (statement: Statement) => {
  const service = JSON.stringify(statement.Condition?.StringEquals?.['kms:ViaService'] ?? '');
  return service === '""' ? 'direct' : (/"([a-z0-9]+)\./.exec(service)?.[1] ?? service);
};
/** Each KMS action a function may take, with the service it must go through. */
const kmsGrants = (name: string) =>
  kmsStatements(name)
    .flatMap((s) => actionsOf([s]).map((action) => `${action} ${via(s)}`))
    .sort();

describe('the data key', () => {
  it('is rotated yearly and kept when the stack is deleted, since backups and retained stores need it', () => {
    // Act
    const [, key] = onlyResource(synth.template, 'AWS::KMS::Key');
    // Assess
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.DeletionPolicy).toBe('Retain');
    expect(key.UpdateReplacePolicy).toBe('Retain');
    synth.template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/hutong-data' });
  });

  it('encrypts the table, both topics, every log group and the uploads bucket, all with that one key', () => {
    // Prepare
    const theKey = arnOf(keyId());
    const logGroups = Object.values(resourcesOf(synth.template, 'AWS::Logs::LogGroup'));
    const [, table] = onlyResource(synth.template, 'AWS::DynamoDB::GlobalTable');
    const uploads = Object.entries(resourcesOf(synth.template, 'AWS::S3::Bucket')).find(([id]) =>
      id.startsWith('uploadsbucket'),
    )?.[1];
    // Act
    const topicKeys = Object.values(resourcesOf(synth.template, 'AWS::SNS::Topic')).map(
      (t) => t.Properties.KmsMasterKeyId,
    );
    // Assess
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
    expect((table.Properties.Replicas as { SSESpecification: unknown }[])[0]?.SSESpecification).toEqual({
      KMSMasterKeyId: theKey,
    });
    expect(topicKeys).toEqual([theKey, theKey]);
    // One per function, plus the API's access log, the build's and the site deployment's.
    expect(logGroups).toHaveLength(specs.length + 3);
    for (const group of logGroups)
      expect(group.Properties.KmsKeyId, String(group.Properties.LogGroupName)).toEqual(theKey);
    expect(uploads?.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        {
          BucketKeyEnabled: true,
          ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: theKey },
        },
      ],
    });
  });

  it("lets CloudWatch Logs use the key for the stack's log groups, by name, and nothing else", () => {
    // Prepare
    const logs = keyStatements().find((s) => JSON.stringify(s.Principal).includes('"logs.'));
    const arns = (logs?.Condition?.ArnLike?.['kms:EncryptionContext:aws:logs:arn'] ?? []) as {
      'Fn::Join': [string, unknown[]];
    }[];
    const patterns = arns.map((arn) => String(arn['Fn::Join'][1].at(-1)).replace(/^:log-group:/, ''));
    // Act
    const names = Object.values(resourcesOf(synth.template, 'AWS::Logs::LogGroup')).map((g) =>
      String(g.Properties.LogGroupName),
    );
    // Assess
    expect(logs?.Principal).toEqual({
      Service: { 'Fn::Join': ['', [`logs.${testRegion}.`, { Ref: 'AWS::URLSuffix' }]] },
    });
    expect(patterns).toEqual(['/aws/lambda/hutong-*', '/aws/codebuild/hutong-*', '/aws/apigateway/hutong-*']);
    for (const name of names) {
      expect(
        patterns.some((pattern) => name.startsWith(pattern.replace(/\*$/, ''))),
        name,
      ).toBe(true);
    }
  });

  it("names in its policy only the account, CloudWatch Logs, and this stack's alarms publishing to the ops topic", () => {
    // Act
    const statements = keyStatements();
    const alarms = statements.find((s) => JSON.stringify(s.Principal).includes('cloudwatch.amazonaws.com'));
    // Assess
    expect(statements).toHaveLength(3);
    expect(alarms).toMatchObject({
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Condition: stackAlarmsCondition(testRegion),
    });
  });
});

describe('the table', () => {
  it('keeps point-in-time recovery and deletion protection on, and survives a stack delete', () => {
    // Act
    const [, table] = onlyResource(synth.template, 'AWS::DynamoDB::GlobalTable');
    const replica = (table.Properties.Replicas as Record<string, unknown>[])[0];
    // Assess
    expect(replica?.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(replica?.DeletionProtectionEnabled).toBe(true);
    expect(table.DeletionPolicy).toBe('Retain');
  });

  it('has no AWS Backup plan unless the deployer asks for one', () => {
    // Act
    const backups = [
      'AWS::Backup::BackupVault',
      'AWS::Backup::BackupPlan',
      'AWS::Backup::BackupSelection',
    ].map((type) => Object.keys(resourcesOf(synth.template, type)).length);
    // Assess
    expect(backups).toEqual([0, 0, 0]);
  });

  it('reads hutong:backupPlan as off or daily-<days>, and refuses anything else before building', () => {
    // Act + Assess
    expect(parseBackupPlan(undefined)).toEqual({ plan: 'off' });
    expect(parseBackupPlan('off')).toEqual({ plan: 'off' });
    expect(parseBackupPlan('daily-35')).toEqual({ plan: 'daily', days: 35 });
    for (const wrong of ['weekly', 'daily-0', 'daily-4000', 'daily-', '35']) {
      expect(() => parseBackupPlan(wrong), wrong).toThrow(/hutong:backupPlan/);
    }
  });
});

describe('with hutong:backupPlan=daily-35', () => {
  let backed: Synthesized;
  beforeAll(() => {
    backed = synthesize({ context: { 'hutong:backupPlan': 'daily-35' } });
  });
  afterAll(() => backed.cleanUp());

  it('backs the table up daily into a vault encrypted with the data key, keeping each copy 35 days', () => {
    // Prepare
    const [keyLogicalId] = onlyResource(backed.template, 'AWS::KMS::Key');
    const [tableId] = onlyResource(backed.template, 'AWS::DynamoDB::GlobalTable');
    // Act
    const [vaultId, vault] = onlyResource(backed.template, 'AWS::Backup::BackupVault');
    const [, plan] = onlyResource(backed.template, 'AWS::Backup::BackupPlan');
    const [, selection] = onlyResource(backed.template, 'AWS::Backup::BackupSelection');
    // Assess
    expect(vault.Properties.EncryptionKeyArn).toEqual(arnOf(keyLogicalId));
    expect(vault.DeletionPolicy).toBe('Retain');
    expect(plan.Properties.BackupPlan).toMatchObject({
      BackupPlanRule: [
        {
          Lifecycle: { DeleteAfterDays: 35 },
          ScheduleExpression: 'cron(0 3 * * ? *)',
          TargetBackupVault: { 'Fn::GetAtt': [vaultId, 'BackupVaultName'] },
        },
      ],
    });
    expect(selection.Properties.BackupSelection).toMatchObject({ Resources: [arnOf(tableId)] });
  });
});

describe('contact keys', () => {
  const keyArn = () => arnOf(keyId());
  const purpose = { StringEquals: { 'kms:EncryptionContext:purpose': contactEncryptionContext.purpose } };

  it('tells exactly the functions that seal or open contacts which key to use', () => {
    // Prepare
    expect(using('contact-seal').length).toBeGreaterThan(0);
    expect(using('contact-open').length).toBeGreaterThan(0);
    for (const spec of specs) {
      // Act
      const [, fn] = functionNamed(synth.template, spec.name);
      const variables = (fn.Environment as { Variables: Record<string, unknown> }).Variables;
      // Assess
      if (spec.uses.includes('contact-seal') || spec.uses.includes('contact-open')) {
        expect(variables.CONTACT_KEY, spec.name).toEqual({ 'Fn::Join': ['', ['kms:', keyArn()]] });
      } else {
        expect(variables, spec.name).not.toHaveProperty('CONTACT_KEY');
      }
    }
  });

  it('lets a sealing function make data keys for contacts only, and never decrypt one itself', () => {
    for (const spec of using('contact-seal')) {
      // Act
      const direct = kmsStatements(spec.name).filter((s) => via(s) === 'direct');
      // Assess
      expect(direct, spec.name).toContainEqual({
        Action: 'kms:GenerateDataKey',
        Effect: 'Allow',
        Resource: keyArn(),
        Condition: purpose,
      });
      if (!spec.uses.includes('contact-open')) {
        expect(actionsOf(direct), spec.name).not.toContain('kms:Decrypt');
      }
    }
  });

  it('lets an opening function decrypt contacts only, and make no data key itself', () => {
    for (const spec of using('contact-open')) {
      // Act
      const direct = kmsStatements(spec.name).filter((s) => via(s) === 'direct');
      // Assess
      expect(direct, spec.name).toEqual([
        { Action: 'kms:Decrypt', Effect: 'Allow', Resource: keyArn(), Condition: purpose },
      ]);
    }
  });

  it('never lets the public report function, or any public route, open a contact', () => {
    // Prepare
    const publicRoutes = routes.filter((route) => route.access === 'public').map(routeName);
    expect(publicRoutes).toContain('post-reports');
    for (const name of publicRoutes) {
      // Act
      const decrypts = kmsStatements(name).filter((s) => actionsOf([s]).includes('kms:Decrypt'));
      // Assess
      expect(
        decrypts.filter((s) => via(s) === 'direct'),
        name,
      ).toEqual([]);
    }
  });

  it('gives each function exactly the key use its table access and services need, through their service', () => {
    for (const spec of specs) {
      // Prepare
      const expected = [
        ...(needsTable(spec) ? ['kms:Decrypt dynamodb'] : []),
        ...(spec.uses.includes('alert-topic') ? ['kms:Decrypt sns', 'kms:GenerateDataKey sns'] : []),
        ...(spec.uses.includes('uploads') ? ['kms:Decrypt s3', 'kms:GenerateDataKey s3'] : []),
        ...(spec.uses.includes('contact-seal') ? ['kms:GenerateDataKey direct'] : []),
        ...(spec.uses.includes('contact-open') ? ['kms:Decrypt direct'] : []),
      ].sort();
      // Act + Assess
      expect(kmsGrants(spec.name), spec.name).toEqual(expected);
      for (const statement of kmsStatements(spec.name))
        expect(statement.Resource, spec.name).toEqual(keyArn());
    }
  });
});
