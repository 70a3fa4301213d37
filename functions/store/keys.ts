/**
 * Every item key and time bucket of the table, in one place, so the shapes the IAM grants are
 * scoped by (`keyPrefixes`) can't drift from the keys the code writes.
 */
import { keyPrefixes } from './tables.ts';

/** The report a receipt hash opens. */
export function reportKey(receiptHash: string): { pk: string; sk: 'REPORT' } {
  return { pk: `${keyPrefixes.report}${receiptHash}`, sk: 'REPORT' };
}

/** Sort-key prefix of the messages between the office and the reporter. */
export const messagePrefix = 'MSG#';

/** A message in a report's thread; sorting by key sorts by time. */
export function messageKey(receiptHash: string, sentAt: string, id: string): { pk: string; sk: string } {
  return { pk: reportKey(receiptHash).pk, sk: `${messagePrefix}${sentAt}#${id}` };
}

/** An idempotency record. */
export function idempotencyKey(name: string): { pk: string; sk: 'IDEM' } {
  return { pk: `${keyPrefixes.idempotency}${name}`, sk: 'IDEM' };
}

/** The record that marks a proof of work used. */
export function proofKey(id: string): { pk: string; sk: 'POW' } {
  return { pk: `${keyPrefixes.proof}${id}`, sk: 'POW' };
}

/**
 * The clock hour of an instant, `YYYY-MM-DDTHH` (UTC): the bucket of the hourly caps and of the
 * purge.
 * @example hourOf(new Date('2026-11-28T21:37:00Z')) // '2026-11-28T21'
 */
export function hourOf(instant: Date): string {
  return instant.toISOString().slice(0, 13);
}

/** The attributes that make an item expire: the purge's bucket and DynamoDB's TTL backstop. */
export function expiring(expiresAt: Date): { expiryBucket: string; ttl: number } {
  return { expiryBucket: hourOf(expiresAt), ttl: Math.ceil(expiresAt.getTime() / 1000) };
}
