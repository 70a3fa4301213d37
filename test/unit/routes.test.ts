import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../functions/http/openapi.ts';
import { routeKey, routeName, routes, schedules, tableAccess } from '../../functions/routes.ts';
import { repoRoot } from '../../infra/site-build.ts';
import { openApiPath, openApiText } from '../../infra/write-openapi.ts';

describe('route table', () => {
  it('names each route from its method and path', () => {
    expect(routeName({ method: 'POST', path: '/api/reports' })).toBe('post-reports');
    expect(routeName({ method: 'GET', path: '/api/openapi.json' })).toBe('get-openapi-json');
    expect(routeName({ method: 'PATCH', path: '/api/office/reports/{ref}' })).toBe(
      'patch-office-reports-ref',
    );
    expect(routeKey({ method: 'POST', path: '/api/reports' })).toBe('POST /api/reports');
  });

  it('has a handler file for every route and no two routes with one name', () => {
    const names = routes.map(routeName);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names)
      expect(existsSync(join(repoRoot, 'functions', 'handlers', `${name}.ts`))).toBe(true);
  });

  it('lets the public report route write, and count but never read', () => {
    const report = routes.find((route) => routeKey(route) === 'POST /api/reports');
    const grants: readonly { actions: readonly string[]; countOnly?: boolean }[] =
      tableAccess[report?.table ?? 'none'];
    expect(grants.flatMap((grant) => grant.actions)).toContain('dynamodb:PutItem');
    const reads = grants.filter((grant) => grant.actions.some((action) => /Get|Query|Scan/.test(action)));
    expect(reads.every((grant) => grant.countOnly === true)).toBe(true);
  });

  it('has a handler file for every scheduled job', () => {
    for (const job of schedules)
      expect(existsSync(join(repoRoot, 'functions', 'handlers', `${job.name}.ts`))).toBe(true);
  });
});

describe('OpenAPI document', () => {
  it('documents every route, and only those', () => {
    const document = openApiDocument(['lanting', 'wutong']) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(routes.map(routeKey).sort());
  });

  it('offers exactly the configured communities in the report schema', () => {
    const document = openApiDocument(['lanting', 'wutong']) as {
      components: {
        schemas: { ReportRequest: { properties: { community: { enum: string[] } }; required: string[] } };
      };
    };
    expect(document.components.schemas.ReportRequest.properties.community.enum).toEqual([
      'lanting',
      'wutong',
    ]);
    expect(document.components.schemas.ReportRequest.required).toContain('community');
  });

  it('is committed up to date in docs/openapi.json (run `npm run openapi` after changing a schema)', () => {
    expect(readFileSync(openApiPath, 'utf8')).toBe(openApiText());
  });
});
