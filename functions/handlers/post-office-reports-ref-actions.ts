/**
 * POST /api/office/reports/{ref}/actions — acknowledge, set priority, assign, note, reply,
 * refer, mark duplicate, close or reopen. One optimistic-locked write and one audit event each.
 * 409 names the allowed moves, or carries the report as it now stands. Counts each action applied
 * by kind, and the first acknowledgement's seconds since the report arrived.
 */
import { deployment } from '../config.ts';
import { ConflictError, ForbiddenError, InvalidRequestError, NotFoundError } from '../domain/errors.ts';
import type { Language } from '../domain/languages.ts';
import { hasRole, reportRoles, type Staff } from '../domain/staff.ts';
import {
  type Action,
  actionAllowed,
  actionSchema,
  allowedMoves,
  leadOnlyActions,
} from '../domain/workflow.ts';
import { httpHandler } from '../http/handler.ts';
import { add, count } from '../http/metrics.ts';
import { reportView } from '../http/office-view.ts';
import { parseOrThrow } from '../http/parse.ts';
import { readJsonBody } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { requireStaff } from '../http/staff.ts';
import { linkDuplicate, plan, recordEvent, writeChange } from '../store/actions.ts';
import { findReport, reportItems } from '../store/office.ts';
import type { ReportItem } from '../store/reports.ts';
import { colleaguesOf } from '../store/staff-directory.ts';

const invalid = (language: Language, field: string, message: string) =>
  new InvalidRequestError('invalid_request', { language, issues: [{ path: [field], message }] });

/** Checks what the schema can't: the role, the assignee, the agency, the report a duplicate points to. */
async function check(action: Action, report: ReportItem, staff: Staff, language: Language) {
  const lead = hasRole(staff, ['lead']);
  if (leadOnlyActions.includes(action.action) && !lead) throw new ForbiddenError(language);
  if (action.action === 'assign') {
    if (action.assignee !== staff.username && !lead) throw new ForbiddenError(language);
    const colleagues = await colleaguesOf(staff.community);
    if (!colleagues.some((c) => c.username === action.assignee && hasRole(c, reportRoles))) {
      throw invalid(language, 'assignee', `${action.assignee}: not a colleague in this community's office`);
    }
  }
  if (action.action === 'refer') {
    const agencies = deployment.communities.find((c) => c.id === staff.community)?.agencies ?? [];
    if (!agencies.some((a) => a.id === action.agency))
      throw invalid(language, 'agency', `${action.agency}: not in the directory`);
  }
  if (action.action === 'duplicate') {
    const original = action.of === report.ref ? undefined : await findReport(staff.community, action.of);
    if (!original) throw invalid(language, 'of', `${action.of}: no other report with this reference`);
    return original;
  }
  return undefined;
}

/** Lambda entry point. */
export const handler = httpHandler(async (event) => {
  const { body, language } = readJsonBody(event);
  const staff = requireStaff(event, reportRoles, language);
  const action = parseOrThrow(actionSchema, body, language);
  const report = await findReport(staff.community, event.pathParameters?.ref ?? '');
  if (!report) throw new NotFoundError();
  const now = new Date();
  const current = async (fresh: ReportItem) =>
    reportView(fresh, await reportItems(fresh.pk), deployment.sla, now);

  if (action.expectedVersion !== report.version) {
    throw new ConflictError('stale_version', { language, current: await current(report) });
  }
  if (!actionAllowed(action, report.status)) {
    throw new ConflictError('invalid_transition', { language, allowed: allowedMoves(report.status) });
  }
  const original = await check(action, report, staff, language);
  const { change, event: audit } = plan(report, action, staff, now);
  if (!(await writeChange(report, action.expectedVersion, change))) {
    const fresh = await findReport(staff.community, report.ref);
    throw new ConflictError('stale_version', {
      language,
      ...(fresh ? { current: await current(fresh) } : {}),
    });
  }
  count('officeActions', { Action: action.action });
  if (action.action === 'acknowledge' && !report.acknowledgedAt)
    add('timeToAcknowledge', (now.getTime() - Date.parse(report.createdAt)) / 1000);
  await recordEvent(report.pk, audit);
  if (original) {
    await linkDuplicate(original, report.ref);
    await recordEvent(original.pk, {
      id: `${audit.id}-link`,
      at: audit.at,
      actor: staff.username,
      action: 'duplicate_linked',
      details: { duplicate: report.ref },
    });
  }
  const updated = await findReport(staff.community, report.ref);
  return jsonResponse(200, await current(updated ?? report));
});
