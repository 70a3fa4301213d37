/**
 * How the office console signs staff in: Cognito's managed login on a prefix domain, and the
 * console's app client (public, authorization code with PKCE, `openid` only, short-lived tokens).
 * The console keeps tokens in memory only, so a reload signs in again.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import {
  CfnManagedLoginBranding,
  ClientAttributes,
  ManagedLoginVersion,
  OAuthScope,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { StaffPool } from './staff-pool.ts';

/** How long an access or ID token lets a staff member work before the console signs in again. */
export const tokenMinutes = 15;

/**
 * Cognito always issues a refresh token with the code grant and can't be told not to; the
 * shortest it allows is 60 minutes. The console never keeps it (tokens live in memory only), and
 * revocation is on, so signing out ends it at Cognito too.
 */
export const refreshTokenMinutes = 60;

/** Managed login's origin for a domain prefix: `https://<prefix>.auth.<region>.amazoncognito.com`. */
export function managedLoginOrigin(stack: Stack, domainPrefix: string): string {
  return `https://${domainPrefix}.auth.${stack.region}.amazoncognito.com`;
}

/** What the console's sign-in needs. */
export interface StaffConsoleProps {
  pool: StaffPool;
  /** The managed login domain's prefix: `<prefix>.auth.<region>.amazoncognito.com`. */
  domainPrefix: string;
  /** Where Cognito may send staff back to, signed in or signed out: the console in each language. */
  consoleUrls: readonly string[];
}

/** Managed login and the console's app client. */
export class StaffConsole extends Construct {
  readonly domain: UserPoolDomain;
  readonly client: UserPoolClient;
  /** The managed login's origin: sign-in pages, and the token and revocation endpoints. */
  readonly loginOrigin: string;

  constructor(scope: Construct, id: string, props: StaffConsoleProps) {
    super(scope, id);
    const { userPool } = props.pool;
    // The newer managed login speaks Chinese (`lang=zh-CN`); the classic hosted UI only English.
    this.domain = new UserPoolDomain(this, 'login', {
      userPool,
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    this.loginOrigin = managedLoginOrigin(Stack.of(this), props.domainPrefix);
    this.client = new UserPoolClient(this, 'client', {
      userPool,
      userPoolClientName: 'console',
      generateSecret: false,
      // No API sign-in at all (no SRP, no password flows): staff sign in only through managed
      // login, where TOTP and threat protection apply. Only the refresh grant remains listed.
      authFlows: { userSrp: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [OAuthScope.OPENID],
        callbackUrls: [...props.consoleUrls],
        logoutUrls: [...props.consoleUrls],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      accessTokenValidity: Duration.minutes(tokenMinutes),
      idTokenValidity: Duration.minutes(tokenMinutes),
      refreshTokenValidity: Duration.minutes(refreshTokenMinutes),
      // Between the password and the code: long enough to install an authenticator app and scan
      // the QR code on a first sign-in.
      authSessionValidity: Duration.minutes(15),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // The ID token names the community; nobody may change an attribute through this client.
      readAttributes: new ClientAttributes().withCustomAttributes('community'),
      writeAttributes: new ClientAttributes(),
    });
    // The newer managed login shows nothing until the client has a style; Cognito's own will do.
    const branding = new CfnManagedLoginBranding(this, 'branding', {
      userPoolId: userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    branding.node.addDependency(this.domain);
  }
}
