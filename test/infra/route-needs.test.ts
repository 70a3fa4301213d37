import { describe, expect, it } from 'vitest';
import { tableActions } from '../../functions/routes.ts';
import { environmentNames, needsReceiptSalt, tableGrant } from '../../infra/aws/route-needs.ts';

describe('tableGrant', () => {
  it('grants writers the table only, so no index can be read', () => {
    // Act
    const grant = tableGrant({ table: 'write' });
    // Assess
    expect(grant).toEqual({ table: [...tableActions.write], indexes: [] });
  });

  it('grants readers Query on the indexes but GetItem on the table alone', () => {
    // Act
    const grant = tableGrant({ table: 'read' });
    // Assess
    expect(grant.table).toEqual([...tableActions.read]);
    expect(grant.indexes).toEqual(['dynamodb:Query']);
  });

  it('grants nothing when a route needs no table', () => {
    // Act + Assess
    expect(tableGrant({ table: 'none' })).toEqual({ table: [], indexes: [] });
  });
});

describe('environmentNames', () => {
  it('gives the table name and the salt to public routes that touch the table, and nothing to others', () => {
    // Act + Assess
    expect(environmentNames({ access: 'public', table: 'write' }, 'TABLE_NAME')).toEqual([
      'TABLE_NAME',
      'RECEIPT_SALT_SOURCE',
    ]);
    expect(environmentNames({ access: 'public', table: 'none' }, 'TABLE_NAME')).toEqual([]);
    expect(needsReceiptSalt({ access: 'public', table: 'read' })).toBe(true);
  });
});
