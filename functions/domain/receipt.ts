/**
 * Receipts: the reporter's only way back to their report. Sixteen random digits, shown once;
 * only a slow, salted hash is ever stored. Pure (CPU only).
 */
import { randomInt, scrypt } from 'node:crypto';

/** Digits in a receipt: about 53 bits, as GlobaLeaks uses. */
const receiptDigits = 16;

/**
 * scrypt cost. N = 2^14 with r = 8 needs 16 MiB and tens of milliseconds per hash: cheap for
 * one submission, ruinous for anyone trying 10^16 receipts against a stolen table.
 */
const scryptOptions = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

/** A receipt as typed or shown: 16 digits, in groups of four. */
export type Receipt = string;

/**
 * Draws a new receipt from the cryptographic RNG, formatted for reading aloud or writing down.
 * @example newReceipt() // '4821 0937 5516 2048'
 */
export function newReceipt(): Receipt {
  let digits = '';
  for (let i = 0; i < receiptDigits; i++) digits += randomInt(10).toString();
  return formatReceipt(digits);
}

/** Groups 16 digits as `dddd dddd dddd dddd`. */
export function formatReceipt(digits: string): Receipt {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/**
 * Reads a receipt as a person typed it: spaces, dashes and full-width digits are accepted.
 * Returns the 16 bare digits, or undefined when it cannot be a receipt.
 * @example normalizeReceipt('４８２１-0937 5516 2048') // '4821093755162048'
 */
export function normalizeReceipt(typed: string): string | undefined {
  const digits = typed
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s-]/g, '');
  return /^\d{16}$/.test(digits) ? digits : undefined;
}

/**
 * The stored form of a receipt: scrypt over its digits with the deployment's secret salt,
 * as base64url. Equal receipts give equal hashes, so lookups are a single key read.
 */
export function hashReceipt(receipt: Receipt, salt: Buffer): Promise<string> {
  const digits = normalizeReceipt(receipt);
  if (!digits) return Promise.reject(new TypeError('not a receipt'));
  return new Promise((resolve, reject) => {
    scrypt(digits, salt, 32, scryptOptions, (error, key) => {
      if (error) reject(error);
      else resolve(key.toString('base64url'));
    });
  });
}
