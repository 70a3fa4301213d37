/** GET /api/trainer/workshops — the community's workshops, last changed first, for trainers and reviewers. */
import { summaryOf } from '../domain/workshop-record.ts';
import { httpHandler } from '../http/handler.ts';
import { acceptedLanguage } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { requireStaff } from '../http/staff.ts';
import { listWorkshops } from '../store/workshops.ts';

/** Lambda entry point. */
export const handler = httpHandler(async (event) => {
  const staff = requireStaff(event, ['trainer', 'reviewer'], acceptedLanguage(event));
  const rows = await listWorkshops(staff.community);
  return jsonResponse(200, { workshops: rows.map(summaryOf) });
});
