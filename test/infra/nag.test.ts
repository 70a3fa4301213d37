import { Bucket } from 'aws-cdk-lib/aws-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeName, routes, schedules } from '../../functions/routes.ts';
import { acknowledgements, nagPackName, reportedFindings } from '../../infra/aws/nag.ts';
import { type Synthesized, synthesize } from './synthesize.ts';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});
afterAll(() => synth.cleanUp());

const acknowledged = () => acknowledgements(synth.app);

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged finding when the stack is synthesized', () => {
    // Act
    const findings = reportedFindings(synth.outdir);
    // Assess
    expect(findings.filter((f) => f.plugin === nagPackName)).toEqual([]);
  });

  it('fails the synth when a resource breaks a rule nobody acknowledged', () => {
    // Prepare
    const addUncheckedBucket = (stack: Synthesized['stack']) => {
      new Bucket(stack, 'unchecked-bucket');
    };
    // Act
    const failure = (() => {
      try {
        synthesize({ prepare: addUncheckedBucket }).cleanUp();
      } catch (error) {
        return String(error);
      }
      return 'synthesized';
    })();
    // Assess
    expect(failure).toContain('hutong/unchecked-bucket');
    expect(failure).toContain('AwsSolutions-S10');
  });

  it('gives every acknowledgement a rule id and a reason a reviewer can weigh', () => {
    // Act
    const all = acknowledged();
    // Assess
    expect(all.length).toBeGreaterThan(0);
    for (const { path, id, reason } of all) {
      expect(id, path).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(reason.trim().length, `${id} at ${path}`).toBeGreaterThanOrEqual(40);
    }
  });

  it('acknowledges the never-rotated salt with exactly the reason receipts depend on', () => {
    // Act
    const smg4 = acknowledged().filter((a) => a.id === 'AwsSolutions-SMG4');
    // Assess
    expect(smg4.map((a) => a.path)).toEqual(['hutong/receipt-salt/secret']);
    expect(smg4[0]?.reason).toContain('old receipts must keep working');
  });

  it('acknowledges a missing authorizer on each public route, and nowhere else', () => {
    // Prepare
    const publicRoutes = routes.filter((route) => route.access === 'public');
    // Act
    const apig4 = acknowledged().filter((a) => a.id === 'AwsSolutions-APIG4');
    // Assess
    expect(apig4.map((a) => a.path).sort()).toEqual(
      publicRoutes.map((r) => `hutong/api/${routeName(r)}`).sort(),
    );
  });

  it('accepts no AWS managed policy, and wildcards only where X-Ray, BucketDeployment, the SNS target or a prefix of keys force them', () => {
    // Prepare
    const handouts = /^AwsSolutions-IAM5\[Resource::<uploadsbucket[0-9A-F]+\.Arn>\/workshops\/\*\]$/;
    const wholeSite = /^AwsSolutions-IAM5\[Resource::<sitebucket[0-9A-F]+\.Arn>\/\*\]$/;
    const uploaders = routes
      .filter((r) => 'uses' in r && (r.uses as readonly string[]).includes('uploads'))
      .map((r) => `hutong/${routeName(r)}/access`);
    expect(uploaders.length).toBeGreaterThan(0);
    // Act
    const iam = acknowledged().filter((a) => /AwsSolutions-IAM\d/.test(a.id));
    // Assess
    expect(iam.filter((a) => a.id.includes('IAM4'))).toEqual([]);
    const tracing = synth.stack.functions.map((f) => `${f.node.path}/tracing`);
    expect(tracing).toHaveLength(routes.length + schedules.length + 1);
    for (const { path, id } of iam) {
      if (tracing.includes(path)) expect(id).toBe('AwsSolutions-IAM5[Resource::*]');
      else if (uploaders.includes(path)) expect(id, path).toMatch(handouts);
      else if (path === 'hutong/site-build/access')
        expect(
          [handouts, wholeSite].some((r) => r.test(id)),
          id,
        ).toBe(true);
      else if (path === 'hutong/ops/publisher')
        expect(id).toBe('AwsSolutions-IAM5[Action::kms:GenerateDataKey*]');
      else expect(path).toBe('hutong/site/deployment-role');
    }
  });

  it('acknowledges no password composition rules on the staff pool only, citing ASVS, and needs no Plus-plan one', () => {
    // Act
    const all = acknowledged();
    const cog = all.filter((a) => a.id.startsWith('AwsSolutions-COG'));
    // Assess
    expect(cog.map((a) => [a.path, a.id])).toEqual([
      ['hutong/staff-pool/pool/Resource', 'AwsSolutions-COG1'],
    ]);
    expect(cog[0]?.reason).toMatch(/ASVS 5\.0 forbids password composition rules/);
    expect(all.map((a) => a.id)).not.toContain('AwsSolutions-COG8');
  });

  it('needs no SNS acknowledgement: both topics are encrypted and TLS-only', () => {
    // Act
    const ids = acknowledged().map((a) => a.id);
    // Assess
    expect(ids.filter((id) => id.startsWith('AwsSolutions-SNS'))).toEqual([]);
  });

  it('needs no WAF acknowledgement: the distribution has a web ACL', () => {
    // Act
    const ids = acknowledged().map((a) => a.id);
    // Assess
    expect(ids).not.toContain('AwsSolutions-CFR2');
    expect(ids).toContain('AwsSolutions-CFR1');
  });

  it('keeps no access log that would record a client IP, and says so', () => {
    // Act
    const reasons = new Map(acknowledged().map((a) => [a.id, a.reason]));
    // Assess
    expect(reasons.get('AwsSolutions-CFR3')).toMatch(/IP address \(c-ip\)/);
    expect(reasons.get('AwsSolutions-S1')).toMatch(/IP address/);
  });
});
