/** POST /api/reports — accepts an anonymous concern report and answers with its receipt. */

import { deployment } from '../config.ts';
import { InvalidRequestError } from '../domain/errors.ts';
import { isIdempotencyKey } from '../domain/idempotency.ts';
import { reportSchema } from '../domain/report.ts';
import { httpHandler } from '../http/handler.ts';
import { parseOrThrow } from '../http/parse.ts';
import { header, readJsonBody } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { acceptReport } from '../store/submissions.ts';

const schema = reportSchema(deployment.communities.map((community) => community.id));

/** Lambda entry point. Reads only the body and the Idempotency-Key: nothing about the caller. */
export const handler = httpHandler(async (event) => {
  const { body, language } = readJsonBody(event);
  const idempotencyKey = header(event, 'idempotency-key');
  if (idempotencyKey !== undefined && !isIdempotencyKey(idempotencyKey)) {
    throw new InvalidRequestError('invalid_idempotency_key', { language });
  }
  const report = parseOrThrow(schema, body, language);
  const accepted = await acceptReport(report, { idempotencyKey });
  return jsonResponse(
    201,
    { receipt: accepted.receipt, status: 'received', urgent: accepted.urgent },
    accepted.replayed ? { 'idempotent-replayed': 'true' } : {},
  );
});
