/**
 * Staff accounts in AWS: the Cognito user pool (no self sign-up, TOTP required, one group per
 * role, each account's community), its threat protection, and the pre-token trigger that puts the
 * community into access tokens, and the first lead when the deploy names one (`first-lead.ts`).
 * The console's app client and managed login are in `staff-console.ts`.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  type CfnUserPool,
  CfnUserPoolRiskConfigurationAttachment,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolGroup,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';
import { deployment } from '../../functions/config.ts';
import { type StaffRole, staffRoles } from '../../functions/domain/staff.ts';
import { firstLead } from './deploy-parameters.ts';
import { FirstLeadAccount } from './first-lead.ts';
import { PortalFunction } from './portal-function.ts';
import { preTokenFunctionSpec } from './route-needs.ts';
import { type ConsoleUrls, invitationMessage, temporaryPasswordDays } from './staff-invitation.ts';

/**
 * ASVS 5.0 (6.2.1) asks for at least 8 characters and recommends 15 where a password stands
 * alone. Here it never does: TOTP is required, and compromised-password checks block known
 * leaked ones. 12 leaves a margin over 8 and still fits a three-word passphrase typed on a
 * phone during a home visit. No composition rules (6.2.5), and up to Cognito's 256 characters.
 */
export const passwordMinLength = 12;

/** What each group (role) may do; the API checks roles itself, these are for people. */
const groupDescriptions: Record<StaffRole, string> = {
  office: "Works its community's queue of reports",
  lead: 'Office work, and also assigns, closes, exports and reads statistics',
  trainer: 'Publishes workshops; no access to reports',
  reviewer: 'Approves workshops; no access to reports',
};

/** The staff directory's one action: the directory lists each group's members (`ListUsersInGroup`). */
export const staffDirectoryActions = ['cognito-idp:ListUsersInGroup'] as const;

/**
 * Cognito's issuer origin in the stack's region, where the console reads the discovery document.
 * Written out (not `AWS::URLSuffix`) so the console's CSP is a plain string.
 */
export function cognitoIssuerOrigin(stack: Stack): string {
  const suffix = RegionInfo.get(stack.region).domainSuffix ?? stack.urlSuffix;
  return `https://cognito-idp.${stack.region}.${suffix}`;
}

/** The pool, its groups and its trigger. */
export class StaffPool extends Construct {
  readonly userPool: UserPool;
  /** The pre-token-generation trigger (event version 2). */
  readonly preToken: PortalFunction;

  constructor(scope: Construct, id: string, props: { consoleUrls: ConsoleUrls }) {
    super(scope, id);
    this.preToken = new PortalFunction(this, preTokenFunctionSpec);
    this.userPool = new UserPool(this, 'pool', {
      userPoolName: `${Stack.of(this).stackName}-staff`,
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      // Recovery and invitations go to the email a lead registered; a changed address counts
      // only once verified.
      standardAttributes: { email: { required: true, mutable: true } },
      autoVerify: { email: true },
      keepOriginal: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Mutable by administrators only: the console's client may not write it.
      customAttributes: { community: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false, email: false },
      passwordPolicy: {
        minLength: passwordMinLength,
        requireLowercase: false,
        requireUppercase: false,
        requireDigits: false,
        requireSymbols: false,
        tempPasswordValidity: Duration.days(temporaryPasswordDays),
      },
      userInvitation: invitationMessage(props.consoleUrls),
      // Plus: access-token customization (Essentials has it too) and threat protection, which
      // checks passwords against known leaks (ASVS 5.0 6.2.12). Priced per active staff account.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.preToken.function,
      LambdaVersion.V2_0,
    );
    const groups = staffRoles.map(
      (role) =>
        new UserPoolGroup(this, role, {
          userPool: this.userPool,
          groupName: role,
          description: groupDescriptions[role],
        }),
    );
    const lead = firstLead(
      (key) => this.node.tryGetContext(key),
      deployment.communities.map((community) => community.id),
    );
    if (lead) {
      const leadGroup = groups[staffRoles.indexOf('lead')] as UserPoolGroup;
      new FirstLeadAccount(this, 'first-lead', { pool: this.userPool, leadGroup, lead });
    }
    this.protect();
    Validations.of(this.userPool.node.defaultChild as CfnUserPool).acknowledge({
      id: 'AwsSolutions-COG1',
      reason:
        `ASVS 5.0 forbids password composition rules (6.2.5): length (${passwordMinLength}+), TOTP and ` +
        'the compromised-password check protect staff accounts instead.',
    });
  }

  /**
   * Full-function threat protection: a password found in a known leak is refused at sign-in,
   * sign-up and password change. Risky sign-ins: MFA is required anyway; a high-risk one is blocked
   * (a lead unblocks it, docs/deploy.md). No notification email: that needs SES.
   */
  private protect(): void {
    const action = (eventAction: string) => ({ eventAction, notify: false });
    new CfnUserPoolRiskConfigurationAttachment(this, 'threat-protection', {
      userPoolId: this.userPool.userPoolId,
      clientId: 'ALL',
      compromisedCredentialsRiskConfiguration: { actions: { eventAction: 'BLOCK' } },
      accountTakeoverRiskConfiguration: {
        actions: {
          lowAction: action('NO_ACTION'),
          mediumAction: action('MFA_REQUIRED'),
          highAction: action('BLOCK'),
        },
      },
    });
  }

  /** The OpenID issuer: `https://cognito-idp.<region>.<suffix>/<pool id>`, as tokens carry it in `iss`. */
  get issuer(): string {
    return `${cognitoIssuerOrigin(Stack.of(this))}/${this.userPool.userPoolId}`;
  }

  /** The value of `STAFF_DIRECTORY` for a function: `cognito:<pool id>`. */
  get directorySource(): string {
    return `cognito:${this.userPool.userPoolId}`;
  }

  /** Reading the staff directory: listing group members of this pool, nothing else. */
  directoryStatement(): PolicyStatement {
    return new PolicyStatement({
      actions: [...staffDirectoryActions],
      resources: [this.userPool.userPoolArn],
    });
  }
}
