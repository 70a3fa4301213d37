/**
 * What a function needs from AWS, decided from the route table alone (routes and scheduled jobs),
 * so the stack, the bundle test and the grant tests agree on it. No CDK here: IAM statements are
 * described as plain data and turned into `PolicyStatement`s by `PortalFunction.bind`.
 */
import {
  type Route,
  routeKey,
  routeName,
  type Schedule,
  type Service,
  type TableAccess,
  type TableGrant,
  tableAccess,
} from '../../functions/routes.ts';

/** The environment variables each service sets, and nothing else does. */
export const needEnvironment: Readonly<Record<Service, readonly string[]>> = {
  'staff-directory': ['STAFF_DIRECTORY'],
  'alert-topic': ['ALERT_TOPIC'],
  identity: ['OIDC_ISSUER', 'OIDC_CLIENT_ID'],
  uploads: ['UPLOADS'],
  'site-build': ['SITE_BUILD'],
  'contact-seal': ['CONTACT_KEY'],
  'contact-open': ['CONTACT_KEY'],
};

/** Everything the stack needs to know to build and bind one function. */
export interface FunctionSpec {
  /** The handler file, construct id, function name suffix and log name: `post-reports`, `purge-expired`. */
  name: string;
  /** The function's description: the route's or job's summary. */
  summary: string;
  /** What the function is run for, as its role's description. */
  purpose: string;
  /** The table access profile it gets. */
  table: TableAccess;
  /** Whether it reads the deployment salt from Secrets Manager. */
  receiptSalt: boolean;
  /** The services it is bound to, each with its env var and its one IAM grant. */
  uses: readonly Service[];
  /** How long one invocation may run, in seconds. */
  timeoutSeconds: number;
  /** What runs it: an API route, a scheduled job, or Cognito (the sign-in trigger). */
  invokedBy: 'api' | 'schedule' | 'cognito';
  /** A route's HTTP method; absent for jobs and triggers. */
  method?: Route['method'];
}

/** Generous for a few conditional writes and one scrypt hash; HTTP API itself gives up after 30 s. */
const routeTimeoutSeconds = 10;

/**
 * A job walks whole index partitions in batches of 25 deletes; a minute covers many thousands of
 * records, and a run that stops early is finished by the next one. A job that runs every minute
 * (the alert dispatcher) stops ten seconds before the next run starts, so two runs never overlap
 * and one alert is not sent twice.
 */
function jobTimeoutSeconds(schedule: Schedule): number {
  return Math.min(60, schedule.everyMinutes * 60 - 10);
}

/** The function behind an API route. */
export function routeFunctionSpec(route: Route): FunctionSpec {
  return {
    name: routeName(route),
    summary: route.summary,
    purpose: `Runs ${routeKey(route)}`,
    table: route.table,
    receiptSalt: route.receiptSalt,
    uses: [...(route.uses ?? [])],
    timeoutSeconds: routeTimeoutSeconds,
    invokedBy: 'api',
    method: route.method,
  };
}

/** The function behind a scheduled job. Jobs never see a receipt, so they never get the salt. */
export function scheduleFunctionSpec(schedule: Schedule): FunctionSpec {
  return {
    name: schedule.name,
    summary: schedule.summary,
    purpose: `Runs the ${schedule.name} job every ${schedule.everyMinutes} minutes`,
    table: schedule.table,
    receiptSalt: false,
    uses: [...(schedule.uses ?? [])],
    timeoutSeconds: jobTimeoutSeconds(schedule),
    invokedBy: 'schedule',
  };
}

/**
 * Cognito's pre-token-generation trigger (V2): copies the staff member's community into the access
 * token. Cognito waits at most 5 seconds for a trigger; it touches nothing, so 5 is plenty.
 */
export const preTokenFunctionSpec: FunctionSpec = {
  name: 'cognito-pre-token',
  summary: "Adds the staff member's community to Cognito access tokens",
  purpose: 'Runs before Cognito issues staff tokens',
  table: 'none',
  receiptSalt: false,
  uses: [],
  timeoutSeconds: 5,
  invokedBy: 'cognito',
};

/** Every function of the stack: one per route, one per scheduled job, and the sign-in trigger. */
export function functionSpecs(
  allRoutes: readonly Route[],
  allSchedules: readonly Schedule[],
): FunctionSpec[] {
  return [
    ...allRoutes.map(routeFunctionSpec),
    ...allSchedules.map(scheduleFunctionSpec),
    preTokenFunctionSpec,
  ];
}

