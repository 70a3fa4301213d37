/**
 * Starting a workshop: reserve its language and translation key, then write it, then its audit
 * step. dynalite has no transactions, so these are ordered single-item writes, each conditional,
 * and safe if the process stops between any two:
 * - after the reservation only: the key points at a workshop that doesn't exist. Once the
 *   reservation is older than any request can run, the next workshop with that key takes it over
 *   (conditionally, so only one does);
 * - after the workshop: it carries its audit step as `lastEvent`, written on the next read.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { isCurriculumKey } from '../domain/curriculum-keys.ts';
import type { Language } from '../domain/languages.ts';
import type { WorkshopRecord } from '../domain/workshop-record.ts';
import { call, conditionally, documentClient, tableName } from './client.ts';
import { keyPrefixes } from './tables.ts';
import { derivedAttributes, recordAudit, workshopKey } from './workshops.ts';

/**
 * How long a reservation waits for its workshop before it counts as abandoned: six times the
 * longest a route function runs (10 s), so a create still in flight is never overtaken.
 */
const abandonedAfterMs = 60_000;

/** The item that reserves a language and translation key for one workshop. */
function reservationKey(language: Language, translationKey: string): { pk: string; sk: 'WORKSHOPKEY' } {
  return { pk: `${keyPrefixes.workshopKey}${language}#${translationKey}`, sk: 'WORKSHOPKEY' };
}

/** Reserves the key for `workshopId`; false when another workshop has it. */
async function reserve(language: Language, translationKey: string, workshopId: string, now: Date) {
  const Key = reservationKey(language, translationKey);
  const Item = { ...Key, type: 'workshop-key', workshopId, reservedAt: now.toISOString() };
  const put = (condition: string, values?: Record<string, unknown>) =>
    conditionally(() =>
      documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item,
          ConditionExpression: condition,
          ...(values ? { ExpressionAttributeValues: values } : {}),
        }),
      ),
    );
  if (await put('attribute_not_exists(pk)')) return true;

  // Taken: by a workshop, by a create in flight, or by a create that stopped halfway.
  const held = (
    await call(() => documentClient.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true })))
  ).Item as { workshopId: string; reservedAt: string } | undefined;
  if (!held) return put('attribute_not_exists(pk)');
  const holder = await call(() =>
    documentClient.send(
      new GetCommand({ TableName: tableName, Key: workshopKey(held.workshopId), ConsistentRead: true }),
    ),
  );
  if (holder.Item) return false;
  if (now.getTime() - Date.parse(held.reservedAt) < abandonedAfterMs) return false;
  return put('workshopId = :abandoned', { ':abandoned': held.workshopId });
}

/**
 * Writes a new workshop (version 1, with its `create` step as `lastEvent`), unless its language
 * and translation key belong to the shipped curriculum or to another workshop: then nothing is
 * written and the answer is `key_taken`.
 */
export async function createWorkshop(record: WorkshopRecord, now: Date): Promise<'created' | 'key_taken'> {
  const { language, translationKey } = record.draft.workshop;
  if (isCurriculumKey(language, translationKey)) return 'key_taken';
  if (!(await reserve(language, translationKey, record.id, now))) return 'key_taken';
  await call(() =>
    documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...record, ...derivedAttributes(record) },
        // The id is 96 random bits; the condition makes a collision an error, never an overwrite.
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
  if (record.lastEvent) await recordAudit(record.id, record.lastEvent);
  return 'created';
}
