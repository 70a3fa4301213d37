/** GET /api/office/alerts — the community's urgent alerts and reminders as they were sent, newest first. */
import { reportRoles } from '../domain/staff.ts';
import { httpHandler } from '../http/handler.ts';
import { acceptedLanguage } from '../http/request.ts';
import { jsonResponse } from '../http/response.ts';
import { requireStaff } from '../http/staff.ts';
import { outbox } from '../store/alerts.ts';

/** Lambda entry point. */
export const handler = httpHandler(async (event) => {
  const staff = requireStaff(event, reportRoles, acceptedLanguage(event));
  const items = await outbox(staff.community);
  return jsonResponse(200, {
    items: items.map((item) => ({
      ref: String(item.ref),
      kind: item.kind === 'reminder' ? 'reminder' : 'alert',
      sentAt: String(item.sentAt),
      message: String(item.message),
    })),
  });
});
