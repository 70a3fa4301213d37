/**
 * DELETE /api/trainer/workshops/{id}/handouts/{handout} — a trainer removes a handout from the
 * working copy. The item is written first, then the file is deleted, unless the live version
 * still shows it (it goes once a publish or an unpublish leaves nothing pointing at it).
 * 200 with the workshop as it now stands, as every trainer write answers.
 */
import { ForbiddenError } from '../domain/errors.ts';
import { handoutRefusalError } from '../domain/handout-files-refusals.ts';
import { hasRole } from '../domain/staff.ts';
import { stepRoles } from '../domain/workshop-review.ts';
import { httpHandler } from '../http/handler.ts';
import { log } from '../http/log.ts';
import { acceptedLanguage } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { requireStaff } from '../http/staff.ts';
import { changeHandouts, releaseHandoutFiles } from '../store/workshop-handouts.ts';
import { viewOf } from '../store/workshops.ts';

/** Lambda entry point. */
export const handler = httpHandler(async (event) => {
  const language = acceptedLanguage(event);
  const staff = requireStaff(event, ['trainer', 'reviewer'], language);
  if (!hasRole(staff, [stepRoles.edit])) throw new ForbiddenError(language);
  const id = event.pathParameters?.id ?? '';
  const handout = event.pathParameters?.handout ?? '';

  const outcome = await changeHandouts(staff, id, { remove: handout }, new Date());
  if ('refused' in outcome) {
    throw handoutRefusalError(outcome.refused, language, outcome.item && (await viewOf(outcome.item)));
  }
  try {
    await releaseHandoutFiles(outcome.before, outcome.written);
  } catch (error) {
    // The workshop no longer names the file; a file left behind is logged, not the trainer's problem.
    log('error', 'orphaned handout file', { errorName: error instanceof Error ? error.name : 'unknown' });
  }
  return jsonResponse(200, await viewOf(outcome.written));
});
