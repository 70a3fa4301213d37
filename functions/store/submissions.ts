/**
 * Accepting a report so that it is never lost and never duplicated. The idempotency claim is
 * written first, so a retry with the same key finds its receipt whatever became of the first
 * attempt. Each write is a conditional single-item operation, safe if the process stops
 * between them; a submission costs two writes, and only rare races cost a third.
 */
import { IdempotencyConflictError } from '../domain/errors.ts';
import { fingerprint, idempotencyKeys, sealReceipt, unsealReceipt } from '../domain/idempotency.ts';
import { hashReceipt, newReceipt, type Receipt } from '../domain/receipt.ts';
import { newOfficeReference } from '../domain/reference.ts';
import type { ReportInput } from '../domain/report.ts';
import { triage } from '../domain/triage.ts';
import { type Caps, enforceCaps } from './caps.ts';
import { claimIdempotency, resealIdempotency } from './idempotency.ts';
import { receiptSalt } from './receipt-salt.ts';
import { type Channel, isOwnSubmission, putReportIfAbsent, reportItem } from './reports.ts';

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
 * The hourly caps apply only when a report is about to be created: a retry of a stored
 * submission always gets its receipt back.
 */
export async function acceptReport(
  report: ReportInput,
  options: { idempotencyKey?: string | undefined; channel: Channel; caps: Caps; now?: Date },
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
      sealed = claim.sealed;
      replayed = true;
      // Usually the first attempt stored its report: one write confirms it, and we are done.
      if (await isOwnSubmission(await hashReceipt(receipt, salt), keys.name))
        return { receipt, urgent, replayed };
    }
  }

  await enforceCaps(report.community, options.channel, options.caps, { now, language: report.language });
  // Sealed once, here, where a report is about to be created: a retry that finds its report
  // stored never seals again, and the fingerprint above was taken of the text as sent. Loaded
  // only for a report with a contact: the Encryption SDK then runs its module code on first use,
  // not in every cold start (docs/architecture.md, "Contacts are sealed").
  const sealedContact = report.contact
    ? await (await import('./contact-seal.ts')).sealContact(report.contact, report.community)
    : undefined;
  for (let draw = 1; ; draw++) {
    const receiptHash = await hashReceipt(receipt, salt);
    const item = reportItem(report, {
      receiptHash,
      ref: newOfficeReference(),
      urgent,
      urgentReasons: reasons,
      channel: options.channel,
      now,
      submission: keys?.name,
      sealedContact,
    });
    if ((await putReportIfAbsent(item)) === 'created') return { receipt, urgent, replayed };
    // The receipt's slot is taken: by a concurrent retry of this same submission, or by another
    // report whose receipt collided with ours.
    if (keys && (await isOwnSubmission(receiptHash, keys.name))) return { receipt, urgent, replayed };
    if (draw === maxReceiptDraws) throw new Error('Receipt collided repeatedly; the RNG is suspect');
    receipt = newReceipt();
    if (keys && sealed) {
      const next = sealReceipt(receipt, keys.sealKey);
      await resealIdempotency(keys.name, sealed, next);
      sealed = next;
    }
  }
}
