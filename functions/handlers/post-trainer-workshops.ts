/**
 * POST /api/trainer/workshops — a trainer starts a workshop, as a draft, with its sessions.
 * 409 `translation_key_taken` when the shipped curriculum or another workshop has its language
 * and key; nothing is written then, nor on any 4xx.
 */
import { ConflictError, ForbiddenError, InvalidRequestError } from '../domain/errors.ts';
import type { WorkshopAuditEntry, WorkshopRecord } from '../domain/workshop-record.ts';
import { workshopView } from '../domain/workshop-record.ts';
import { createWorkshopSchema, sessionsFor } from '../domain/workshop-requests.ts';
import { canCreate } from '../domain/workshop-review.ts';
import { httpHandler } from '../http/handler.ts';
import { parseOrThrow } from '../http/parse.ts';
import { readJsonBody } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { requireStaff } from '../http/staff.ts';
import { randomId } from '../store/workshops.ts';
import { createWorkshop } from '../store/workshops-create.ts';

/** Lambda entry point. */
export const handler = httpHandler(async (event) => {
  const { body, language } = readJsonBody(event);
  const staff = requireStaff(event, ['trainer', 'reviewer'], language);
  if (!canCreate(staff)) throw new ForbiddenError(language);
  const input = parseOrThrow(createWorkshopSchema, body, language);
  const { workshop } = input;
  const { sessions, issues } = sessionsFor(input.sessions, workshop.translationKey, [], randomId, language);
  if (issues.length) throw new InvalidRequestError('invalid_request', { language, issues });

  const now = new Date();
  const at = now.toISOString();
  const created: WorkshopAuditEntry = { at, by: staff.username, action: 'create', version: 1 };
  const record: WorkshopRecord = {
    id: randomId(),
    community: staff.community,
    status: 'draft',
    version: 1,
    draft: { workshop, sessions, handouts: [] },
    authorName: staff.username,
    editors: [staff.username],
    createdAt: at,
    updatedAt: at,
    lastEvent: created,
  };
  if ((await createWorkshop(record, now)) === 'key_taken') {
    throw new ConflictError('translation_key_taken', { language });
  }
  return jsonResponse(201, workshopView(record, [created]), {
    location: `/api/trainer/workshops/${record.id}`,
  });
});
