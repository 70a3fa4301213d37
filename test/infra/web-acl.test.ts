import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edgeStackId } from '../../infra/aws/app.ts';
import { edgeRateLimit } from '../../infra/aws/throttling.ts';
import { countedCommonRules, maxBodyBytes } from '../../infra/aws/web-acl.ts';
import { type Synthesized, synthesize, testRegion } from './synthesize.ts';

type Properties = Record<string, unknown>;
type Rule = Properties & { Name: string; Priority: number; Statement: Properties; Action?: Properties };

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});
afterAll(() => synth.cleanUp());

function webAcl(): Properties {
  const acls = Object.values(synth.edgeTemplate?.findResources('AWS::WAFv2::WebACL') ?? {});
  expect(acls).toHaveLength(1);
  return (acls[0] as { Properties: Properties }).Properties;
}

function rule(name: string): Rule {
  const found = (webAcl().Rules as Rule[]).find((r) => r.Name === name);
  expect(found, name).toBeDefined();
  return found as Rule;
}

const byteMatch = (field: string, constraint: string, search: string) => ({
  ByteMatchStatement: {
    FieldToMatch: { [field]: {} },
    PositionalConstraint: constraint,
    SearchString: search,
    TextTransformations: [{ Priority: 0, Type: 'NONE' }],
  },
});

describe('web ACL placement', () => {
  it('builds the web ACL in its own us-east-1 stack when the portal lives elsewhere', () => {
    // Act
    const edge = synth.app.node.findChild(edgeStackId) as { region?: string };
    // Assess
    expect(synth.stack.region).toBe(testRegion);
    expect(edge.region).toBe('us-east-1');
    synth.template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    expect(webAcl()).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
  });

  it('hands the ACL ARN to the distribution through the edge stack output, read in us-east-1', () => {
    // Act
    const distribution = Object.values(synth.template.findResources('AWS::CloudFront::Distribution'))[0] as {
      Properties: { DistributionConfig: { WebACLId: { 'Fn::GetStackOutput': Properties } } };
    };
    const reference = distribution.Properties.DistributionConfig.WebACLId['Fn::GetStackOutput'];
    const outputs = synth.edgeTemplate?.toJSON().Outputs as Record<string, { Value: unknown }>;
    const aclId = Object.keys(synth.edgeTemplate?.findResources('AWS::WAFv2::WebACL') ?? {})[0];
    // Assess
    expect(reference).toMatchObject({ StackName: edgeStackId, Region: 'us-east-1' });
    expect(outputs[reference.OutputName as string]?.Value).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    expect(synth.stack.dependencies.map((stack) => stack.stackName)).toContain(edgeStackId);
  });
});

