/**
 * How the local OpenID provider is configured so that what it issues looks like Cognito's: one
 * public client for the console (authorization code + PKCE S256, no secret, no refresh token),
 * and access tokens that are JWTs with the claims a Cognito access token carries once a
 * pre-token-generation trigger has added `custom:community`.
 */
import { randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import type {
  Account,
  ClientMetadata,
  Configuration,
  IssuedToken,
  KoaContextWithOIDC,
  ResourceServerInfo,
} from 'oidc-provider';
import type { StaffAccount } from './accounts.ts';
import { signingAlgorithm } from './keys.ts';
import { memoryAdapter } from './memory-adapter.ts';
import { errorPage, pageLanguage, signedOutPage, signOutPage } from './pages.ts';

/** The console's client id: the audience the API's authorizer accepts, here and in AWS. */
export const consoleClientId = 'hutong-console';

/** Access tokens live 15 minutes; the console signs in again after that. */
export const accessTokenSeconds = 15 * 60;

/** The scopes the console may ask for; `profile` adds the staff claims to the ID token. */
export const consoleScopes = ['openid', 'profile'] as const;

/** The console's pages, which are also where the provider sends people back to. */
export function consoleRedirectUris(consoleUrl: string): string[] {
  return [`${consoleUrl}/office/`, `${consoleUrl}/en/office/`];
}

/**
 * The resource indicator of the staff API. Every access token is for it, whether or not the
 * console names it (Cognito's access tokens are all for the user pool's API, too).
 */
export function apiResource(consoleUrl: string): string {
  return `${consoleUrl}/api/office/`;
}

/** Cognito's access token claims for an account, beyond the ones every JWT has. */
function staffClaims(account: StaffAccount, authTime: number | undefined): Record<string, unknown> {
  return {
    token_use: 'access',
    ...(authTime === undefined ? {} : { auth_time: authTime }),
    username: account.username,
    'cognito:groups': [...account.roles],
    'custom:community': account.community,
  };
}

/** The provider's whole configuration. */
export function providerConfiguration(options: {
  consoleUrl: string;
  accounts: readonly StaffAccount[];
  keys: JWK[];
}): Configuration {
  const { consoleUrl, accounts } = options;
  const consoleOrigin = new URL(consoleUrl).origin;
  const resource = apiResource(consoleUrl);
  const bySub = new Map(accounts.map((account) => [account.sub, account]));
  const languageOf = (ctx: KoaContextWithOIDC) =>
    pageLanguage(ctx.oidc?.params?.ui_locales, ctx.get('accept-language') || undefined);

  const client: ClientMetadata = {
    client_id: consoleClientId,
    client_name: 'Hutong office console',
    application_type: 'web',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: consoleRedirectUris(consoleUrl),
    post_logout_redirect_uris: consoleRedirectUris(consoleUrl),
    id_token_signed_response_alg: signingAlgorithm,
  };

  return {
    adapter: memoryAdapter(),
    clients: [client],
    // The console calls the token endpoint from its own origin, as it calls Cognito's.
    clientBasedCORS: (_ctx: KoaContextWithOIDC, origin: string) => origin === consoleOrigin,
    claims: {
      openid: ['sub'],
      profile: ['cognito:username', 'cognito:groups', 'custom:community'],
    },
    // Sessions are in memory, so the cookie keys need not outlive the process.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    extraTokenClaims: async (ctx: KoaContextWithOIDC, token: IssuedToken) => {
      const account =
        token.kind === 'AccessToken' && token.accountId ? bySub.get(token.accountId) : undefined;
      if (!account) return undefined;
      const authTime =
        ctx.oidc.entities.AuthorizationCode?.authTime ?? ctx.oidc.entities.RefreshToken?.authTime;
      return staffClaims(account, authTime);
    },
    features: {
      devInteractions: { enabled: false },
      // Access tokens for the staff API are JWTs. oidc-provider requires them to carry `aud`;
      // setting it to the console's client id keeps API Gateway's rule (check `aud` when
      // present, else `client_id`) passing with the same audience as in AWS.
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => resource,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (): Promise<ResourceServerInfo> => ({
          scope: consoleScopes.join(' '),
          audience: consoleClientId,
          accessTokenTTL: accessTokenSeconds,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: signingAlgorithm } },
        }),
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = 'html';
          ctx.body = signOutPage(languageOf(ctx), form);
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          ctx.type = 'html';
          ctx.body = signedOutPage(languageOf(ctx));
        },
      },
      userinfo: { enabled: false },
    },
    findAccount: async (_ctx: KoaContextWithOIDC, sub: string): Promise<Account | undefined> => {
      const account = bySub.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          'cognito:username': account.username,
          'cognito:groups': [...account.roles],
          'custom:community': account.community,
        }),
      };
    },
    interactions: {
      url: async (_ctx: KoaContextWithOIDC, interaction: { uid: string }) =>
        `/interaction/${interaction.uid}`,
    },
    jwks: { keys: options.keys },
    pkce: { required: () => true },
    renderError: async (ctx: KoaContextWithOIDC) => {
      ctx.type = 'html';
      ctx.body = errorPage(languageOf(ctx), 'failed');
    },
    responseTypes: ['code'],
    scopes: [...consoleScopes],
    ttl: {
      AccessToken: accessTokenSeconds,
      AuthorizationCode: 60,
      IdToken: accessTokenSeconds,
      Interaction: 10 * 60,
      Session: 8 * 60 * 60,
      Grant: 8 * 60 * 60,
    },
  };
}
