/**
 * Scheduled every minute: sends each new urgent report's alert once, and one reminder when it is
 * still unacknowledged past its target. Messages carry the community and reference only. Each run
 * counts the urgent reports unacknowledged past the target (zero too, so the alarm has data): the
 * ones it reminds of now and the ones reminded of before that staff have not yet acknowledged.
 */
import { deployment } from '../config.ts';
import { alertText } from '../domain/alerts.ts';
import { log } from '../http/log.ts';
import { add, withMetrics } from '../http/metrics.ts';
import { publishAlert } from '../store/alert-topic.ts';
import { advanceAlert, alertsDue, recordAlert, remindedCount } from '../store/alerts.ts';

const name = (id: string) => deployment.communities.find((c) => c.id === id)?.name ?? { 'zh-CN': id, en: id };

const targetMs = deployment.sla.urgentAcknowledgeMinutes * 60_000;

/** Lambda entry point for the EventBridge schedule (the local runtime calls it on a timer). */
export function handler(): Promise<{ alerts: number; reminders: number }> {
  return withMetrics(dispatch);
}

async function dispatch(): Promise<{ alerts: number; reminders: number }> {
  const now = new Date();
  let alerts = 0;
  let reminders = 0;
  // Reports, by key: an alert pending since before the target (the job was down), and a due
  // reminder, which is exactly a report unacknowledged at its target; one report may be both.
  const pastTarget = new Set<string>();
  const pending = await alertsDue('pending', now);
  for (const due of pending) if (Date.parse(due.at) + targetMs <= now.getTime()) pastTarget.add(due.pk);
  for (const due of pending) {
    const { subject, message } = alertText('alert', name(due.community), due.ref);
    await publishAlert(subject, message);
    await recordAlert({ community: due.community, ref: due.ref, kind: 'alert', message, sentAt: now });
    const remindAt = new Date(Date.parse(due.at) + targetMs).toISOString();
    await advanceAlert(due.pk, 'pending', remindAt);
    log('info', 'urgent alert sent', {
      route: 'dispatch-alerts',
      code: 'alert',
      ref: due.ref,
      community: due.community,
    });
    alerts++;
  }
  const reminding = await alertsDue('sent', now);
  for (const due of reminding) pastTarget.add(due.pk);
  add('urgentUnacknowledged', pastTarget.size + (await remindedCount()));
  for (const due of reminding) {
    const { subject, message } = alertText('reminder', name(due.community), due.ref);
    await publishAlert(subject, message);
    await recordAlert({ community: due.community, ref: due.ref, kind: 'reminder', message, sentAt: now });
    await advanceAlert(due.pk, 'sent', now.toISOString());
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
