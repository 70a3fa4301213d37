/**
 * GET /api/trainer/workshops/{id} — one workshop: its working copy, sessions and handouts, its
 * live version, the comments and the audit trail. Another community's workshop is a 404, exactly
 * like none.
 */
import { workshopNotFound } from '../domain/workshop-refusals.ts';
import { httpHandler } from '../http/handler.ts';
import { acceptedLanguage } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { requireStaff } from '../http/staff.ts';
import { findWorkshop, viewOf } from '../store/workshops.ts';

/** Lambda entry point. */
export const handler = httpHandler(async (event) => {
  const language = acceptedLanguage(event);
  const staff = requireStaff(event, ['trainer', 'reviewer'], language);
  const item = await findWorkshop(staff.community, event.pathParameters?.id ?? '');
  if (!item) throw workshopNotFound(language);
  return jsonResponse(200, await viewOf(item));
});
