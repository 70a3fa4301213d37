/**
 * Office references: the short code staff use to talk about a report. It is random and says
 * nothing about the receipt, so seeing it in the console never lets anyone act as the reporter.
 */
import { randomInt } from 'node:crypto';

/** Crockford's base-32 alphabet: no I, L, O or U, so it survives being read over the phone. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Draws a reference of 10 characters (50 bits) in two groups of five.
 * @example newOfficeReference() // 'K7Q2M-9XD4P'
 */
export function newOfficeReference(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += alphabet[randomInt(alphabet.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
