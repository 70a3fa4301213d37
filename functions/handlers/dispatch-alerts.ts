/**
 * Scheduled every minute: sends each new urgent report's alert once, and one reminder when it is
 * still unacknowledged past its target. Messages carry the community and reference only.
 */
import { deployment } from '../config.ts';
import { alertText } from '../domain/alerts.ts';
import { log } from '../http/log.ts';
import { publishAlert } from '../store/alert-topic.ts';
import { advanceAlert, alertsDue, recordAlert } from '../store/alerts.ts';

const name = (id: string) => deployment.communities.find((c) => c.id === id)?.name ?? { 'zh-CN': id, en: id };

/** Lambda entry point for the EventBridge schedule (the local runtime calls it on a timer). */
export async function handler(): Promise<{ alerts: number; reminders: number }> {
  const now = new Date();
  let alerts = 0;
  let reminders = 0;
  for (const due of await alertsDue('pending', now)) {
    const { subject, message } = alertText('alert', name(due.community), due.ref);
    await publishAlert(subject, message);
    await recordAlert({ community: due.community, ref: due.ref, kind: 'alert', message, sentAt: now });
    const remindAt = new Date(
      Date.parse(due.at) + deployment.sla.urgentAcknowledgeMinutes * 60_000,
    ).toISOString();
    await advanceAlert(due.pk, 'pending', remindAt);
    log('info', 'urgent alert sent', {
      route: 'dispatch-alerts',
      code: 'alert',
      ref: due.ref,
      community: due.community,
    });
    alerts++;
  }
  for (const due of await alertsDue('sent', now)) {
    const { subject, message } = alertText('reminder', name(due.community), due.ref);
    await publishAlert(subject, message);
    await recordAlert({ community: due.community, ref: due.ref, kind: 'reminder', message, sentAt: now });
    await advanceAlert(due.pk, 'sent');
    log('info', 'urgent reminder sent', {
      route: 'dispatch-alerts',
      code: 'reminder',
      ref: due.ref,
      community: due.community,
    });
    reminders++;
  }
  return { alerts, reminders };
}
