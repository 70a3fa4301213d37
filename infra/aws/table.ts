/**
 * The portal's DynamoDB table, derived from the one table definition in `functions/store`.
 * `tableProps` is the converter; `PortalTable` adds the settings every deployment must have.
 */
import { Annotations, RemovalPolicy } from 'aws-cdk-lib';
import {
  type Attribute,
  AttributeType,
  Billing,
  type GlobalSecondaryIndexPropsV2,
  ProjectionType,
  TableEncryptionV2,
  type TablePropsV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import type { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { TableDefinition } from '../../functions/store/tables.ts';
import { DataKey } from './data-key.ts';

type KeyAttribute = TableDefinition['partitionKey'];

function attribute(key: KeyAttribute): Attribute {
  return { name: key.name, type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER };
}

function index(definition: TableDefinition['indexes'][number]): GlobalSecondaryIndexPropsV2 {
  return {
    indexName: definition.name,
    partitionKey: attribute(definition.partitionKey),
    ...(definition.sortKey ? { sortKey: attribute(definition.sortKey) } : {}),
    ...(definition.include.length > 0
      ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...definition.include] }
      : { projectionType: ProjectionType.KEYS_ONLY }),
  };
}

/**
 * The indexes to build: all of them, or, while an existing table is upgraded one index per
 * deploy (DynamoDB creates or deletes one index per table update), only those named.
 */
function indexesToBuild(
  definition: TableDefinition,
  onlyIndexes?: readonly string[],
): TableDefinition['indexes'] {
  if (onlyIndexes === undefined) return definition.indexes;
  const unknown = onlyIndexes.filter((name) => !definition.indexes.some((i) => i.name === name));
  if (unknown.length > 0) {
    throw new Error(`hutong:onlyIndexes names no index of ${definition.id}: ${unknown.join(', ')}`);
  }
  return definition.indexes.filter((i) => onlyIndexes.includes(i.name));
}

/**
 * The `TableV2` props for a table definition: its keys, indexes and TTL, plus the settings that
 * protect reports: point-in-time recovery (any second of the last 35 days can be restored, the
 * restore drill in docs/operations.md), deletion protection, and retention on stack delete.
 * Encryption is the stack's data key, which `PortalTable` adds. `onlyIndexes` is for upgrades
 * (docs/deploy.md, Adding indexes to a deployed table).
 */
export function tableProps(
  definition: TableDefinition,
  onlyIndexes?: readonly string[],
): Omit<TablePropsV2, 'encryption'> {
  return {
    partitionKey: attribute(definition.partitionKey),
    sortKey: attribute(definition.sortKey),
    globalSecondaryIndexes: indexesToBuild(definition, onlyIndexes).map(index),
    // A backstop only: the scheduled purge is what enforces retention (TTL lags by hours).
    timeToLiveAttribute: definition.ttlAttribute,
    billing: Billing.onDemand(),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    // Reports outlive any stack: deleting the stack must never delete them.
    removalPolicy: RemovalPolicy.RETAIN,
  };
}

/** A table built from its definition, remembering the definition for grants and env vars. */
export class PortalTable extends Construct {
  /** The DynamoDB table. */
  readonly table: TableV2;
  /** The definition the table was built from. */
  readonly definition: TableDefinition;

  constructor(
    scope: Construct,
    definition: TableDefinition,
    options: { onlyIndexes?: readonly string[] } = {},
  ) {
    super(scope, definition.id);
    this.definition = definition;
    this.table = new TableV2(this, 'table', {
      ...tableProps(definition, options.onlyIndexes),
      // The stack's own key, not aws/dynamodb: its policy says who may use it, and a person who
      // can read the table through DynamoDB still needs it (CloudTrail shows every use).
      encryption: TableEncryptionV2.customerManagedKey(DataKey.of(this).key),
    });
    if (options.onlyIndexes !== undefined) {
      Annotations.of(this).addWarningV2(
        'hutong:onlyIndexes',
        `Only these indexes are built: ${options.onlyIndexes.join(', ') || 'none'}. For upgrades only; ` +
          'deploy without hutong:onlyIndexes once every index exists.',
      );
    }
  }

  /**
   * What every user of the table needs of the data key: DynamoDB decrypts the table's own key
   * with the caller's permission, for this table only (its encryption context names the table).
   */
  keyStatement(): PolicyStatement {
    return DataKey.of(this).viaStatement('dynamodb', ['kms:Decrypt'], {
      'aws:dynamodb:tableName': this.table.tableName,
    });
  }

  /**
   * The ARN of one named index: grants name the index they read, never `index/*`. Throws when the
   * definition has no such index, so a typo in a grant fails the synth instead of the first query.
   */
  indexArn(name: string): string {
    if (!this.definition.indexes.some((index) => index.name === name)) {
      throw new Error(`Table ${this.definition.id} has no index named ${name}`);
    }
    return `${this.table.tableArn}/index/${name}`;
  }
}
