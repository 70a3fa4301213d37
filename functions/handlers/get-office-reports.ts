/**
 * GET /api/office/reports — one page of the community's queue: open reports by priority, then
 * oldest first; or, with `?status=`, the reports in that status. One Query per page.
 */
import * as z from 'zod/mini';
import { deployment } from '../config.ts';
import { categories, childAgeBands } from '../domain/report.ts';
import { reportRoles } from '../domain/staff.ts';
import { officeStatuses } from '../domain/status.ts';
import { httpHandler } from '../http/handler.ts';
import { queueItem } from '../http/office-view.ts';
import { parseOrThrow } from '../http/parse.ts';
import { acceptedLanguage } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { requireStaff } from '../http/staff.ts';
import { queuePage } from '../store/office.ts';

const querySchema = z.strictObject({
  status: z.optional(z.enum(officeStatuses)),
  category: z.optional(z.enum(categories)),
  ageBand: z.optional(z.enum(childAgeBands)),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
  limit: z.optional(z.pipe(z.string().check(z.regex(/^\d{1,3}$/)), z.transform(Number))),
});

/** Lambda entry point. */
export const handler = httpHandler(async (event) => {
  const language = acceptedLanguage(event);
  const staff = requireStaff(event, reportRoles, language);
  const query = parseOrThrow(querySchema, event.queryStringParameters ?? {}, language);
  const now = new Date();
  const page = await queuePage(staff.community, query, {
    cursor: query.cursor,
    limit: Math.min(Math.max(query.limit ?? 25, 1), 100),
    language,
  });
  return jsonResponse(200, {
    items: page.items.map((row) => queueItem(row, deployment.sla, now)),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  });
});
