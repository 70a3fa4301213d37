/**
 * Bundled in place of `@aws-sdk/credential-provider-node` (see `bundling.ts`), never imported.
 * Lambda hands each function its role's credentials in environment variables, so the SDK's full
 * chain (INI files, SSO, web identity, instance metadata, and the STS and SSO clients they pull
 * in) is dead weight there: about 130 KB of a bundle and its cold start.
 */
import { type FromEnvInit, fromEnv } from '@aws-sdk/credential-provider-env';

/** What the SDK clients call to find credentials: the environment, and only the environment. */
export function defaultProvider(init?: FromEnvInit): ReturnType<typeof fromEnv> {
  return fromEnv(init);
}
