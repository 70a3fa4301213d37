/**
 * Questions the infra tests ask of a synthesized template: resources of a type, a function by its
 * route's or job's name, and the IAM statements its role holds.
 */
import type { Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';

/** A template resource, as the tests read it. */
export interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

/** One IAM policy statement. */
export interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** Every resource of a type, by logical id. */
export function resourcesOf(template: Template, type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

/** The one resource of a type, with its logical id. */
export function onlyResource(template: Template, type: string): [string, Resource] {
  const found = Object.entries(resourcesOf(template, type));
  expect(found, type).toHaveLength(1);
  return found[0] as [string, Resource];
}

/** The logical id and properties of the function named `hutong-<name>`. */
export function functionNamed(template: Template, name: string): [string, Resource['Properties']] {
  const found = Object.entries(resourcesOf(template, 'AWS::Lambda::Function')).filter(
    ([, f]) => f.Properties.FunctionName === `hutong-${name}`,
  );
  expect(found, `one function named hutong-${name}`).toHaveLength(1);
  const [logicalId, fn] = found[0] as [string, Resource];
  return [logicalId, fn.Properties];
}

/** Every statement of every IAM policy attached to the role with this logical id. */
export function statementsOfRole(template: Template, roleId: string): Statement[] {
  return Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** Every statement the role of a route's or job's function holds. */
export function statementsOfFunction(template: Template, name: string): Statement[] {
  const [, fn] = functionNamed(template, name);
  return statementsOfRole(template, (fn.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]);
}

/** The actions of some statements, one list. */
export const actionsOf = (statements: readonly Statement[]): string[] =>
  statements.flatMap((s) => [s.Action].flat());

/** `{ "Fn::GetAtt": [<logical id>, "Arn"] }`, as CDK writes a reference to a resource's ARN. */
export const arnOf = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });

/**
 * The condition that admits only this stack's CloudWatch alarms (named `hutong-…`) in `region`, as
 * the data key's policy and the ops topic's policy both write it.
 */
export const stackAlarmsCondition = (region: string) => ({
  StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
  ArnLike: {
    'aws:SourceArn': {
      'Fn::Join': ['', [`arn:aws:cloudwatch:${region}:`, { Ref: 'AWS::AccountId' }, ':alarm:hutong-*']],
    },
  },
});
