/**
 * PUT /api/trainer/workshops/{id} — a trainer saves the working copy and its sessions. A
 * published workshop becomes a draft again while its live version stays up. 409 `wrong_state`
 * in review, `stale_version` when someone saved since the version sent.
 */
import { ConflictError, ForbiddenError, InvalidRequestError } from '../domain/errors.ts';
import { hasRole } from '../domain/staff.ts';
import { reviewStateOf } from '../domain/workshop-record.ts';
import { fixedFieldsError, refusalError, workshopNotFound } from '../domain/workshop-refusals.ts';
import { saveWorkshopSchema, sessionsFor } from '../domain/workshop-requests.ts';
import { refusal, stepRoles } from '../domain/workshop-review.ts';
import { httpHandler } from '../http/handler.ts';
import { parseOrThrow } from '../http/parse.ts';
import { readJsonBody } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { requireStaff } from '../http/staff.ts';
import { findWorkshop, randomId, viewOf } from '../store/workshops.ts';
import { writeWorkshop } from '../store/workshops-change.ts';
import { planEdit } from '../store/workshops-plan.ts';

/** Lambda entry point. */
export const handler = httpHandler(async (event) => {
  const { body, language } = readJsonBody(event);
  const staff = requireStaff(event, ['trainer', 'reviewer'], language);
  if (!hasRole(staff, [stepRoles.edit])) throw new ForbiddenError(language);
  const input = parseOrThrow(saveWorkshopSchema, body, language);
  const id = event.pathParameters?.id ?? '';
  const item = await findWorkshop(staff.community, id);
  if (!item) throw workshopNotFound(language);

  const why = refusal('edit', staff, reviewStateOf(item), input.version);
  if (why) throw refusalError(why, language, await viewOf(item));
  const fixed = fixedFieldsError(item.draft.workshop, input.workshop, language);
  if (fixed) throw fixed;
  // A session keeps its id while it is the working copy's or the live version's.
  const known = [...item.draft.sessions, ...(item.live?.sessions ?? [])].map((session) => session.id);
  const { sessions, issues } = sessionsFor(
    input.sessions,
    item.draft.workshop.translationKey,
    known,
    randomId,
    language,
  );
  if (issues.length) throw new InvalidRequestError('invalid_request', { language, issues });

  const written = await writeWorkshop(item, planEdit(item, staff, new Date(), input.workshop, sessions));
  if (!written) {
    const fresh = await findWorkshop(staff.community, id);
    throw new ConflictError('stale_version', {
      language,
      ...(fresh ? { current: await viewOf(fresh) } : {}),
    });
  }
  return jsonResponse(200, await viewOf(written));
});
