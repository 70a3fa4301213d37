import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffRoles } from '../../functions/domain/staff.ts';
import { routeName, routes } from '../../functions/routes.ts';
import { createApp } from '../../infra/aws/app.ts';
import { refreshTokenMinutes, tokenMinutes } from '../../infra/aws/staff-console.ts';
import { passwordMinLength, staffDirectoryActions } from '../../infra/aws/staff-pool.ts';
import { type Synthesized, synthesize, testRegion } from './synthesize.ts';

type Properties = Record<string, unknown>;
type Resource = {
  Type: string;
  Properties: Properties;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string[];
};
type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

const domainPrefix = 'hutong-dongsi';
const customDomain = 'hutong.example.org';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize({
    context: {
      'hutong:loginDomainPrefix': domainPrefix,
      'hutong:domainName': customDomain,
      'hutong:certificateArn':
        'arn:aws:acm:us-east-1:111122223333:certificate/11111111-2222-3333-4444-555555555555',
    },
  });
});
afterAll(() => synth.cleanUp());

function resources(type: string): Record<string, Resource> {
  return synth.template.findResources(type) as Record<string, Resource>;
}

function only(type: string): [string, Resource] {
  const found = Object.entries(resources(type));
  expect(found, type).toHaveLength(1);
  return found[0] as [string, Resource];
}

function functionNamed(name: string): [string, Properties] {
  const found = Object.entries(resources('AWS::Lambda::Function')).find(
    ([, f]) => f.Properties.FunctionName === `hutong-${name}`,
  );
  expect(found, name).toBeDefined();
  return [found?.[0] ?? '', found?.[1].Properties ?? {}];
}

/** Every statement of every policy attached to a function's role. */
function statementsOf(name: string): Statement[] {
  const roleId = (functionNamed(name)[1].Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
  return Object.values(resources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

const poolId = () => only('AWS::Cognito::UserPool')[0];
const consoleUrls = [`https://${customDomain}/office/`, `https://${customDomain}/en/office/`];
const issuer = () => ({
  'Fn::Join': ['', [`https://cognito-idp.${testRegion}.amazonaws.com/`, { Ref: poolId() }]],
});

describe('staff user pool', () => {
  it('lets no one sign up, signs in by username, requires TOTP and never SMS', () => {
    // Act
    const [, pool] = only('AWS::Cognito::UserPool');
    // Assess
    expect(pool.Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UsernameConfiguration: { CaseSensitive: false },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
    });
    expect(pool.Properties).not.toHaveProperty('AliasAttributes');
    expect(pool.Properties).not.toHaveProperty('UsernameAttributes');
    expect(pool.Properties).not.toHaveProperty('SmsConfiguration');
  });

  it('asks for length and nothing else in a password, as ASVS 5.0 does', () => {
    // Act
    const [, pool] = only('AWS::Cognito::UserPool');
    // Assess
    expect(passwordMinLength).toBeGreaterThanOrEqual(12);
    expect((pool.Properties.Policies as Properties).PasswordPolicy).toEqual({
      MinimumLength: passwordMinLength,
      RequireLowercase: false,
      RequireUppercase: false,
      RequireNumbers: false,
      RequireSymbols: false,
      TemporaryPasswordValidityDays: 3,
    });
  });

  it('gives each account a community an administrator sets, and one group per role', () => {
    // Act
    const [, pool] = only('AWS::Cognito::UserPool');
    const groups = Object.values(resources('AWS::Cognito::UserPoolGroup'));
    // Assess
    expect(pool.Properties.Schema).toEqual(
      expect.arrayContaining([
        {
          Name: 'community',
          AttributeDataType: 'String',
          Mutable: true,
          StringAttributeConstraints: { MinLength: '1', MaxLength: '64' },
        },
        { Name: 'email', Required: true, Mutable: true },
      ]),
    );
    expect(groups.map((g) => g.Properties.GroupName).sort()).toEqual([...staffRoles].sort());
    for (const group of groups) expect(group.Properties.UserPoolId).toEqual({ Ref: poolId() });
  });

  it('runs on the Plus plan with threat protection enforced, refusing leaked passwords', () => {
    // Act
    const [, pool] = only('AWS::Cognito::UserPool');
    const [, risk] = only('AWS::Cognito::UserPoolRiskConfigurationAttachment');
    // Assess
    expect(pool.Properties).toMatchObject({
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
    expect(risk.Properties).toMatchObject({
      UserPoolId: { Ref: poolId() },
      ClientId: 'ALL',
      CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } },
    });
  });

  it('is retained and protected from deletion, like the reports it guards', () => {
    // Act
    const [, pool] = only('AWS::Cognito::UserPool');
    // Assess
    expect(pool.DeletionPolicy).toBe('Retain');
    expect(pool.Properties.DeletionProtection).toBe('ACTIVE');
  });

  it('invites staff in Chinese and English, with the console on the site domain', () => {
    // Act
    const invitation = (only('AWS::Cognito::UserPool')[1].Properties.AdminCreateUserConfig as Properties)
      .InviteMessageTemplate as { EmailMessage: string; EmailSubject: string };
    // Assess
    expect(invitation.EmailSubject).toMatch(/护童.*Hutong/);
    expect(invitation.EmailMessage).toContain('用户名：{username}');
    expect(invitation.EmailMessage).toContain('Temporary password: {####}');
    for (const url of consoleUrls) expect(invitation.EmailMessage).toContain(url);
  });
});

describe('pre-token trigger', () => {
  it('runs as event version 2, the one that can change access tokens', () => {
    // Act
    const [, pool] = only('AWS::Cognito::UserPool');
    const [functionId] = functionNamed('cognito-pre-token');
    // Assess
    expect(pool.Properties.LambdaConfig).toEqual({
      PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [functionId, 'Arn'] }, LambdaVersion: 'V2_0' },
    });
    synth.template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [poolId(), 'Arn'] },
    });
  });

  it('reaches no table, no salt, no service: it only writes its own logs and traces', () => {
    // Act
    const [, fn] = functionNamed('cognito-pre-token');
    const actions = statementsOf('cognito-pre-token').flatMap((s) => [s.Action].flat());
    // Assess
    expect((fn.Environment as { Variables: object }).Variables).toEqual({
      NODE_OPTIONS: '--enable-source-maps',
    });
    expect(actions.sort()).toEqual(
      [
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ].sort(),
    );
    expect(fn.Timeout).toBeLessThanOrEqual(5);
  });
});

