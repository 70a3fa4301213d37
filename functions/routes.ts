/**
 * The route table: every API route and scheduled job, declared once, as plain data. The CDK
 * stack builds one function, one API route (or schedule) and one least-privilege grant per
 * entry; the local runtime builds its router and timers from the same lists. A route's handler
 * is `handlers/<routeName>.ts`; a job's is `handlers/<name>.ts`.
 */
import type { StaffRole } from './domain/staff.ts';
import { keyPrefixes } from './store/tables.ts';

/**
 * Who may call a route: anyone, or staff signed in with one of `roles`. A staff route is guarded
 * by the JWT authorizer (Cognito in AWS, the local OpenID provider on one machine) before its
 * function runs; the function then checks the role and the community itself.
 */
export type Access = 'public' | { roles: readonly StaffRole[] };

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
  /**
   * The office console: read and change its community's reports and their threads, notes,
   * referrals and audit events, through the queue, status and reference indexes, and read the
   * alert outbox.
   */
  office: [
    {
      actions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      keyPrefixes: [keyPrefixes.report],
    },
    { actions: ['dynamodb:Query'], keyPrefixes: [keyPrefixes.alert] },
    { actions: ['dynamodb:Query'], index: 'queue' },
    { actions: ['dynamodb:Query'], index: 'by-status' },
    { actions: ['dynamodb:Query'], index: 'by-ref' },
  ],
  /** Statistics and export for leads: the month index only, which holds no report text. */
  insights: [{ actions: ['dynamodb:Query'], index: 'by-month' }],
  /** The urgent-alert dispatcher: its work list, the reports' alert state, and the outbox. */
  'dispatch-alerts': [
    { actions: ['dynamodb:Query'], index: 'alerts' },
    { actions: ['dynamodb:UpdateItem'], keyPrefixes: [keyPrefixes.report] },
    { actions: ['dynamodb:PutItem'], keyPrefixes: [keyPrefixes.alert] },
  ],
  /**
   * Retention: find closed reports through the status index, keep a statistic, delete the
   * report with everything under its key.
   */
  retention: [
    { actions: ['dynamodb:Query'], index: 'by-status' },
    {
      actions: ['dynamodb:Query', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
      keyPrefixes: [keyPrefixes.report],
    },
    { actions: ['dynamodb:PutItem'], keyPrefixes: [keyPrefixes.statistic] },
  ],
  /**
   * The trainer console: the community's workshops through their index, each workshop's working
   * copy, live snapshot and audit trail, its reserved key, and a request for a site build.
   */
  trainer: [
    {
      actions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      keyPrefixes: [keyPrefixes.workshop],
    },
    { actions: ['dynamodb:PutItem', 'dynamodb:GetItem'], keyPrefixes: [keyPrefixes.workshopKey] },
    { actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], keyPrefixes: [keyPrefixes.siteBuild] },
    { actions: ['dynamodb:Query'], index: 'workshops' },
  ],
  /** Starting the site build in AWS: the build's request and state, nothing else. */
  'site-build': [
    { actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], keyPrefixes: [keyPrefixes.siteBuild] },
  ],
  /** The hourly purge: find expired records through their index and delete them, never a report. */
  'purge-expired': [
    { actions: ['dynamodb:Query'], index: 'expiry' },
    {
      actions: ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
      keyPrefixes: [keyPrefixes.idempotency, keyPrefixes.proof, keyPrefixes.alert],
    },
  ],
} as const satisfies Record<string, readonly TableGrant[]>;

/** A named level of table access. */
export type TableAccess = keyof typeof tableAccess;

/**
 * Other services a function uses, besides the table and the salt:
 * - `staff-directory`: lists the community's staff (Cognito's user pool in AWS, env
 *   `STAFF_DIRECTORY=cognito:<pool id>`; the local provider's accounts on one machine,
 *   `STAFF_DIRECTORY=file:<path>`);
 * - `alert-topic`: publishes urgent alerts (SNS in AWS, env `ALERT_TOPIC=sns:<topic arn>`;
 *   the outbox and a log line locally, `ALERT_TOPIC=log:`);
 * - `identity`: where the console signs staff in, the OpenID issuer and the console's client id
 *   (env `OIDC_ISSUER`, `OIDC_CLIENT_ID`; public settings, no grant);
 * - `uploads`: workshop handout files (S3 in AWS, env `UPLOADS=s3:<bucket>`; a folder under the
 *   data directory on one machine, `UPLOADS=dir:<path>`);
 * - `site-build`: rebuilds the public site after a publish (CodeBuild in AWS, env
 *   `SITE_BUILD=codebuild:<project>`; the local runtime's builder, `SITE_BUILD=dir:<path>`);
 * - `contact-seal`: encrypts the contact a reporter leaves before it is stored (AWS Encryption SDK:
 *   a KMS keyring on the deployment's key in AWS, env `CONTACT_KEY=kms:<key arn>`, allowed
 *   `kms:GenerateDataKey` only; a raw AES keyring with a key file on one machine,
 *   `CONTACT_KEY=file:<path>`);
 * - `contact-open`: decrypts a stored contact for the office (same env, `kms:Decrypt` only).
 */
export type Service =
  | 'staff-directory'
  | 'alert-topic'
  | 'identity'
  | 'uploads'
  | 'site-build'
  | 'contact-seal'
  | 'contact-open';

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
  /**
   * Seconds a shared cache (CloudFront) may keep the answer. Only aggregate, public figures
   * are ever cached; every other answer is `no-store`.
   */
  sharedCacheSeconds?: number;
  uses?: readonly Service[];
}

