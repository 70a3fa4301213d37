/**
 * POST /api/trainer/workshops/{id}/handouts?name=<file name> — a trainer attaches a handout file
 * (the body: PDF, JPEG or PNG bytes, at most 4 MB; base64 in the event, as API Gateway hands
 * binary bodies over). Checked by type, size and signature, its metadata stripped, then stored:
 * the file first, then the workshop's item; a refused or failed item write deletes the file.
 * 201 `{ id, name, type, bytes }`.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ForbiddenError, HandoutRefusedError } from '../domain/errors.ts';
import { handoutLimits, isHandoutType, prepareHandout } from '../domain/handout-files.ts';
import { handoutRefusalError } from '../domain/handout-files-refusals.ts';
import type { Language } from '../domain/languages.ts';
import { hasRole } from '../domain/staff.ts';
import type { StoredHandout } from '../domain/workshop-record.ts';
import { stepRoles } from '../domain/workshop-review.ts';
import { httpHandler } from '../http/handler.ts';
import { log } from '../http/log.ts';
import { acceptedLanguage, mediaType } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { requireStaff } from '../http/staff.ts';
import { deleteUpload, handoutKey, putUpload } from '../store/uploads.ts';
import { changeHandouts, handoutRefusal } from '../store/workshop-handouts.ts';
import { findWorkshop, randomId, viewOf } from '../store/workshops.ts';

/** The body's size in bytes, from its length alone: a body over the limit is refused undecoded. */
function bodyBytes(event: APIGatewayProxyEventV2): number {
  const body = event.body ?? '';
  if (!event.isBase64Encoded) return Buffer.byteLength(body, 'utf8');
  const padding = body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0;
  return Math.floor((body.length * 3) / 4) - padding;
}

/** The checks that need no file: the declared type, the size. Refused here, nothing is decoded. */
function checkEnvelope(event: APIGatewayProxyEventV2, language: Language): void {
  if (!isHandoutType(mediaType(event))) throw new HandoutRefusedError('unsupported_type', { language });
  if (bodyBytes(event) > handoutLimits.bytes) throw new HandoutRefusedError('too_large', { language });
}

/** Lambda entry point. */
export const handler = httpHandler(async (event) => {
  const language = acceptedLanguage(event);
  const staff = requireStaff(event, ['trainer', 'reviewer'], language);
  if (!hasRole(staff, [stepRoles.edit])) throw new ForbiddenError(language);
  checkEnvelope(event, language);
  const id = event.pathParameters?.id ?? '';

  // The workshop must take a handout before the file is worked on or stored.
  const item = await findWorkshop(staff.community, id);
  const why = item ? handoutRefusal(item, staff, 'add') : 'not_found';
  if (why) throw handoutRefusalError(why, language, item && (await viewOf(item)));

  const raw = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  const name = new URLSearchParams(event.rawQueryString ?? '').get('name');
  const file = prepareHandout(raw, mediaType(event), name, language);
  const handoutId = randomId();
  const handout: StoredHandout = {
    id: handoutId,
    name: file.name,
    type: file.type,
    bytes: file.bytes.byteLength,
    key: handoutKey(id, handoutId, file.ext),
  };

  await putUpload(handout.key, file.bytes, file.type);
  let outcome: Awaited<ReturnType<typeof changeHandouts>>;
  try {
    outcome = await changeHandouts(staff, id, { add: handout }, new Date());
  } catch (error) {
    await removeStored(handout.key);
    throw error;
  }
  if ('refused' in outcome) {
    await removeStored(handout.key);
    throw handoutRefusalError(outcome.refused, language, outcome.item && (await viewOf(outcome.item)));
  }
  return jsonResponse(201, { id: handout.id, name: handout.name, type: handout.type, bytes: handout.bytes });
});

/** Deletes a file the workshop never came to name; a failure is logged, the request's error stands. */
async function removeStored(key: string): Promise<void> {
  try {
    await deleteUpload(key);
  } catch (error) {
    log('error', 'orphaned handout file', { errorName: error instanceof Error ? error.name : 'unknown' });
  }
}
