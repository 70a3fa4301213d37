/**
 * POST /api/followup — a reporter opens their report with its receipt: the reporter-facing
 * status, the days it changed, and the thread with the office. Internal notes never leave.
 * The receipt travels only in this body; an unknown receipt is a 404 like any other.
 */
import { ReceiptNotFoundError } from '../domain/errors.ts';
import { followupRequestSchema } from '../domain/followup.ts';
import { proofSecrets } from '../domain/proof-of-work.ts';
import { hashReceipt } from '../domain/receipt.ts';
import { dayOf, publicStatus } from '../domain/status.ts';
import { httpHandler } from '../http/handler.ts';
import { parseOrThrow } from '../http/parse.ts';
import { spendProof } from '../http/proof.ts';
import { readJsonBody } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { listThread } from '../store/messages.ts';
import { receiptSalt } from '../store/receipt-salt.ts';
import { getReport } from '../store/reports.ts';

/** Lambda entry point. */
export const handler = httpHandler(async (event) => {
  const { body, language } = readJsonBody(event);
  const request = parseOrThrow(followupRequestSchema, body, language);
  const salt = await receiptSalt();
  await spendProof(
    request.altcha,
    { receipt: request.receipt },
    { secrets: proofSecrets(salt), language, now: new Date() },
  );
  const receiptHash = await hashReceipt(request.receipt, salt);
  const report = await getReport(receiptHash);
  if (!report) throw new ReceiptNotFoundError(language);
  const thread = await listThread(receiptHash);
  return jsonResponse(200, {
    status: publicStatus(report.status),
    statusChangedOn: dayOf(report.statusChangedAt),
    timeline: report.timeline,
    messages: thread.map((message) => ({
      from: message.from,
      body: message.body,
      sentOn: dayOf(message.sentAt),
    })),
  });
});
