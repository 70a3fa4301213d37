/**
 * The first lead account, made by the first deploy when `--lead-email` is given: a Cognito user in
 * the `lead` group with its community, whom Cognito emails the invitation. Every later account is
 * made by a person (docs/deploy.md, Staff accounts). Touches only the staff user pool.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import {
  type CfnUserPoolGroup,
  CfnUserPoolUser,
  CfnUserPoolUserToGroupAttachment,
  type UserPool,
  type UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { StaffRole } from '../../functions/domain/staff.ts';
import type { FirstLead } from './deploy-parameters.ts';

/** The user and its group membership. */
export class FirstLeadAccount extends Construct {
  constructor(
    scope: Construct,
    id: string,
    props: { pool: UserPool; leadGroup: UserPoolGroup; lead: FirstLead },
  ) {
    super(scope, id);
    const { pool, leadGroup, lead } = props;
    const user = new CfnUserPoolUser(this, 'user', {
      userPoolId: pool.userPoolId,
      username: lead.username,
      desiredDeliveryMediums: ['EMAIL'],
      userAttributes: [
        { name: 'email', value: lead.email },
        // The deployer vouches for the address: it receives the invitation and later resets.
        { name: 'email_verified', value: 'true' },
        { name: 'custom:community', value: lead.community },
      ],
    });
    const membership = new CfnUserPoolUserToGroupAttachment(this, 'lead-group', {
      userPoolId: pool.userPoolId,
      username: lead.username,
      groupName: 'lead' satisfies StaffRole,
    });
    // Both names are plain strings: say what must exist first.
    membership.addDependency(user);
    membership.addDependency(leadGroup.node.defaultChild as CfnUserPoolGroup);
    // The parameters are for the first deploy. A later deploy without them removes these from the
    // stack; retained, the lead keeps the account and the role instead of losing both.
    user.applyRemovalPolicy(RemovalPolicy.RETAIN);
    membership.applyRemovalPolicy(RemovalPolicy.RETAIN);
  }
}
