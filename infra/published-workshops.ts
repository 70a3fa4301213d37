/**
 * The export the site build reads: every live workshop snapshot from the table's sparse
 * `published` index, as `{ workshops, sessions, files }` JSON for the workshops loader
 * (`HUTONG_PUBLISHED_WORKSHOPS`), with each handout's bytes copied beside it. Reads the table and
 * the uploads store; writes only into the folder it is given.
 *
 * CLI: `tsx infra/published-workshops.ts <folder>` (env `TABLE_NAME`, `UPLOADS`, and in AWS the
 * region; `DYNAMODB_ENDPOINT` locally) prints the export's path.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type HandoutFileType, handoutExtensions } from '../site/src/lib/workshops/files.ts';

/** A handout as a live snapshot keeps it: `key` is where its bytes are in the uploads store. */
interface LiveHandout {
  id: string;
  name: string;
  type: string;
  bytes: number;
  key: string;
}

/** A workshop item as the `published` index projects it (docs/workshop-publishing.md). */
export interface PublishedItem {
  id: string;
  live: {
    workshop: { language: string; translationKey: string } & Record<string, unknown>;
    sessions: Record<string, unknown>[];
    handouts?: LiveHandout[];
  };
}

/** A handout file as the loader reads it: `path` is relative to the export's folder. */
export interface ExportedFile {
  workshop: string;
  language: string;
  id: string;
  name: string;
  type: string;
  bytes: number;
  path: string;
}

/** The export's file name inside its folder. */
export const exportFileName = 'published.json';

/**
 * Writes the export of `items` into `folder`, reading each handout's bytes with `read`; returns
 * the export's path and what it holds.
 * @example await writeExport('/tmp/export', items, (key) => readUpload(key))
 */
export async function writeExport(
  folder: string,
  items: readonly PublishedItem[],
  read: (key: string) => Promise<Uint8Array>,
): Promise<{ file: string; workshops: number; sessions: number; files: number }> {
  const workshops: unknown[] = [];
  const sessions: unknown[] = [];
  const files: ExportedFile[] = [];
  for (const { id, live } of [...items].sort((a, b) => a.id.localeCompare(b.id))) {
    workshops.push(live.workshop);
    sessions.push(...live.sessions);
    const { language, translationKey } = live.workshop;
    for (const handout of live.handouts ?? []) {
      const extension = handoutExtensions[handout.type as HandoutFileType];
      if (!extension)
        throw new Error(`workshop ${id}: handout ${handout.id} has an unknown type ${handout.type}`);
      const path = `files/${language}/${translationKey}/${handout.id}.${extension}`;
      await mkdir(dirname(join(folder, path)), { recursive: true });
      await writeFile(join(folder, path), await read(handout.key));
      const { name, type, bytes } = handout;
      files.push({ workshop: translationKey, language, id: handout.id, name, type, bytes, path });
    }
  }
  const file = join(folder, exportFileName);
  await mkdir(folder, { recursive: true });
  await writeFile(file, `${JSON.stringify({ workshops, sessions, files }, null, 2)}\n`);
  return { file, workshops: workshops.length, sessions: sessions.length, files: files.length };
}

/** Every live workshop, through the sparse `published` index (one Query, every page). */
export async function publishedItems(): Promise<PublishedItem[]> {
  const { queryPages } = await import('../functions/store/client.ts');
  const items: PublishedItem[] = [];
  for await (const page of queryPages({
    IndexName: 'published',
    KeyConditionExpression: 'publishedPk = :published',
    ExpressionAttributeValues: { ':published': 'published' },
  })) {
    items.push(...((page.Items ?? []) as PublishedItem[]));
  }
  return items;
}

/** Whether any workshop is live: one item of the `published` index, read once. */
export async function anyPublished(): Promise<boolean> {
  const { call, documentClient, tableName } = await import('../functions/store/client.ts');
  const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const page = await call(() =>
    documentClient.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'published',
        KeyConditionExpression: 'publishedPk = :published',
        ExpressionAttributeValues: { ':published': 'published' },
        Limit: 1,
      }),
    ),
  );
  return (page.Count ?? 0) > 0;
}

/**
 * Exports what is published now, from the table and the uploads store the environment names.
 * @example const { file } = await exportPublished('/tmp/hutong-export');
 */
export async function exportPublished(folder: string): ReturnType<typeof writeExport> {
  const { readUpload } = await import('../functions/store/uploads.ts');
  return writeExport(folder, await publishedItems(), readUpload);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2];
  if (!folder) throw new Error('usage: tsx infra/published-workshops.ts <folder>');
  const done = await exportPublished(resolve(folder));
  console.log(`${done.file}: ${done.workshops} workshops, ${done.sessions} sessions, ${done.files} files`);
}