const office = { roles: ['office', 'lead'] } as const satisfies Access;
const leads = { roles: ['lead'] } as const satisfies Access;
/** The trainer console; each handler narrows to the role its action needs. */
const trainers = { roles: ['trainer', 'reviewer'] } as const satisfies Access;

/** Every API route of the portal. */
export const routes = [
  {
    method: 'POST',
    path: '/api/reports',
    access: 'public',
    table: 'submit-report',
    receiptSalt: true,
    summary: 'Send an anonymous concern report',
    uses: ['contact-seal'],
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
    path: '/api/transparency',
    access: 'public',
    table: 'insights',
    receiptSalt: false,
    summary: 'Concerns received, acknowledged in time and closed, per community and month (aggregates only)',
    sharedCacheSeconds: 3600,
  },
  {
    method: 'GET',
    path: '/api/office/config',
    access: 'public',
    table: 'none',
    receiptSalt: false,
    summary: "Where the console signs staff in: the OpenID issuer and the console's client id",
    uses: ['identity'],
  },
  {
    method: 'GET',
    path: '/api/office/me',
    access: { roles: ['office', 'lead', 'trainer', 'reviewer'] },
    table: 'none',
    receiptSalt: false,
    summary: 'The signed-in staff member, their colleagues, agencies and service targets',
    uses: ['staff-directory'],
  },
  {
    method: 'GET',
    path: '/api/office/reports',
    access: office,
    table: 'office',
    receiptSalt: false,
    summary: "A page of the community's queue: urgent first, then oldest first",
  },
  {
    method: 'GET',
    path: '/api/office/counts',
    access: office,
    table: 'office',
    receiptSalt: false,
    summary: "How many of the community's reports are in each status",
  },
  {
    method: 'GET',
    path: '/api/office/reports/{ref}',
    access: office,
    table: 'office',
    receiptSalt: false,
    summary: 'One report with its thread, notes, referrals and audit trail (the view is audited)',
    uses: ['contact-open'],
  },
  {
    method: 'POST',
    path: '/api/office/reports/{ref}/actions',
    access: office,
    table: 'office',
    receiptSalt: false,
    summary: 'Acknowledge, assign, note, reply, refer, mark duplicate, close or reopen a report',
    uses: ['staff-directory', 'contact-open'],
  },
  {
    method: 'GET',
    path: '/api/office/alerts',
    access: office,
    table: 'office',
    receiptSalt: false,
    summary: "The community's recent urgent alerts, as they were sent",
  },
  {
    method: 'GET',
    path: '/api/office/stats',
    access: leads,
    table: 'insights',
    receiptSalt: false,
    summary: 'Dashboard figures for leads: by week, category and status; times; overdue; referrals',
  },
  {
    method: 'GET',
    path: '/api/office/export.csv',
    access: leads,
    table: 'insights',
    receiptSalt: false,
    summary: "The community's reports as CSV, non-identifying fields only",
  },
  {
    method: 'GET',
    path: '/api/trainer/workshops',
    access: trainers,
    table: 'trainer',
    receiptSalt: false,
    summary: "The community's workshops, last changed first",
  },
  {
    method: 'POST',
    path: '/api/trainer/workshops',
    access: trainers,
    table: 'trainer',
    receiptSalt: false,
    summary: 'Start a workshop as a draft, with its sessions (trainers)',
  },
  {
    method: 'GET',
    path: '/api/trainer/workshops/{id}',
    access: trainers,
    table: 'trainer',
    receiptSalt: false,
    summary: 'One workshop: its working copy, live version, review comments and audit trail',
  },
  {
    method: 'PUT',
    path: '/api/trainer/workshops/{id}',
    access: trainers,
    table: 'trainer',
    receiptSalt: false,
    summary: "Save a workshop's working copy and sessions (trainers)",
  },
  {
    method: 'POST',
    path: '/api/trainer/workshops/{id}/actions',
    access: trainers,
    table: 'trainer',
    receiptSalt: false,
    summary: 'Submit a workshop for review, send it back, publish or unpublish it',
    uses: ['site-build'],
  },
  {
    method: 'POST',
    path: '/api/trainer/workshops/{id}/handouts',
    access: trainers,
    table: 'trainer',
    receiptSalt: false,
    summary: 'Attach a handout file (PDF, JPEG or PNG), with its metadata removed (trainers)',
    uses: ['uploads'],
  },
  {
    method: 'DELETE',
    path: '/api/trainer/workshops/{id}/handouts/{handout}',
    access: trainers,
    table: 'trainer',
    receiptSalt: false,
    summary: "Remove a handout file from a workshop's working copy (trainers)",
    uses: ['uploads'],
  },
  {
    method: 'GET',
    path: '/api/trainer/site-build',
    access: trainers,
    table: 'trainer',
    receiptSalt: false,
    summary: "Where the public site's rebuild is: waiting, building, done or failed",
    uses: ['site-build'],
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
  uses?: readonly Service[];
}

/** Every scheduled job of the portal. */
export const schedules = [
  {
    name: 'purge-expired',
    everyMinutes: 60,
    table: 'purge-expired',
    summary: 'Delete idempotency, proof-of-work and alert records past their expiry',
  },
  {
    name: 'dispatch-alerts',
    everyMinutes: 1,
    table: 'dispatch-alerts',
    summary: 'Alert the office of new urgent reports, and remind it of unacknowledged ones past target',
    uses: ['alert-topic'],
  },
  {
    name: 'start-site-build',
    everyMinutes: 1,
    table: 'site-build',
    summary: 'Start the site build when a publish asked for one and none is running (AWS; debounced)',
    uses: ['site-build'],
  },
  {
    name: 'retention',
    everyMinutes: 24 * 60,
    table: 'retention',
    summary: 'Delete closed reports past the retention period, keeping only a statistic of each',
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
