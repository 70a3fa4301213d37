/**
 * The `hutong-edge` stack: only the CloudFront web ACL, in us-east-1, where AWS WAF keeps every
 * web ACL of scope CLOUDFRONT. Used when the main stack lives in another region; the distribution
 * there reads the ACL's ARN through a weak cross-stack reference (`Fn::GetStackOutput`, see
 * `@aws-cdk/core:defaultCrossStackReferences` in cdk.json): no custom resource, no SSM parameter,
 * nothing looked up at synth.
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { EdgeWebAcl } from './web-acl.ts';

/** The only region a CLOUDFRONT-scope web ACL can be created in. */
export const webAclRegion = 'us-east-1';

/** A stack holding the web ACL, pinned to us-east-1. */
export class EdgeStack extends Stack {
  /** The web ACL for the distribution. */
  readonly firewall: EdgeWebAcl;

  constructor(scope: Construct, id: string, props: Omit<StackProps, 'env'> = {}) {
    super(scope, id, {
      description: 'Hutong (护童): the CloudFront web ACL, which AWS keeps in us-east-1',
      ...props,
      env: { region: webAclRegion },
    });
    this.firewall = new EdgeWebAcl(this, 'firewall');
  }
}
