import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, schedules } from '../../functions/routes.ts';
import { createApp } from '../../infra/aws/app.ts';
import { functionSpecs } from '../../infra/aws/route-needs.ts';
import { type Synthesized, synthesize, testRegion } from './synthesize.ts';

type Properties = Record<string, unknown>;
type Resource = { Properties: Properties };
type Statement = { Sid?: string; Action: string | string[]; Effect: string; Condition?: Properties };

const emails = ['office-a@example.org', 'lead@example.org'];
const phones = ['+8613800000000'];

let synth: Synthesized;
beforeAll(() => {
  // From the CLI, lists arrive as comma-separated text; in cdk.json, as arrays.
  synth = synthesize({ context: { 'hutong:alertEmails': emails.join(', '), 'hutong:alertPhones': phones } });
});
afterAll(() => synth.cleanUp());

function resources(type: string): Record<string, Resource> {
  return synth.template.findResources(type) as Record<string, Resource>;
}

/** The urgent-alert topic's logical id (the ops topic is another audience: ops-topic.ts). */
function topicId(): string {
  const topics = Object.entries(resources('AWS::SNS::Topic')).filter(
    ([, t]) => t.Properties.TopicName === 'hutong-urgent-alerts',
  );
  expect(topics).toHaveLength(1);
  return topics[0]?.[0] ?? '';
}

/** The urgent-alert topic's policy document. */
function topicPolicy(): { Statement: Statement[] } {
  const policies = Object.values(resources('AWS::SNS::TopicPolicy')).filter(
    (p) => JSON.stringify(p.Properties.Topics) === JSON.stringify([{ Ref: topicId() }]),
  );
  expect(policies).toHaveLength(1);
  return policies[0]?.Properties.PolicyDocument as { Statement: Statement[] };
}

/** The properties of the function with a route's or job's name. */
function functionNamed(name: string): Properties {
  const fn = Object.values(resources('AWS::Lambda::Function')).find(
    (f) => f.Properties.FunctionName === `hutong-${name}`,
  );
  expect(fn, name).toBeDefined();
  return fn?.Properties ?? {};
}

const roleOf = (name: string) => (functionNamed(name).Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];

describe('urgent-alerts topic', () => {
  it("is encrypted with the stack's data key and refuses publishing without TLS", () => {
    // Act
    const topic = resources('AWS::SNS::Topic')[topicId()]?.Properties;
    const policy = topicPolicy();
    // Assess
    expect(topic?.TopicName).toBe('hutong-urgent-alerts');
    expect(topic?.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^datakey/), 'Arn'] });
    expect(policy.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Deny',
          Action: 'sns:Publish',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      ]),
    );
  });

  it('lets only the dispatcher publish: in IAM, and in the topic policy against everyone else', () => {
    // Prepare
    const dispatcherRole = roleOf('dispatch-alerts');
    const publishers = Object.values(resources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.PolicyDocument).includes('"sns:Publish"'))
      .filter((p) => JSON.stringify(p.Properties.PolicyDocument).includes(`{"Ref":"${topicId()}"}`))
      .map((p) => JSON.stringify(p.Properties.Roles));
    // Act
    const policy = topicPolicy();
    const fence = policy.Statement.find((s) => s.Sid === 'OnlyTheDispatcherPublishes');
    // Assess
    expect(publishers).toEqual([JSON.stringify([{ Ref: dispatcherRole }])]);
    expect(fence).toMatchObject({
      Effect: 'Deny',
      Action: 'sns:Publish',
      Condition: { ArnNotEquals: { 'aws:PrincipalArn': [{ 'Fn::GetAtt': [dispatcherRole, 'Arn'] }] } },
    });
  });

  it('tells the dispatcher, and no other function, where alerts go', () => {
    for (const spec of functionSpecs(routes, schedules)) {
      // Act
      const variables = (functionNamed(spec.name).Environment as { Variables: Properties }).Variables;
      // Assess
      if (spec.name === 'dispatch-alerts') {
        expect(variables.ALERT_TOPIC).toEqual({ 'Fn::Join': ['', ['sns:', { Ref: topicId() }]] });
      } else {
        expect(variables, spec.name).not.toHaveProperty('ALERT_TOPIC');
      }
    }
  });

  it('subscribes the email addresses and phones the deployer named', () => {
    // Act
    const subscriptions = Object.values(resources('AWS::SNS::Subscription')).map((s) => s.Properties);
    // Assess
    expect(subscriptions.map((s) => [s.Protocol, s.Endpoint]).sort()).toEqual(
      [...emails.map((e) => ['email', e]), ...phones.map((p) => ['sms', p])].sort(),
    );
    for (const subscription of subscriptions) expect(subscription.TopicArn).toEqual({ Ref: topicId() });
  });

  it('refuses an address or a number SNS would refuse, before anything is built', () => {
    // Act + Assess
    expect(() => createApp({ region: testRegion, context: { 'hutong:alertPhones': '13800000000' } })).toThrow(
      /E\.164/,
    );
    expect(() => createApp({ region: testRegion, context: { 'hutong:alertEmails': 'office' } })).toThrow(
      /hutong:alertEmails/,
    );
  });
});
