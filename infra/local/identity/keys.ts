/**
 * The local identity provider's signing key: generated once per data directory and kept in
 * `<dataDir>/oidc-jwks.json`, so tokens signed before a restart still verify after it, as
 * Cognito's keys outlive any one request. Only the provider (and test helpers) read this file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/** The algorithm Cognito signs with, and the only family API Gateway's JWT authorizer accepts (RSA). */
export const signingAlgorithm = 'RS256';

/** Where the private signing key lives in a data directory. */
export function signingKeyFile(dataDir: string): string {
  return join(dataDir, 'oidc-jwks.json');
}

/** The private JWK set for the provider's `jwks` option; created on first use. */
export async function ensureSigningKeys(dataDir: string): Promise<{ keys: JWK[] }> {
  const file = signingKeyFile(dataDir);
  if (!existsSync(file)) {
    const { privateKey } = await generateKeyPair(signingAlgorithm, {
      extractable: true,
      modulusLength: 2048,
    });
    const jwk = await exportJWK(privateKey);
    const key = { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: signingAlgorithm, use: 'sig' };
    try {
      writeFileSync(file, `${JSON.stringify({ keys: [key] }, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process made the key first; keep theirs, so both agree.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const keys = (JSON.parse(readFileSync(file, 'utf8')) as { keys?: JWK[] }).keys;
  if (!Array.isArray(keys) || keys.length === 0)
    throw new Error(`${file} holds no signing key; delete it to make a new one.`);
  return { keys };
}
