import { describe, expect, it } from 'vitest';
import { routeKey, routes, schedules, tableAccess } from '../../functions/routes.ts';
import {
  environmentNames,
  functionSpecs,
  needEnvironment,
  preTokenFunctionSpec,
  routeFunctionSpec,
  scheduleFunctionSpec,
  tableStatement,
  tableStatements,
} from '../../infra/aws/route-needs.ts';

describe('tableStatement', () => {
  it('restricts every partition key of a request to the prefixes when the grant names them', () => {
    // Act
    const statement = tableStatement({ actions: ['dynamodb:PutItem'], keyPrefixes: ['REPORT#', 'IDEM#'] });
    // Assess
    expect(statement).toEqual({
      actions: ['dynamodb:PutItem'],
      resource: { table: true },
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['REPORT#*', 'IDEM#*'] } },
    });
  });

  it('grants a count-only query on exactly one index when the grant names the index', () => {
    // Act
    const statement = tableStatement({ actions: ['dynamodb:Query'], index: 'hourly', countOnly: true });
    // Assess
    expect(statement).toEqual({
      actions: ['dynamodb:Query'],
      resource: { index: 'hourly' },
      conditions: { StringEquals: { 'dynamodb:Select': 'COUNT' } },
    });
  });

  it('refuses grants IAM could not honour: item writes on an index, COUNT on a GetItem, wildcards', () => {
    // Act + Assess
    expect(() => tableStatement({ actions: ['dynamodb:PutItem'], index: 'hourly' })).toThrow(
      /Only Query and Scan/,
    );
    expect(() => tableStatement({ actions: ['dynamodb:GetItem'], countOnly: true })).toThrow(/Select COUNT/);
    expect(() => tableStatement({ actions: ['dynamodb:*'] })).toThrow(/one by one/);
    expect(() => tableStatement({ actions: ['dynamodb:GetItem'], keyPrefixes: [] })).toThrow(
      /must name a prefix/,
    );
  });

  it('turns every access profile of the route table into valid statements, none for none', () => {
    for (const access of Object.keys(tableAccess) as (keyof typeof tableAccess)[]) {
      // Act
      const statements = tableStatements(access);
      // Assess
      expect(statements, access).toHaveLength(tableAccess[access].length);
    }
    expect(tableStatements('none')).toEqual([]);
  });
});

describe('function specs', () => {
  it('gives route functions the salt exactly when the route table says so', () => {
    for (const route of routes) {
      // Act
      const spec = routeFunctionSpec(route);
      // Assess
      expect(spec.receiptSalt).toBe(route.receiptSalt);
      expect(environmentNames(spec, 'TABLE_NAME').includes('RECEIPT_SALT_SOURCE')).toBe(route.receiptSalt);
    }
  });

  it('gives a scheduled job the table name and its services, never the salt', () => {
    for (const schedule of schedules) {
      // Act
      const spec = scheduleFunctionSpec(schedule);
      // Assess
      expect(spec.name).toBe(schedule.name);
      expect(environmentNames(spec, 'TABLE_NAME')).toEqual([
        'TABLE_NAME',
        ...('uses' in schedule ? schedule.uses : []).flatMap((service) => needEnvironment[service]),
      ]);
    }
    const dispatcher = schedules.find((schedule) => schedule.name === 'dispatch-alerts');
    expect(dispatcher && environmentNames(scheduleFunctionSpec(dispatcher), 'TABLE_NAME')).toEqual([
      'TABLE_NAME',
      'ALERT_TOPIC',
    ]);
  });

  it('gives each service its env var to exactly the routes that use it, and the sign-in settings to one', () => {
    // Act
    const users = (variable: string) =>
      routes
        .filter((r) => environmentNames(routeFunctionSpec(r), 'TABLE_NAME').includes(variable))
        .map(routeKey);
    // Assess
    expect(users('STAFF_DIRECTORY')).toEqual(
      routes
        .filter((r) => 'uses' in r && (r.uses as readonly string[]).includes('staff-directory'))
        .map(routeKey),
    );
    expect(users('ALERT_TOPIC')).toEqual([]);
    expect(users('OIDC_ISSUER')).toEqual(['GET /api/office/config']);
    expect(users('OIDC_CLIENT_ID')).toEqual(['GET /api/office/config']);
  });

  it('gives the sign-in trigger nothing: no table, no salt, no service, a few seconds', () => {
    // Act + Assess
    expect(environmentNames(preTokenFunctionSpec, 'TABLE_NAME')).toEqual([]);
    expect(preTokenFunctionSpec).toMatchObject({ table: 'none', receiptSalt: false, uses: [] });
    expect(preTokenFunctionSpec.timeoutSeconds).toBeLessThanOrEqual(5);
    expect(functionSpecs(routes, schedules).map((spec) => spec.name)).toContain(preTokenFunctionSpec.name);
  });

  it('gives no environment beyond the salt to a function that touches no table', () => {
    // Act + Assess
    expect(environmentNames({ table: 'none', receiptSalt: true }, 'TABLE_NAME')).toEqual([
      'RECEIPT_SALT_SOURCE',
    ]);
    expect(environmentNames({ table: 'none', receiptSalt: false }, 'TABLE_NAME')).toEqual([]);
  });
});
