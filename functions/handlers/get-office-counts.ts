/** GET /api/office/counts — how many of the community's reports are in each status (no table scan). */
import { reportRoles } from '../domain/staff.ts';
import { httpHandler } from '../http/handler.ts';
import { acceptedLanguage } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { requireStaff } from '../http/staff.ts';
import { countsByStatus } from '../store/office.ts';

/** Lambda entry point. */
export const handler = httpHandler(async (event) => {
  const staff = requireStaff(event, reportRoles, acceptedLanguage(event));
  return jsonResponse(200, await countsByStatus(staff.community));
});
