/**
 * The one table definition. The CDK stack and the local runtime both derive their table from
 * this data; nothing else describes the table. No AWS calls here.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

/** A global secondary index of the table. */
export interface IndexDefinition {
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  /** Attributes copied into the index besides the keys; empty means keys only. */
  include: readonly string[];
}

/** A table as data. */
export interface TableDefinition {
  /** Logical id: the CDK construct id and the local table name. */
  id: string;
  /** The environment variable that carries the table's name to functions. */
  envVar: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  indexes: readonly IndexDefinition[];
  /** A numeric epoch-seconds attribute DynamoDB may use as a TTL backstop; purges never rely on it. */
  ttlAttribute: string;
}

/** The partition-key prefix of each kind of item; IAM grants are scoped by them. */
export const keyPrefixes = {
  /** A report and its thread: `REPORT#<receipt hash>`. */
  report: 'REPORT#',
  /** An idempotency record: `IDEM#<derived name>`. */
  idempotency: 'IDEM#',
  /** A used proof of work: `POW#<challenge nonce>`. */
  proof: 'POW#',
  /** The non-identifying record retention keeps of a deleted report: `STAT#<community>`. */
  statistic: 'STAT#',
  /** An urgent alert as sent, for the console's outbox: `ALERT#<community>`. */
  alert: 'ALERT#',
  /** A trainer's workshop, its working copy, live snapshot and audit: `WORKSHOP#<id>`. */
  workshop: 'WORKSHOP#',
  /** A workshop's language and translation key, reserved for it: `WORKSHOPKEY#<lang>#<key>`. */
  workshopKey: 'WORKSHOPKEY#',
  /** The site build's request and state: `SITEBUILD#site`. */
  siteBuild: 'SITEBUILD#',
} as const;

/** What a queue row or a status filter shows of a report: no text, no contact. */
const listedFields = [
  'ref',
  'status',
  'urgent',
  'priority',
  'categories',
  'childAgeBand',
  'createdAt',
  'updatedAt',
  'reporterUpdatedAt',
  'assignee',
  'acknowledgedAt',
  'firstReplyAt',
  'closedAt',
] as const;

/**
 * The single table. Items by key:
 * - `REPORT#<receipt hash>` / `REPORT`: a report; found by receipt in one GetItem.
 * - `REPORT#<receipt hash>` / `MSG#<sent at>#<id>`: a message between the office and the reporter.
 * - `IDEM#<derived name>` / `IDEM`: an idempotency record, kept at least 24 hours.
 * - `POW#<nonce>` / `POW`: a used proof of work, kept until its challenge expires.
 * - `REPORT#<receipt hash>` / `NOTE#…`, `AUDIT#…`, `REFERRAL#…`: the office's notes, audit
 *   events and referrals, which the reporter's follow-up never reads.
 * - `STAT#<community>` / `<ref>`: what retention keeps of a deleted report: no text, no contact.
 * - `ALERT#<community>` / `<sent at>#<ref>`: an urgent alert as sent, expiring after 30 days.
 * - `WORKSHOP#<id>` / `WORKSHOP`, `AUDIT#…`: a trainer's workshop and its review trail
 *   (docs/workshop-publishing.md); `WORKSHOPKEY#<lang>#<key>` / `WORKSHOPKEY`: its reserved key.
 * - `SITEBUILD#site` / `SITEBUILD`: the last build requested and started, in AWS.
 */
export const mainTable = {
  id: 'reports',
  envVar: 'TABLE_NAME',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  indexes: [
    {
      // The office queue: one community's open reports (closing removes a report from it),
      // by priority, then oldest first. One Query per page, whatever the table's size.
      name: 'queue',
      partitionKey: { name: 'queuePk', type: 'S' },
      sortKey: { name: 'queueSk', type: 'S' },
      include: listedFields,
    },
    {
      // One community's reports in one status, by when they entered it: the counts per status,
      // the status filter, and retention's closed reports oldest first.
      name: 'by-status',
      partitionKey: { name: 'statusPk', type: 'S' },
      sortKey: { name: 'statusSk', type: 'S' },
      include: listedFields,
    },
    {
      // One community's reports by the month they arrived, and the statistics retention keeps of
      // deleted ones: the dashboard, the export and the public transparency figures. No text.
      name: 'by-month',
      partitionKey: { name: 'monthPk', type: 'S' },
      sortKey: { name: 'monthSk', type: 'S' },
      include: [
        'ref',
        'status',
        'urgent',
        'categories',
        'childAgeBand',
        'reporterRole',
        'createdAt',
        'acknowledgedAt',
        'firstReplyAt',
        'closedAt',
        'outcome',
        'referralAgencies',
      ],
    },
    {
      // Urgent reports whose alert is pending, or sent and awaiting acknowledgement: the
      // dispatcher's work list, by when each is due.
      name: 'alerts',
      partitionKey: { name: 'alertPk', type: 'S' },
      sortKey: { name: 'alertSk', type: 'S' },
      include: ['ref', 'community'],
    },
    {
      // Staff look a report up by its office reference; eventual consistency is fine for them.
      name: 'by-ref',
      partitionKey: { name: 'ref', type: 'S' },
      include: [],
    },
    {
      // Reports by the clock hour they arrived, `<community>#<channel>#…`: the hourly caps count
      // here with Select COUNT, without reading a single report.
      name: 'hourly',
      partitionKey: { name: 'hourlyPk', type: 'S' },
      sortKey: { name: 'hourlySk', type: 'S' },
      include: [],
    },
    {
      // One community's workshops for the trainer console, last changed first.
      name: 'workshops',
      partitionKey: { name: 'listPk', type: 'S' },
      sortKey: { name: 'listSk', type: 'S' },
      include: [
        'id',
        'status',
        'version',
        'updatedAt',
        'authorName',
        'title',
        'language',
        'audience',
        'liveVersion',
      ],
    },
    {
      // Sparse: the workshops that are live, with their live snapshot, for the site build.
      name: 'published',
      partitionKey: { name: 'publishedPk', type: 'S' },
      sortKey: { name: 'id', type: 'S' },
      include: ['community', 'live'],
    },
    {
      // Records that expire, by the hour they expire: the purge finds them without a scan.
      name: 'expiry',
      partitionKey: { name: 'expiryBucket', type: 'S' },
      sortKey: { name: 'pk', type: 'S' },
      include: [],
    },
  ],
  ttlAttribute: 'ttl',
} as const satisfies TableDefinition;

/** Every table of the portal. */
export const tables: readonly TableDefinition[] = [mainTable];

/** The `CreateTable` input for a definition, as the local runtime creates it. */
export function createTableInput(table: TableDefinition, tableName: string): CreateTableCommandInput {
  const keys = [
    table.partitionKey,
    table.sortKey,
    ...table.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  const attributes = new Map(keys.filter((k) => k !== undefined).map((k) => [k.name, k.type]));
  const keySchema = (pk: KeyAttribute, sk?: KeyAttribute) => [
    { AttributeName: pk.name, KeyType: 'HASH' as const },
    ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' as const }] : []),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType,
    })),
    KeySchema: keySchema(table.partitionKey, table.sortKey),
    GlobalSecondaryIndexes: table.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: keySchema(index.partitionKey, index.sortKey),
      Projection:
        index.include.length > 0
          ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.include] }
          : { ProjectionType: 'KEYS_ONLY' },
    })),
  };
}
