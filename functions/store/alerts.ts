/**
 * Urgent alerts without content: the dispatcher's work list (the sparse `alerts` index), the
 * outbox records the console shows, and the alert state on each report. At least once: an alert
 * is sent before it is marked sent, so a crash between the two repeats it rather than loses it.
 * A report stays in the index, `reminded`, until staff acknowledge, merge or close it, so the
 * reports still waiting past their target can be counted every run.
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { call, conditionally, documentClient, queryPages, tableName } from './client.ts';
import { expiring } from './keys.ts';
import { keyPrefixes } from './tables.ts';

/** How long the outbox keeps what was sent. */
const outboxDays = 30;

/** An entry of the dispatcher's work list. */
export interface AlertDue {
  pk: string;
  ref: string;
  community: string;
  /** For a pending alert, when the report arrived; for a sent one, when its reminder is due. */
  at: string;
}

/** Reports whose alert is `pending`, or `sent` with the reminder due by `now`. */
export async function alertsDue(state: 'pending' | 'sent', now: Date): Promise<AlertDue[]> {
  const due: AlertDue[] = [];
  for await (const page of queryPages({
    IndexName: 'alerts',
    KeyConditionExpression: state === 'pending' ? 'alertPk = :state' : 'alertPk = :state AND alertSk <= :now',
    ExpressionAttributeValues: {
      ':state': state,
      ...(state === 'sent' ? { ':now': now.toISOString() } : {}),
    },
  })) {
    for (const item of page.Items ?? []) {
      due.push({
        pk: String(item.pk),
        ref: String(item.ref),
        community: String(item.community),
        at: String(item.alertSk),
      });
    }
  }
  return due;
}

/**
 * Moves a report's alert on: `pending` → `sent` (its reminder due at `at`), or `sent` → `reminded`
 * (at `at`, when the reminder went). Only staff take a report out of the index.
 */
export function advanceAlert(pk: string, from: 'pending' | 'sent', at: string): Promise<boolean> {
  return conditionally(() =>
    documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk, sk: 'REPORT' },
        UpdateExpression: 'SET alertPk = :to, alertSk = :at',
        ConditionExpression: 'alertPk = :from',
        ExpressionAttributeValues: {
          ':from': from,
          ':to': from === 'pending' ? 'sent' : 'reminded',
          ':at': at,
        },
      }),
    ),
  );
}

/** How many urgent reports were reminded of and are still unacknowledged. */
export async function remindedCount(): Promise<number> {
  let count = 0;
  for await (const page of queryPages({
    IndexName: 'alerts',
    KeyConditionExpression: 'alertPk = :reminded',
    ExpressionAttributeValues: { ':reminded': 'reminded' },
    Select: 'COUNT',
  })) {
    count += page.Count ?? 0;
  }
  return count;
}

/** Keeps a copy of what was sent in the community's outbox, for 30 days. */
export async function recordAlert(alert: {
  community: string;
  ref: string;
  kind: 'alert' | 'reminder';
  message: string;
  sentAt: Date;
}) {
  const sentAt = alert.sentAt.toISOString();
  await call(() =>
    documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: `${keyPrefixes.alert}${alert.community}`,
          sk: `${sentAt}#${alert.ref}#${alert.kind}`,
          type: 'alert',
          ref: alert.ref,
          kind: alert.kind,
          message: alert.message,
          sentAt,
          ...expiring(new Date(alert.sentAt.getTime() + outboxDays * 86_400_000)),
        },
      }),
    ),
  );
}

/** The community's outbox, newest first. */
export async function outbox(community: string, limit = 50): Promise<Record<string, unknown>[]> {
  for await (const page of queryPages({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': `${keyPrefixes.alert}${community}` },
    ScanIndexForward: false,
    Limit: limit,
  })) {
    return page.Items ?? [];
  }
  return [];
}
