/**
 * Changing a workshop: saving its working copy, its handouts, or a review step (each planned in
 * workshops-plan.ts). Each is ONE optimistic-locked
 * write of the workshop (condition `version = :expected`; it sets the next version, `updatedAt`,
 * the index attributes and `lastEvent`), then its audit step, written only if absent. If the
 * process stops between the two, the audit step is written on the next read (`workshopAudit`).
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { WorkshopRecord } from '../domain/workshop-record.ts';
import { call, documentClient, isConditionFailure, tableName } from './client.ts';
import { derivedAttributes, recordAudit, type WorkshopItem, workshopKey } from './workshops.ts';

/** What a step may take away: a live snapshot and its index attributes. Nothing else is removed. */
const removable = ['live', 'liveVersion', 'publishedPk'];

/**
 * Writes `next` over `item` if nobody changed the workshop since `item.version`: every attribute
 * that differs is set (of the working copy, only the parts that changed), and a live snapshot
 * that is gone is removed. Returns the item as it now stands, or
 * undefined when someone changed it first. Then records the audit step.
 */
export async function writeWorkshop(
  item: WorkshopItem,
  next: WorkshopRecord,
): Promise<WorkshopItem | undefined> {
  const before: Record<string, unknown> = { ...item };
  const after: Record<string, unknown> = { ...next, ...derivedAttributes(next) };
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': item.version };
  const sets: string[] = [];
  const assign = (path: string, value: unknown) => {
    const ref = `:v${sets.length}`;
    values[ref] = value;
    sets.push(`${path} = ${ref}`);
  };
  Object.entries(after).forEach(([name, value], i) => {
    if (name === 'draft' || JSON.stringify(value) === JSON.stringify(before[name])) return;
    names[`#a${i}`] = name;
    assign(`#a${i}`, value);
  });
  for (const part of ['workshop', 'sessions', 'handouts'] as const) {
    if (JSON.stringify(next.draft[part]) === JSON.stringify(item.draft[part])) continue;
    names['#draft'] = 'draft';
    names[`#${part}`] = part;
    assign(`#draft.#${part}`, next.draft[part]);
  }
  const removes = removable
    .filter((name) => name in before && !(name in after))
    .map((name, i) => {
      names[`#r${i}`] = name;
      return `#r${i}`;
    });
  let written: WorkshopItem;
  try {
    const { Attributes } = await call(() =>
      documentClient.send(
        new UpdateCommand({
          TableName: tableName,
          Key: workshopKey(item.id),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    written = Attributes as WorkshopItem;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
  if (next.lastEvent) await recordAudit(next.id, next.lastEvent);
  return written;
}

export { planEdit, planHandouts, planStep } from './workshops-plan.ts';
