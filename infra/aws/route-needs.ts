/**
 * What a route's function needs from AWS, decided from the route table alone, so the stack and
 * the bundle test agree on it. No CDK here.
 */
import { type Route, tableActions } from '../../functions/routes.ts';

/** True when the function talks to the table, and so gets its name and a grant. */
export function needsTable(route: Pick<Route, 'table'>): boolean {
  return tableActions[route.table].length > 0;
}

/**
 * True when the function hashes receipts, and so reads the salt. Receipts are the public's only
 * key to a report: every public route that touches the table takes or issues one. Staff routes
 * find reports by office reference and never see a receipt, so they never get the salt.
 */
export function needsReceiptSalt(route: Pick<Route, 'access' | 'table'>): boolean {
  return route.access === 'public' && needsTable(route);
}

/** DynamoDB actions that read through an index; only these are granted on index ARNs. */
const indexReadActions = new Set(['dynamodb:Query', 'dynamodb:Scan']);

/** The table actions a route may take, and which of them also apply to the table's indexes. */
export function tableGrant(route: Pick<Route, 'table'>): { table: string[]; indexes: string[] } {
  const actions = [...tableActions[route.table]];
  return { table: actions, indexes: actions.filter((action) => indexReadActions.has(action)) };
}

/** The names of the environment variables a route's function is given, besides NODE_OPTIONS. */
export function environmentNames(route: Pick<Route, 'access' | 'table'>, tableEnvVar: string): string[] {
  return [
    ...(needsTable(route) ? [tableEnvVar] : []),
    ...(needsReceiptSalt(route) ? ['RECEIPT_SALT_SOURCE'] : []),
  ];
}
