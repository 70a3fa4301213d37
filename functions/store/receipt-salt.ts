/**
 * The deployment's receipt salt: secret, generated once, never rotated (old receipts must keep
 * working). `RECEIPT_SALT_SOURCE` says where it lives: `secretsmanager:<arn>` in AWS, or
 * `file:<path>` in the local runtime's data directory.
 */
import { readFile } from 'node:fs/promises';
import { requireEnv } from './env.ts';

const source = requireEnv('RECEIPT_SALT_SOURCE');

let pending: Promise<Buffer> | undefined;

async function load(): Promise<Buffer> {
  let secret: string | undefined;
  if (source.startsWith('secretsmanager:')) {
    const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
    const client = new SecretsManagerClient({});
    const result = await client.send(
      new GetSecretValueCommand({ SecretId: source.slice('secretsmanager:'.length) }),
    );
    secret = result.SecretString;
  } else if (source.startsWith('file:')) {
    secret = await readFile(source.slice('file:'.length), 'utf8');
  } else {
    throw new Error('RECEIPT_SALT_SOURCE must start with secretsmanager: or file:');
  }
  const salt = Buffer.from(secret?.trim() ?? '', 'utf8');
  if (salt.length < 32) throw new Error('The receipt salt is shorter than 32 bytes');
  return salt;
}

/** The salt, fetched once per cold start; a failed fetch is retried on the next call. */
export function receiptSalt(): Promise<Buffer> {
  pending ??= load().catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}
