/** GET /api/office/stats — the lead's dashboard, from the month index: no report text is read. */
import { deployment } from '../config.ts';
import { dashboard } from '../domain/insights.ts';
import { httpHandler } from '../http/handler.ts';
import { acceptedLanguage } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { requireStaff } from '../http/staff.ts';
import { recentRows } from '../store/insights.ts';

/** Lambda entry point. Leads only. */
export const handler = httpHandler(async (event) => {
  const staff = requireStaff(event, ['lead'], acceptedLanguage(event));
  const now = new Date();
  const rows = await recentRows(staff.community, now, 4);
  return jsonResponse(200, dashboard(rows, deployment.sla, now));
});
