/**
 * POST /api/followup/messages — a reporter adds information or answers the office. The report
 * is marked updated first, then the message is stored; both are safe to repeat, so a retry with
 * the same proof of work adds the message once.
 */
import { ReceiptNotFoundError } from '../domain/errors.ts';
import { messageRequestSchema } from '../domain/followup.ts';
import { proofSecrets } from '../domain/proof-of-work.ts';
import { hashReceipt } from '../domain/receipt.ts';
import { dayOf } from '../domain/status.ts';
import { httpHandler } from '../http/handler.ts';
import { parseOrThrow } from '../http/parse.ts';
import { spendProof } from '../http/proof.ts';
import { readJsonBody } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { putMessage } from '../store/messages.ts';
import { receiptSalt } from '../store/receipt-salt.ts';
import { markReporterUpdate } from '../store/reports.ts';

/** Lambda entry point. */
export const handler = httpHandler(async (event) => {
  const { body, language } = readJsonBody(event);
  const request = parseOrThrow(messageRequestSchema, body, language);
  const salt = await receiptSalt();
  const proof = await spendProof(
    request.altcha,
    { receipt: request.receipt, body: request.body },
    { secrets: proofSecrets(salt), language, now: new Date() },
  );
  const receiptHash = await hashReceipt(request.receipt, salt);
  // Marked first: if the process stops before the message is stored, the office sees an update
  // with nothing new, and the reporter, told it failed, sends again; never the reverse.
  if (!(await markReporterUpdate(receiptHash, proof.at))) throw new ReceiptNotFoundError(language);
  await putMessage(receiptHash, { from: 'reporter', body: request.body, sentAt: proof.at, id: proof.id });
  return jsonResponse(201, { status: 'sent', sentOn: dayOf(proof.at) });
});
