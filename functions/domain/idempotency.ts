/**
 * Keys and sealing for idempotent report submission. The client's Idempotency-Key is the only
 * secret that opens its record: the record's name, the key that seals the receipt and the key
 * that fingerprints the body are all derived from it with HKDF. Pure (CPU only).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `value` is a UUID, the only Idempotency-Key the API accepts. */
export function isIdempotencyKey(value: string): boolean {
  return uuid.test(value);
}

/** Everything derived from one Idempotency-Key. */
export interface IdempotencyKeys {
  /** The record's name in the table; reveals nothing of the key. */
  name: string;
  /** AES-256-GCM key that seals the receipt. */
  sealKey: Buffer;
  /** HMAC key for the body's fingerprint, so a stored fingerprint can't confirm a guessed text. */
  macKey: Buffer;
}

function derive(key: string, salt: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key.toLowerCase(), salt, `hutong/idempotency/${purpose}/v1`, 32));
}

/** Derives the record name and keys for an Idempotency-Key, under the deployment's salt. */
export function idempotencyKeys(key: string, salt: Buffer): IdempotencyKeys {
  return {
    name: derive(key, salt, 'name').toString('base64url'),
    sealKey: derive(key, salt, 'seal'),
    macKey: derive(key, salt, 'fingerprint'),
  };
}

/** Encrypts a receipt: base64url of nonce ‖ ciphertext ‖ tag. */
export function sealReceipt(receipt: string, sealKey: Buffer): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey, nonce);
  const body = Buffer.concat([cipher.update(receipt, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url');
}

/** Decrypts a sealed receipt; throws when the key is wrong or the record was tampered with. */
export function unsealReceipt(sealed: string, sealKey: Buffer): string {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', sealKey, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString(
    'utf8',
  );
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** A keyed fingerprint of a validated body: equal bodies, in any key order, give equal prints. */
export function fingerprint(body: unknown, macKey: Buffer): string {
  return createHmac('sha256', macKey)
    .update(JSON.stringify(canonical(body)))
    .digest('base64url');
}
