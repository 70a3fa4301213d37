/**
 * The route table: every API route and scheduled job, declared once, as plain data. The CDK
 * stack builds one function, one API route (or schedule) and one least-privilege grant per
 * entry; the local runtime builds its router and timers from the same lists. A route's handler
 * is `handlers/<routeName>.ts`; a job's is `handlers/<name>.ts`.
 */
import { keyPrefixes } from './store/tables.ts';

/** Who may call a route. Staff roles arrive with the office console. */
export type Access = 'public';

/**
 * One IAM statement's worth of table access. Every grant is as narrow as DynamoDB's IAM allows:
 * by action, by key prefix (`dynamodb:LeadingKeys`), by index, and by `Select: COUNT`.
 */
export interface TableGrant {
  actions: readonly string[];
  /** Only items whose partition key starts with one of these. */
  keyPrefixes?: readonly string[];
  /** Only this index (Query). Without it, the grant is on the table itself. */
  index?: string;
  /** Only `Select: COUNT` queries: the caller learns how many items match, never what they hold. */
  countOnly?: boolean;
}

/** What each kind of function may do to the table. */
export const tableAccess = {
  none: [],
  /**
   * Submitting a report: claim the idempotency record, store the report, mark a proof of work
   * used, and count this hour's reports for the caps. It can never read a report.
   */
  'submit-report': [
    {
      actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
      keyPrefixes: [keyPrefixes.report, keyPrefixes.idempotency, keyPrefixes.proof],
    },
    { actions: ['dynamodb:Query'], index: 'hourly', countOnly: true },
  ],
  /**
   * Following up with a receipt: read the one report the receipt opens and its thread, add a
   * message, mark the report updated, and mark a proof of work used.
   */
  'follow-up': [
    { actions: ['dynamodb:GetItem', 'dynamodb:Query'], keyPrefixes: [keyPrefixes.report] },
    {
      actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
      keyPrefixes: [keyPrefixes.report, keyPrefixes.proof],
    },
  ],
  /** The hourly purge: find expired records through their index and delete them, never a report. */
  'purge-expired': [
    { actions: ['dynamodb:Query'], index: 'expiry' },
    {
      actions: ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
      keyPrefixes: [keyPrefixes.idempotency, keyPrefixes.proof],
    },
  ],
} as const satisfies Record<string, readonly TableGrant[]>;

/** A named level of table access. */
export type TableAccess = keyof typeof tableAccess;

/** One API route. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under the site's origin, always starting with `/api/`. */
  path: string;
  access: Access;
  table: TableAccess;
  /** True when the function reads the deployment's secret salt (receipt hashes, proof-of-work signing). */
  receiptSalt: boolean;
  /** One line for the OpenAPI document and the logs. */
  summary: string;
}

/** Every API route of the portal. */
export const routes = [
  {
    method: 'POST',
    path: '/api/reports',
    access: 'public',
    table: 'submit-report',
    receiptSalt: true,
    summary: 'Send an anonymous concern report',
  },
  {
    method: 'GET',
    path: '/api/challenge',
    access: 'public',
    table: 'none',
    receiptSalt: true,
    summary: 'Get a proof-of-work challenge to solve before sending',
  },
  {
    method: 'POST',
    path: '/api/followup',
    access: 'public',
    table: 'follow-up',
    receiptSalt: true,
    summary: "Read a report's status and messages with its receipt",
  },
  {
    method: 'POST',
    path: '/api/followup/messages',
    access: 'public',
    table: 'follow-up',
    receiptSalt: true,
    summary: 'Add information to a report, or answer the office, with its receipt',
  },
  {
    method: 'GET',
    path: '/api/health',
    access: 'public',
    table: 'none',
    receiptSalt: false,
    summary: 'Say whether the API is up',
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    access: 'public',
    table: 'none',
    receiptSalt: false,
    summary: 'This API, as an OpenAPI 3.1 document',
  },
] as const satisfies readonly Route[];

/** A job that runs on a schedule: EventBridge in AWS, a timer in the local runtime. */
export interface Schedule {
  /** The job's name: its handler file, construct id and log name. */
  name: string;
  /** How often it runs, in minutes. */
  everyMinutes: number;
  table: TableAccess;
  summary: string;
}

/** Every scheduled job of the portal. */
export const schedules = [
  {
    name: 'purge-expired',
    everyMinutes: 60,
    table: 'purge-expired',
    summary: 'Delete idempotency and proof-of-work records past their expiry',
  },
] as const satisfies readonly Schedule[];

/** The API Gateway route key, e.g. `POST /api/reports`. */
export function routeKey(route: Pick<Route, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/**
 * The name everything about a route is called by: its handler file, construct id and log name.
 * @example routeName({ method: 'POST', path: '/api/reports' }) // 'post-reports'
 * @example routeName({ method: 'GET', path: '/api/openapi.json' }) // 'get-openapi-json'
 */
export function routeName(route: Pick<Route, 'method' | 'path'>): string {
  const words = route.path
    .replace(/^\/api\//, '')
    .replace(/[{}]/g, '')
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean);
  return [route.method.toLowerCase(), ...words].join('-').toLowerCase();
}