describe('console app client and managed login', () => {
  it('is a public client: code grant with PKCE, openid only, back to the console only', () => {
    // Act
    const [, client] = only('AWS::Cognito::UserPoolClient');
    // Assess
    expect(client.Properties).toMatchObject({
      ClientName: 'console',
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: consoleUrls,
      LogoutURLs: consoleUrls,
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      ReadAttributes: ['custom:community'],
      WriteAttributes: [],
    });
  });

  it('issues tokens that last minutes, and the shortest refresh token Cognito allows', () => {
    // Act
    const [, client] = only('AWS::Cognito::UserPoolClient');
    // Assess
    expect(client.Properties).toMatchObject({
      AccessTokenValidity: tokenMinutes,
      IdTokenValidity: tokenMinutes,
      RefreshTokenValidity: refreshTokenMinutes,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
    });
    expect(tokenMinutes).toBeLessThanOrEqual(15);
    expect(refreshTokenMinutes).toBe(60);
  });

  it("serves the newer managed login on the deployer's prefix, styled for the console client", () => {
    // Act
    const [, domain] = only('AWS::Cognito::UserPoolDomain');
    const [clientId] = only('AWS::Cognito::UserPoolClient');
    const [, branding] = only('AWS::Cognito::ManagedLoginBranding');
    // Assess
    expect(domain.Properties).toEqual({
      Domain: domainPrefix,
      ManagedLoginVersion: 2,
      UserPoolId: { Ref: poolId() },
    });
    expect(branding.Properties).toEqual({
      UserPoolId: { Ref: poolId() },
      ClientId: { Ref: clientId },
      UseCognitoProvidedValues: true,
    });
    synth.template.hasOutput('staffsignin', {
      Value: `https://${domainPrefix}.auth.${testRegion}.amazoncognito.com`,
    });
  });

  it('refuses a domain prefix Cognito would refuse', () => {
    // Act + Assess
    expect(() =>
      createApp({ region: testRegion, context: { 'hutong:loginDomainPrefix': 'Hutong' } }),
    ).toThrow(/hutong:loginDomainPrefix/);
    expect(() =>
      createApp({ region: testRegion, context: { 'hutong:loginDomainPrefix': 'hutong-cognito' } }),
    ).toThrow(/reserve|without/);
  });
});

