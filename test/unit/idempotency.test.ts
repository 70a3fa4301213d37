import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  fingerprint,
  idempotencyKeys,
  isIdempotencyKey,
  sealReceipt,
  unsealReceipt,
} from '../../functions/domain/idempotency.ts';

const salt = Buffer.alloc(32, 7);

describe('idempotency keys', () => {
  it('accept only UUIDs', () => {
    expect(isIdempotencyKey(randomUUID())).toBe(true);
    expect(isIdempotencyKey(randomUUID().toUpperCase())).toBe(true);
    expect(isIdempotencyKey('retry-1')).toBe(false);
    expect(isIdempotencyKey(`${randomUUID()}x`)).toBe(false);
  });

  it('derive a record name that does not contain the key, the same for the same key', () => {
    const key = randomUUID();
    const { name } = idempotencyKeys(key, salt);
    expect(idempotencyKeys(key.toUpperCase(), salt).name).toBe(name);
    expect(idempotencyKeys(randomUUID(), salt).name).not.toBe(name);
    expect(name).not.toContain(key.slice(0, 8));
  });

  it('seal a receipt so only the same key opens it', () => {
    // Prepare
    const keys = idempotencyKeys(randomUUID(), salt);
    // Act
    const sealed = sealReceipt('4821 0937 5516 2048', keys.sealKey);
    // Assess
    expect(sealed).not.toContain('4821');
    expect(unsealReceipt(sealed, keys.sealKey)).toBe('4821 0937 5516 2048');
    expect(() => unsealReceipt(sealed, idempotencyKeys(randomUUID(), salt).sealKey)).toThrow();
  });

  it('fingerprint equal bodies equally in any key order, and different bodies differently', () => {
    const { macKey } = idempotencyKeys(randomUUID(), salt);
    expect(fingerprint({ a: 1, b: [1, 2] }, macKey)).toBe(fingerprint({ b: [1, 2], a: 1 }, macKey));
    expect(fingerprint({ a: 1, b: [1, 2] }, macKey)).not.toBe(fingerprint({ a: 1, b: [2, 1] }, macKey));
  });
});
