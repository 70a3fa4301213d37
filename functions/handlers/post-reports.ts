/**
 * POST /api/reports — accepts an anonymous concern report and answers with its receipt.
 * - JSON from the site's script: proof of work required, bound to the Idempotency-Key.
 * - A plain HTML form post, for people without JavaScript: no proof of work, a tighter hourly
 *   cap instead, and an HTML page back (the receipt, or the form again with its problems).
 * Reads only the body and the Idempotency-Key: nothing about the caller.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { deployment } from '../config.ts';
import { ApiError, InvalidRequestError, ProofOfWorkError } from '../domain/errors.ts';
import { isIdempotencyKey } from '../domain/idempotency.ts';
import { describeIssues } from '../domain/issues.ts';
import { errorMessages } from '../domain/messages.ts';
import { bindingFor, checkProof, proofSecrets } from '../domain/proof-of-work.ts';
import { newReceipt } from '../domain/receipt.ts';
import { type ReportInput, reportRequestSchema, splitReportRequest } from '../domain/report.ts';
import { triage } from '../domain/triage.ts';
import { httpHandler } from '../http/handler.ts';
import { count } from '../http/metrics.ts';
import {
  isChildReporter,
  reportFormPage,
  reportProblemPage,
  reportReceivedPage,
} from '../http/pages/report-pages.ts';
import { parseOrThrow } from '../http/parse.ts';
import { spendProof } from '../http/proof.ts';
import { acceptedLanguage, header, mediaType, readFormBody, readJsonBody } from '../http/request.ts';
import { htmlResponse, jsonResponse } from '../http/response.ts';
import { receiptSalt } from '../store/receipt-salt.ts';
import { acceptReport } from '../store/submissions.ts';

const schema = reportRequestSchema(deployment.communities.map((community) => community.id));

/** What a filled honeypot is told: a receipt like any other, for a report that was never stored. */
function decoy(report: ReportInput) {
  count('reportsRefused', { Reason: 'honeypot' });
  return { receipt: newReceipt(), urgent: triage(report).urgent };
}

async function fromScript(event: APIGatewayProxyEventV2) {
  const { body, language } = readJsonBody(event);
  const idempotencyKey = header(event, 'idempotency-key');
  if (idempotencyKey !== undefined && !isIdempotencyKey(idempotencyKey)) {
    throw new InvalidRequestError('invalid_idempotency_key', { language });
  }
  const { report, altcha, honeypotFilled } = splitReportRequest(
    parseOrThrow(schema, body, language, 'invalid_report'),
  );
  if (honeypotFilled) return jsonResponse(201, { ...decoy(report), status: 'received' });

  const now = new Date();
  const secrets = proofSecrets(await receiptSalt());
  if (idempotencyKey) {
    // Bound to this key, the proof is single-use through the idempotency record itself.
    const proof = await checkProof(altcha, secrets, { binding: bindingFor(idempotencyKey) });
    if (!proof.ok) throw new ProofOfWorkError(language);
  } else {
    const proof = await spendProof(altcha, report, { secrets, language, now });
    if (!proof.first) throw new ProofOfWorkError(language);
  }
  const accepted = await acceptReport(report, {
    idempotencyKey,
    channel: 'api',
    caps: deployment.limits,
    now,
  });
  return jsonResponse(
    201,
    { receipt: accepted.receipt, status: 'received', urgent: accepted.urgent },
    accepted.replayed ? { 'idempotent-replayed': 'true' } : {},
  );
}

async function fromForm(event: APIGatewayProxyEventV2) {
  let language = acceptedLanguage(event);
  let child = false;
  try {
    const form = readFormBody(event, { arrays: ['categories'], booleans: ['immediateDanger'] });
    language = form.language;
    child = isChildReporter(form.fields);
    const parsed = schema.safeParse(form.fields);
    if (!parsed.success) {
      const issues = describeIssues(parsed.error.issues, form.fields, language);
      const message = errorMessages.invalid_report[language];
      count('reportsRefused', { Reason: 'invalid_report' });
      return htmlResponse(400, reportFormPage({ language, values: form.fields, issues, message }));
    }
    const { report, honeypotFilled } = splitReportRequest(parsed.data);
    const accepted = honeypotFilled
      ? decoy(report)
      : await acceptReport(report, { channel: 'form', caps: deployment.limits });
    return htmlResponse(
      201,
      reportReceivedPage({ language, receipt: accepted.receipt, urgent: accepted.urgent, child }),
    );
  } catch (error) {
    // Whatever stopped it, a person without JavaScript gets a page, not JSON.
    if (!(error instanceof ApiError)) throw error;
    error.language = language;
    count('reportsRefused', { Reason: error.code });
    const message = error.toJSON().message;
    return htmlResponse(error.statusCode, reportProblemPage({ language, message, child }), error.headers);
  }
}

/** Lambda entry point. */
export const handler = httpHandler(async (event) =>
  mediaType(event) === 'application/x-www-form-urlencoded' ? fromForm(event) : fromScript(event),
);