describe('staff routes in AWS', () => {
  it("checks tokens against the pool's issuer and the console client, from the Authorization header", () => {
    // Act
    const [, authorizer] = only('AWS::ApiGatewayV2::Authorizer');
    const [clientId] = only('AWS::Cognito::UserPoolClient');
    // Assess
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: issuer(), Audience: [{ Ref: clientId }] },
    });
  });

  it("tells only the console's config route where staff sign in", () => {
    // Prepare
    const [clientId] = only('AWS::Cognito::UserPoolClient');
    for (const route of routes) {
      // Act
      const variables = (functionNamed(routeName(route))[1].Environment as { Variables: Properties })
        .Variables;
      // Assess
      if ('uses' in route && (route.uses as readonly string[]).includes('identity')) {
        expect(variables).toMatchObject({ OIDC_ISSUER: issuer(), OIDC_CLIENT_ID: { Ref: clientId } });
      } else {
        expect(Object.keys(variables), routeName(route)).not.toContain('OIDC_ISSUER');
      }
    }
  });

  it('lets only the routes that use the staff directory list staff, on this pool only', () => {
    for (const route of routes) {
      // Prepare
      const uses = 'uses' in route && (route.uses as readonly string[]).includes('staff-directory');
      const name = routeName(route);
      // Act
      const cognito = statementsOf(name).filter((s) =>
        [s.Action].flat().some((a) => a.startsWith('cognito-idp:')),
      );
      const variables = (functionNamed(name)[1].Environment as { Variables: Properties }).Variables;
      // Assess
      if (uses) {
        expect(cognito, name).toEqual([
          {
            Action: staffDirectoryActions[0],
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': [poolId(), 'Arn'] },
          },
        ]);
        expect(variables.STAFF_DIRECTORY).toEqual({ 'Fn::Join': ['', ['cognito:', { Ref: poolId() }]] });
      } else {
        expect(cognito, name).toEqual([]);
        expect(variables, name).not.toHaveProperty('STAFF_DIRECTORY');
      }
    }
  });
});

describe('the first lead, from the deploy parameters', () => {
  const leadContext = {
    'hutong:firstLeadEmail': 'lead@example.org',
    'hutong:firstLeadCommunity': 'wutong',
  };
  let withLead: Synthesized;
  beforeAll(() => {
    withLead = synthesize({ context: leadContext });
  });
  afterAll(() => withLead?.cleanUp());

  const leadResources = (template: Synthesized['template'], type: string) =>
    Object.entries(template.findResources(type) as Record<string, Resource>);

  it('is not created when the deploy names no lead', () => {
    // Act + Assess
    expect(leadResources(synth.template, 'AWS::Cognito::UserPoolUser')).toEqual([]);
    expect(leadResources(synth.template, 'AWS::Cognito::UserPoolUserToGroupAttachment')).toEqual([]);
  });

  it('is invited by email, with a verified address and its community', () => {
    // Act
    const users = leadResources(withLead.template, 'AWS::Cognito::UserPoolUser');
    const [poolId] = Object.keys(withLead.template.findResources('AWS::Cognito::UserPool'));
    // Assess
    expect(users).toHaveLength(1);
    expect(users[0]?.[1].Properties).toEqual({
      UserPoolId: { Ref: poolId },
      Username: 'lead-wutong',
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [
        { Name: 'email', Value: 'lead@example.org' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'custom:community', Value: 'wutong' },
      ],
    });
  });

  it('is in the lead group, after both the user and the group exist', () => {
    // Act
    const userId = leadResources(withLead.template, 'AWS::Cognito::UserPoolUser')[0]?.[0];
    const memberships = leadResources(withLead.template, 'AWS::Cognito::UserPoolUserToGroupAttachment');
    const leadGroupId = Object.entries(
      withLead.template.findResources('AWS::Cognito::UserPoolGroup') as Record<string, Resource>,
    ).find(([, group]) => group.Properties.GroupName === 'lead')?.[0];
    // Assess
    expect(memberships).toHaveLength(1);
    const [, membership] = memberships[0] as [string, Resource];
    expect(membership.Properties).toMatchObject({ GroupName: 'lead', Username: 'lead-wutong' });
    expect(membership.DependsOn).toEqual(expect.arrayContaining([userId, leadGroupId]));
  });

  it('is kept, account and role, when a later deploy leaves the parameters out', () => {
    // Act
    const kept = [
      ...leadResources(withLead.template, 'AWS::Cognito::UserPoolUser'),
      ...leadResources(withLead.template, 'AWS::Cognito::UserPoolUserToGroupAttachment'),
    ];
    // Assess
    expect(kept).toHaveLength(2);
    for (const [, resource] of kept) {
      expect(resource.DeletionPolicy).toBe('Retain');
      expect(resource.UpdateReplacePolicy).toBe('Retain');
    }
  });

  it("refuses a community the configuration doesn't have, before anything is created", () => {
    // Act + Assess
    expect(() =>
      createApp({
        region: testRegion,
        context: { ...leadContext, 'hutong:firstLeadCommunity': 'dongsi', 'aws:cdk:bundling-stacks': [] },
      }),
    ).toThrow(/"dongsi" is not one of the configuration's communities: lanting, wutong/);
  });
});
