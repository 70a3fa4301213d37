/**
 * POST /api/trainer/workshops/{id}/actions — a review step: a trainer submits; a reviewer sends
 * back (with a comment), publishes or unpublishes. Nobody reviews their own work (403
 * `own_workshop`). One optimistic-locked write and one audit step each; publishing and
 * unpublishing then ask for a rebuild of the public site.
 */
import { ConflictError, ForbiddenError } from '../domain/errors.ts';
import { hasRole } from '../domain/staff.ts';
import { reviewStateOf } from '../domain/workshop-record.ts';
import { refusalError, workshopNotFound } from '../domain/workshop-refusals.ts';
import { workshopActionSchema } from '../domain/workshop-requests.ts';
import { refusal, stepRoles } from '../domain/workshop-review.ts';
import { httpHandler } from '../http/handler.ts';
import { log } from '../http/log.ts';
import { parseOrThrow } from '../http/parse.ts';
import { readJsonBody } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { requireStaff } from '../http/staff.ts';
import { requestSiteBuild } from '../store/site-build.ts';
import { findWorkshop, viewOf } from '../store/workshops.ts';
import { writeWorkshop } from '../store/workshops-change.ts';
import { planStep } from '../store/workshops-plan.ts';

/** Lambda entry point. */
export const handler = httpHandler(async (event) => {
  const { body, language } = readJsonBody(event);
  const staff = requireStaff(event, ['trainer', 'reviewer'], language);
  const input = parseOrThrow(workshopActionSchema, body, language);
  if (!hasRole(staff, [stepRoles[input.action]])) throw new ForbiddenError(language);
  const id = event.pathParameters?.id ?? '';
  const item = await findWorkshop(staff.community, id);
  if (!item) throw workshopNotFound(language);

  const why = refusal(input.action, staff, reviewStateOf(item), input.version);
  if (why) throw refusalError(why, language, await viewOf(item));
  const now = new Date();
  const written = await writeWorkshop(item, planStep(item, staff, now, input.action, input.comment));
  if (!written) {
    const fresh = await findWorkshop(staff.community, id);
    throw new ConflictError('stale_version', {
      language,
      ...(fresh ? { current: await viewOf(fresh) } : {}),
    });
  }
  if (input.action === 'publish' || input.action === 'unpublish') {
    try {
      await requestSiteBuild(now);
    } catch (error) {
      // The step is stored and audited; answering 5xx now would tell the reviewer it wasn't. A
      // failed request leaves no build waiting; the next publish's request builds this one too.
      log('error', 'site build request failed', {
        route: event.routeKey,
        errorName: error instanceof Error ? error.name : 'unknown',
      });
    }
  }
  return jsonResponse(200, await viewOf(written));
});
