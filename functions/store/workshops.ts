/**
 * Trainers' workshops in the one table (docs/workshop-publishing.md, "Storage"): the item's keys
 * and index attributes, reading one workshop with its audit trail, and a community's list.
 * Another community's workshop reads as none.
 */
import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { WorkshopView } from '../domain/workshop-contract.ts';
import {
  type WorkshopAuditEntry,
  type WorkshopListRow,
  type WorkshopRecord,
  workshopView,
} from '../domain/workshop-record.ts';
import { call, conditionally, documentClient, queryPages, tableName } from './client.ts';
import { keyPrefixes } from './tables.ts';

/** A workshop item: the record, its keys, and the attributes its indexes read. */
export interface WorkshopItem extends WorkshopRecord, WorkshopListRow {
  pk: string;
  sk: 'WORKSHOP';
  type: 'workshop';
  /** The `workshops` index: the community, and `<updatedAt>#<id>`. */
  listPk: string;
  listSk: string;
  /** The sparse `published` index: `published`, only while a version is live. */
  publishedPk?: 'published';
}

/** The shape a workshop id has; anything else is no workshop (and never reaches the database). */
const workshopIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** A workshop's key. */
export function workshopKey(id: string): { pk: string; sk: 'WORKSHOP' } {
  return { pk: `${keyPrefixes.workshop}${id}`, sk: 'WORKSHOP' };
}

/** Sort-key prefix of a workshop's audit steps. */
const auditPrefix = 'AUDIT#';

/** An audit step's sort key, `AUDIT#<at>#<version>`: in time order, unique per version. */
export function auditSortKey(entry: WorkshopAuditEntry): string {
  return `${auditPrefix}${entry.at}#${String(entry.version).padStart(8, '0')}`;
}

/** The attributes of the item that derive from the record: keys and what the indexes read. */
export function derivedAttributes(record: WorkshopRecord): Omit<WorkshopItem, keyof WorkshopRecord> {
  const { workshop } = record.draft;
  return {
    ...workshopKey(record.id),
    type: 'workshop',
    listPk: record.community,
    listSk: `${record.updatedAt}#${record.id}`,
    title: workshop.title,
    language: workshop.language,
    audience: workshop.audience,
    ...(record.live ? { liveVersion: record.live.version, publishedPk: 'published' as const } : {}),
  };
}

/** Writes an audit step if it isn't there yet; safe to repeat. */
export async function recordAudit(id: string, entry: WorkshopAuditEntry): Promise<void> {
  const { pk } = workshopKey(id);
  await conditionally(() =>
    documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: { pk, sk: auditSortKey(entry), type: 'workshop-audit', ...entry },
        ConditionExpression: 'attribute_not_exists(sk)',
      }),
    ),
  );
}

/** The workshop with this id, if it belongs to `community`. */
export async function findWorkshop(community: string, id: string): Promise<WorkshopItem | undefined> {
  if (!workshopIdPattern.test(id)) return undefined;
  const read = await call(() =>
    documentClient.send(new GetCommand({ TableName: tableName, Key: workshopKey(id), ConsistentRead: true })),
  );
  const item = read.Item as WorkshopItem | undefined;
  return item?.community === community ? item : undefined;
}

/**
 * A workshop's audit trail, oldest first. When the step that made the current version is
 * missing (the process stopped between the change and its audit item), it is written now.
 */
export async function workshopAudit(item: WorkshopItem): Promise<WorkshopAuditEntry[]> {
  const entries: WorkshopAuditEntry[] = [];
  for await (const page of queryPages({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
    ExpressionAttributeValues: { ':pk': item.pk, ':audit': auditPrefix },
    ConsistentRead: true,
  })) {
    for (const { at, by, action, comment, version } of page.Items ?? []) {
      entries.push({ at, by, action, version, ...(comment ? { comment } : {}) });
    }
  }
  const last = item.lastEvent;
  if (last && !entries.some((entry) => entry.version === last.version && entry.at === last.at)) {
    await recordAudit(item.id, last);
    entries.push(last);
  }
  return entries;
}

/** The community's workshops as the `workshops` index projects them, last changed first. */
export async function listWorkshops(community: string): Promise<WorkshopListRow[]> {
  const rows: WorkshopListRow[] = [];
  for await (const page of queryPages({
    IndexName: 'workshops',
    KeyConditionExpression: 'listPk = :community',
    ExpressionAttributeValues: { ':community': community },
    ScanIndexForward: false,
  })) {
    rows.push(...((page.Items ?? []) as WorkshopListRow[]));
  }
  return rows;
}

/** The console's view of a workshop, with its audit trail. */
export async function viewOf(item: WorkshopItem): Promise<WorkshopView> {
  return workshopView(item, await workshopAudit(item));
}

/**
 * A new id for a workshop or a session: 96 random bits, URL-safe.
 * @example randomId() // 'pV3c0n1Yq2XbT9aK'
 */
export function randomId(): string {
  return randomBytes(12).toString('base64url');
}
