/** The thread between the office and a reporter: one item per message under the report's key. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { MessageAuthor } from '../domain/followup.ts';
import { conditionally, documentClient, queryPages, tableName } from './client.ts';
import { messageKey, messagePrefix, reportKey } from './keys.ts';

/** A message as stored. Internal notes are other items and never come back from here. */
export interface MessageItem {
  pk: string;
  sk: string;
  type: 'message';
  from: MessageAuthor;
  body: string;
  sentAt: string;
}

/** Every message of a report's thread, oldest first. */
export async function listThread(receiptHash: string): Promise<MessageItem[]> {
  const messages: MessageItem[] = [];
  for await (const page of queryPages({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': reportKey(receiptHash).pk, ':prefix': messagePrefix },
    ConsistentRead: true,
  })) {
    messages.push(...((page.Items ?? []) as MessageItem[]));
  }
  return messages;
}

/** Adds a message unless the same one (same time and id) is already there: retries don't repeat it. */
export function putMessage(
  receiptHash: string,
  message: { from: MessageAuthor; body: string; sentAt: string; id: string },
): Promise<boolean> {
  return conditionally(() =>
    documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...messageKey(receiptHash, message.sentAt, message.id),
          type: 'message',
          from: message.from,
          body: message.body,
          sentAt: message.sentAt,
        } satisfies MessageItem,
        ConditionExpression: 'attribute_not_exists(sk)',
      }),
    ),
  );
}
