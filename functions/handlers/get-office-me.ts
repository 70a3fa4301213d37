/** GET /api/office/me — the signed-in staff member, their colleagues, agencies and targets. */
import { deployment } from '../config.ts';
import { staffRoles } from '../domain/staff.ts';
import { httpHandler } from '../http/handler.ts';
import { acceptedLanguage } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { requireStaff } from '../http/staff.ts';
import { colleaguesOf } from '../store/staff-directory.ts';

/** Lambda entry point. Every staff role may ask who it is. */
export const handler = httpHandler(async (event) => {
  const staff = requireStaff(event, staffRoles, acceptedLanguage(event));
  const community = deployment.communities.find((c) => c.id === staff.community);
  const colleagues = await colleaguesOf(staff.community);
  return jsonResponse(200, {
    username: staff.username,
    roles: staff.roles,
    community: {
      id: staff.community,
      name: community?.name ?? { 'zh-CN': staff.community, en: staff.community },
    },
    colleagues: colleagues
      .filter((person) => person.roles.some((role) => role === 'office' || role === 'lead'))
      .map(({ username, roles }) => ({ username, roles })),
    agencies: community?.agencies ?? [],
    sla: deployment.sla,
  });
});
