/** GET /api/trainer/site-build — where the public site's rebuild is, for the console after a publish. */
import { httpHandler } from '../http/handler.ts';
import { acceptedLanguage } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { requireStaff } from '../http/staff.ts';
import { siteBuildStatus } from '../store/site-build.ts';

/** Lambda entry point. */
export const handler = httpHandler(async (event) => {
  requireStaff(event, ['trainer', 'reviewer'], acceptedLanguage(event));
  return jsonResponse(200, await siteBuildStatus());
});
