import { describe, expect, it } from 'vitest';
import { formatReceipt, hashReceipt, newReceipt, normalizeReceipt } from '../../functions/domain/receipt.ts';

const salt = Buffer.from('a-test-salt-that-is-long-enough-for-scrypt-0123456789');

describe('receipts', () => {
  it('are 16 digits in four groups of four', () => {
    for (let i = 0; i < 200; i++) expect(newReceipt()).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
  });

  it('do not repeat over 20,000 draws, and use every digit in every position', () => {
    // Act
    const draws = Array.from({ length: 20_000 }, () => newReceipt().replaceAll(' ', ''));
    // Assess
    expect(new Set(draws).size).toBe(draws.length);
    for (let position = 0; position < 16; position++) {
      expect(new Set(draws.map((d) => d[position])).size).toBe(10);
    }
  });

  it('are read back however a person typed them', () => {
    expect(normalizeReceipt('4821 0937 5516 2048')).toBe('4821093755162048');
    expect(normalizeReceipt('4821-0937-5516-2048')).toBe('4821093755162048');
    expect(normalizeReceipt('４８２１０９３７５５１６２０４８')).toBe('4821093755162048');
    expect(normalizeReceipt('4821 0937 5516 204')).toBeUndefined();
    expect(normalizeReceipt('4821 0937 5516 204x')).toBeUndefined();
    expect(formatReceipt('4821093755162048')).toBe('4821 0937 5516 2048');
  });

  it('hash the same whatever the spacing, and verify only the right receipt', async () => {
    // Prepare
    const receipt = newReceipt();
    // Act
    const stored = await hashReceipt(receipt, salt);
    // Assess
    expect(await hashReceipt(receipt.replaceAll(' ', ''), salt)).toBe(stored);
    const other = receipt.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    expect(await hashReceipt(other, salt)).not.toBe(stored);
    expect(stored).not.toContain(receipt.replaceAll(' ', ''));
  });

  it('hash differently under another deployment salt', async () => {
    const receipt = newReceipt();
    expect(await hashReceipt(receipt, salt)).not.toBe(await hashReceipt(receipt, Buffer.from(`${salt}x`)));
  });

  it('refuse to hash something that is not a receipt', async () => {
    await expect(hashReceipt('not a receipt', salt)).rejects.toThrow(TypeError);
  });
});
