/**
 * GET /api/office/reports/{ref} — one report with its thread, notes, referrals and audit trail.
 * Opening it is itself audited. Another community's report is a 404, exactly like none.
 */
import { deployment } from '../config.ts';
import { NotFoundError } from '../domain/errors.ts';
import { reportRoles } from '../domain/staff.ts';
import { httpHandler } from '../http/handler.ts';
import { reportView } from '../http/office-view.ts';
import { acceptedLanguage } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { requireStaff } from '../http/staff.ts';
import { recordEvent, recordView } from '../store/actions.ts';
import { findReport, reportItems } from '../store/office.ts';

/** Lambda entry point. */
export const handler = httpHandler(async (event) => {
  const staff = requireStaff(event, reportRoles, acceptedLanguage(event));
  const report = await findReport(staff.community, event.pathParameters?.ref ?? '');
  if (!report) throw new NotFoundError();
  const now = new Date();
  // A change whose audit event was lost (the process stopped between the two writes) is
  // recorded now, from the event the change carried.
  if (report.lastEvent) await recordEvent(report.pk, report.lastEvent);
  await recordView(report, staff, now);
  return jsonResponse(200, await reportView(report, await reportItems(report.pk), deployment.sla, now));
});
