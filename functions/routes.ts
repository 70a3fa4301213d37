/**
 * The route table: every API route, declared once, as plain data. The CDK stack builds one
 * function, one API route and one least-privilege grant per entry; the local runtime builds
 * its router from the same list. A route's handler is `handlers/<routeName>.ts`.
 */

/** Who may call a route. Staff roles arrive with the office console. */
export type Access = 'public';

/** How much of the table a route's function may touch. */
export type TableAccess = 'none' | 'write' | 'read' | 'read-write';

/** One API route. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under the site's origin, always starting with `/api/`. */
  path: string;
  access: Access;
  table: TableAccess;
  /** One line for the OpenAPI document and the logs. */
  summary: string;
}

/** Every API route of the portal. */
export const routes = [
  {
    method: 'POST',
    path: '/api/reports',
    access: 'public',
    table: 'write',
    summary: 'Send an anonymous concern report',
  },
  {
    method: 'GET',
    path: '/api/health',
    access: 'public',
    table: 'none',
    summary: 'Say whether the API is up',
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    access: 'public',
    table: 'none',
    summary: 'This API, as an OpenAPI 3.1 document',
  },
] as const satisfies readonly Route[];

/**
 * DynamoDB actions per access level. Public writers may only put and conditionally update:
 * no GetItem, Query or Scan, so a leaked function role cannot read reports.
 */
export const tableActions: Record<TableAccess, readonly string[]> = {
  none: [],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
  read: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'],
  'read-write': [
    'dynamodb:GetItem',
    'dynamodb:Query',
    'dynamodb:BatchGetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
  ],
};

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