/** True when the function talks to the table, and so gets its name and a grant. */
export function needsTable(needs: Pick<FunctionSpec, 'table'>): boolean {
  return tableAccess[needs.table].length > 0;
}

/** True when the function reads the salt: the route table says so per route (`receiptSalt`). */
export function needsReceiptSalt(needs: Pick<FunctionSpec, 'receiptSalt'>): boolean {
  return needs.receiptSalt;
}

/**
 * The CodeBuild actions a function gets on the site build's project: the scheduled job starts
 * builds and reads how they went; a `GET` route reads how they went (the console's progress);
 * any other route only records a request in the table, so no burst of publishes reaches CodeBuild.
 * @example siteBuildActions(scheduleFunctionSpec(starter)) // ['codebuild:StartBuild', 'codebuild:BatchGetBuilds']
 */
export function siteBuildActions(needs: Pick<FunctionSpec, 'uses' | 'invokedBy' | 'method'>): string[] {
  if (!needs.uses.includes('site-build')) return [];
  if (needs.invokedBy === 'schedule') return ['codebuild:StartBuild', 'codebuild:BatchGetBuilds'];
  if (needs.invokedBy === 'api' && needs.method === 'GET') return ['codebuild:BatchGetBuilds'];
  return [];
}

/** The names of the environment variables a function is given, besides NODE_OPTIONS. */
export function environmentNames(
  needs: Pick<FunctionSpec, 'table' | 'receiptSalt'> & Partial<Pick<FunctionSpec, 'uses'>>,
  tableEnvVar: string,
): string[] {
  return [
    ...(needsTable(needs) ? [tableEnvVar] : []),
    ...(needsReceiptSalt(needs) ? ['RECEIPT_SALT_SOURCE'] : []),
    ...(needs.uses ?? []).flatMap((need) => needEnvironment[need]),
  ];
}

/** IAM condition operators and keys, as they appear in a policy document. */
export type Conditions = Record<string, Record<string, string | string[]>>;

/** One IAM statement on the table, as data. */
export interface TableStatement {
  actions: string[];
  /** The table itself, or exactly one of its indexes (never `index/*`). */
  resource: { table: true } | { index: string };
  /** Empty when the grant has no key, index-select or count restriction. */
  conditions: Conditions;
}

/** The only actions that read through an index; anything else on an index ARN is a mistake. */
const indexActions = new Set(['dynamodb:Query', 'dynamodb:Scan']);

/**
 * One grant of `tableAccess` as one IAM statement. Key prefixes become `dynamodb:LeadingKeys`
 * patterns that every partition key in the request must match (`ForAllValues`, so a batch with
 * one foreign key is refused whole); `countOnly` pins `dynamodb:Select` to `COUNT`, so a Query
 * returns how many items match and never an item. Throws on a grant IAM could not honour.
 */
export function tableStatement(grant: TableGrant): TableStatement {
  if (grant.actions.length === 0) throw new Error('A table grant needs at least one action');
  if (grant.actions.some((action) => !action.startsWith('dynamodb:') || action.includes('*'))) {
    throw new Error(`Table grants name DynamoDB actions one by one: ${grant.actions.join(', ')}`);
  }
  const readsIndexOnly = grant.actions.every((action) => indexActions.has(action));
  if (grant.index !== undefined && !readsIndexOnly) {
    throw new Error(`Only Query and Scan read an index (${grant.index}): ${grant.actions.join(', ')}`);
  }
  if (grant.countOnly && !readsIndexOnly) {
    throw new Error(`Select COUNT applies to Query and Scan only: ${grant.actions.join(', ')}`);
  }
  const conditions: Conditions = {};
  if (grant.keyPrefixes !== undefined) {
    if (grant.keyPrefixes.length === 0) throw new Error('keyPrefixes, when given, must name a prefix');
    conditions['ForAllValues:StringLike'] = {
      'dynamodb:LeadingKeys': grant.keyPrefixes.map((prefix) => `${prefix}*`),
    };
  }
  if (grant.countOnly) conditions.StringEquals = { 'dynamodb:Select': 'COUNT' };
  return {
    actions: [...grant.actions],
    resource: grant.index === undefined ? { table: true } : { index: grant.index },
    conditions,
  };
}

/** Every IAM statement a table access profile turns into; none for `none`. */
export function tableStatements(access: TableAccess): TableStatement[] {
  const grants: readonly TableGrant[] = tableAccess[access];
  return grants.map(tableStatement);
}