describe('web ACL rules', () => {
  it('blocks an IP sending too many POSTs to /api/* with a 429 in the API error shape', () => {
    // Act
    const rate = rule('api-post-rate');
    const bodies = webAcl().CustomResponseBodies as Record<string, { ContentType: string; Content: string }>;
    // Assess
    expect(rate.Priority).toBe(0);
    expect(rate.Statement).toEqual({
      RateBasedStatement: {
        AggregateKeyType: 'IP',
        Limit: edgeRateLimit.requestsPerWindow,
        EvaluationWindowSec: edgeRateLimit.windowSeconds,
        ScopeDownStatement: {
          AndStatement: {
            Statements: [
              byteMatch('Method', 'EXACTLY', 'POST'),
              byteMatch('UriPath', 'STARTS_WITH', '/api/'),
            ],
          },
        },
      },
    });
    const response = (rate.Action as { Block: { CustomResponse: Properties } }).Block.CustomResponse;
    expect(response).toMatchObject({ ResponseCode: 429 });
    expect(response.ResponseHeaders).toEqual(
      expect.arrayContaining([
        { Name: 'retry-after', Value: String(edgeRateLimit.windowSeconds) },
        { Name: 'cache-control', Value: 'no-store' },
        { Name: 'referrer-policy', Value: 'no-referrer' },
      ]),
    );
    const body = bodies[response.CustomResponseBodyKey as string];
    expect(body?.ContentType).toBe('APPLICATION_JSON');
    expect(JSON.parse(body?.Content ?? '{}')).toEqual({
      error: 'too_many_reports',
      message: expect.stringMatching(/110.*110/),
    });
  });

  it('refuses bodies over the API limit of 64 KB, seeing the whole 64 KB of every body, except a handout upload', () => {
    // Act
    const size = rule('body-size');
    const config = webAcl().AssociationConfig;
    const [oversize, exempt] = (size.Statement as { AndStatement: { Statements: Properties[] } }).AndStatement
      .Statements;
    const uploads = (exempt as { NotStatement: { Statement: { RegexMatchStatement: Properties } } })
      .NotStatement.Statement.RegexMatchStatement;
    const uploadPath = new RegExp(String(uploads.RegexString));
    // Assess
    expect(maxBodyBytes).toBe(65536);
    expect(oversize).toEqual({
      SizeConstraintStatement: {
        FieldToMatch: { Body: { OversizeHandling: 'MATCH' } },
        ComparisonOperator: 'GT',
        Size: maxBodyBytes,
        TextTransformations: [{ Priority: 0, Type: 'NONE' }],
      },
    });
    expect(uploads.FieldToMatch).toEqual({ UriPath: {} });
    expect(uploadPath.test('/api/trainer/workshops/w-1a2b/handouts')).toBe(true);
    for (const path of [
      '/api/reports',
      '/api/followup/messages',
      '/api/trainer/workshops',
      '/api/trainer/workshops/w-1a2b',
      '/api/trainer/workshops/w-1a2b/actions',
      '/api/trainer/workshops/w-1a2b/handouts/h-1',
      '/api/trainer/workshops/a/b/handouts',
    ]) {
      expect(uploadPath.test(path), path).toBe(false);
    }
    expect(size.Action).toMatchObject({ Block: { CustomResponse: { ResponseCode: 413 } } });
    expect(config).toEqual({ RequestBody: { CLOUDFRONT: { DefaultSizeInspectionLimit: 'KB_64' } } });
  });

  it('runs the AWS core rule set but only counts its body rules, so a long or unusual report gets through', () => {
    // Act
    const common = rule('aws-AWSManagedRulesCommonRuleSet');
    // Assess
    expect(common.OverrideAction).toEqual({ None: {} });
    expect(common.Statement).toEqual({
      ManagedRuleGroupStatement: {
        VendorName: 'AWS',
        Name: 'AWSManagedRulesCommonRuleSet',
        RuleActionOverrides: countedCommonRules.map((name) => ({ Name: name, ActionToUse: { Count: {} } })),
      },
    });
    expect(countedCommonRules).toContain('SizeRestrictions_BODY');
  });

  it('runs the known-bad-inputs rule set as AWS ships it', () => {
    // Act
    const bad = rule('aws-AWSManagedRulesKnownBadInputsRuleSet');
    // Assess
    expect(bad.OverrideAction).toEqual({ None: {} });
    expect(bad.Statement).toEqual({
      ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' },
    });
  });

  it('evaluates the rate and size rules before the managed groups, each at its own priority', () => {
    // Act
    const rules = [...(webAcl().Rules as Rule[])].sort((a, b) => a.Priority - b.Priority);
    // Assess
    expect(rules.map((r) => r.Name)).toEqual([
      'api-post-rate',
      'body-size',
      'aws-AWSManagedRulesCommonRuleSet',
      'aws-AWSManagedRulesKnownBadInputsRuleSet',
    ]);
  });
});

describe('no traces at the edge', () => {
  it("has no WAF logging configuration in any stack: WAF logs would record reporters' IP addresses", () => {
    // Act + Assess
    synth.template.resourceCountIs('AWS::WAFv2::LoggingConfiguration', 0);
    synth.edgeTemplate?.resourceCountIs('AWS::WAFv2::LoggingConfiguration', 0);
  });

  it('keeps no sampled requests, which store client IPs, in any rule or the ACL itself', () => {
    // Act
    const configs = [webAcl().VisibilityConfig, ...(webAcl().Rules as Rule[]).map((r) => r.VisibilityConfig)];
    // Assess
    for (const config of configs) expect(config).toMatchObject({ SampledRequestsEnabled: false });
  });
});
