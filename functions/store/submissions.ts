/**
 * Accepting a report so that it is never lost and never duplicated. The order of writes is
 * safe if the process stops between them: the idempotency claim comes first, so a retry with
 * the same key finds its receipt and finishes the report write. At most two writes per call.
 */
import { IdempotencyConflictError } from '../domain/errors.ts';
import { fingerprint, idempotencyKeys, sealReceipt, unsealReceipt } from '../domain/idempotency.ts';
import { hashReceipt, newReceipt, type Receipt } from '../domain/receipt.ts';
import { newOfficeReference } from '../domain/reference.ts';
import type { ReportInput } from '../domain/report.ts';
import { triage } from '../domain/triage.ts';
import { receiptSalt } from './receipt-salt.ts';
import { claimIdempotency, putReportIfAbsent, reportItem, resealIdempotency } from './reports.ts';

/** What the reporter is told. */
export interface Accepted {
  receipt: Receipt;
  urgent: boolean;
  /** True when this answers a retry of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/** Two random 16-digit receipts are equal about once in 10^16 draws; three tries is plenty. */
const maxReceiptDraws = 3;

/**
 * Stores a validated report and returns its receipt. With an Idempotency-Key, a retry returns
 * the same receipt and writes no second report; a different body under the same key is refused.
 */
export async function acceptReport(
  report: ReportInput,
  options: { idempotencyKey?: string | undefined; now?: Date },
): Promise<Accepted> {
  const now = options.now ?? new Date();
  const salt = await receiptSalt();
  const { urgent, reasons } = triage(report);
  const keys = options.idempotencyKey ? idempotencyKeys(options.idempotencyKey, salt) : undefined;

  let receipt = newReceipt();
  let replayed = false;
  let sealed: string | undefined;
  if (keys) {
    sealed = sealReceipt(receipt, keys.sealKey);
    const print = fingerprint(report, keys.macKey);
    const claim = await claimIdempotency(keys.name, { sealed, fingerprint: print }, now);
    if (claim.sealed !== sealed) {
      if (claim.fingerprint !== print) throw new IdempotencyConflictError(report.language);
      receipt = unsealReceipt(claim.sealed, keys.sealKey);
      replayed = true;
    }
  }

  for (let draw = 1; ; draw++) {
    const item = reportItem(report, {
      receiptHash: await hashReceipt(receipt, salt),
      ref: newOfficeReference(),
      urgent,
      urgentReasons: reasons,
      now,
    });
    const outcome = await putReportIfAbsent(item);
    // On a retry, an existing report is the one the first attempt wrote.
    if (outcome === 'created' || replayed) return { receipt, urgent, replayed };
    if (draw === maxReceiptDraws) throw new Error('Receipt collided repeatedly; the RNG is suspect');
    // A fresh receipt collided with another report's: draw again, and re-seal our claim.
    receipt = newReceipt();
    if (keys && sealed) {
      const next = sealReceipt(receipt, keys.sealKey);
      await resealIdempotency(keys.name, sealed, next);
      sealed = next;
    }
  }
}
