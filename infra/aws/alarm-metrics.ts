/**
 * The metrics the alarms read, built from the route table and the stack's functions: sums of
 * function errors by audience, within CloudWatch's limit on one alarm's metric math, and the
 * DynamoDB operations the grants allow. Pure CDK metric objects, no constructs.
 */
import type { Duration } from 'aws-cdk-lib';
import { type IMetric, MathExpression } from 'aws-cdk-lib/aws-cloudwatch';
import type { Operation } from 'aws-cdk-lib/aws-dynamodb';
import { routeName, routes, tableAccess } from '../../functions/routes.ts';
import type { PortalFunction } from './portal-function.ts';

/** The scheduled jobs whose failure is a failed purge: expired records or closed reports stay. */
export const purgeJobs = ['purge-expired', 'retention'] as const;

/**
 * An alarm with metric math holds at most 10 entries (CloudWatch quota): nine metrics and the
 * expression summing them.
 */
const metricsPerExpression = 9;

/** Every DynamoDB operation some function's grant allows: the operations SystemErrors is read for. */
export function tableOperations(): Operation[] {
  const actions = Object.values(tableAccess).flatMap((grants) => grants.flatMap((grant) => grant.actions));
  return [...new Set(actions.map((action) => action.replace(/^dynamodb:/, '')))].sort() as Operation[];
}

/** Splits a list into runs of at most `size`. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

/** The sum of some metrics, as one metric-math expression. */
export function sumOf(label: string, parts: readonly IMetric[], period: Duration): MathExpression {
  const usingMetrics = Object.fromEntries(parts.map((metric, i) => [`m${i}`, metric]));
  return new MathExpression({
    expression: `SUM([${Object.keys(usingMetrics).join(', ')}])`,
    usingMetrics,
    label,
    period,
  });
}

const publicRoutes = new Set(routes.filter((route) => route.access === 'public').map(routeName));

/** Which errors alarm a function's errors count in: purge jobs have their own (`purge-failed`). */
function errorGroup({ spec }: PortalFunction): 'public' | 'staff' | 'background' | undefined {
  if ((purgeJobs as readonly string[]).includes(spec.name)) return undefined;
  if (spec.invokedBy !== 'api') return 'background';
  return publicRoutes.has(spec.name) ? 'public' : 'staff';
}

/** One errors alarm's worth of functions: its name, the functions' names, and their summed Errors. */
export interface ErrorSum {
  name: string;
  members: string[];
  metric: MathExpression;
}

/**
 * The Errors of every function but the purge jobs, summed per audience (public routes, staff
 * routes, background jobs and triggers), nine functions at most to a sum: `lambda-errors-public`,
 * `lambda-errors-staff-1`, `lambda-errors-staff-2`, …
 */
export function functionErrorSums(functions: readonly PortalFunction[], period: Duration): ErrorSum[] {
  const groups = new Map<string, PortalFunction[]>();
  for (const portalFunction of functions) {
    const group = errorGroup(portalFunction);
    if (group) groups.set(group, [...(groups.get(group) ?? []), portalFunction]);
  }
  return [...groups].flatMap(([group, members]) => {
    const runs = chunks(members, metricsPerExpression);
    return runs.map((run, i) => {
      const names = run.map((f) => f.spec.name);
      return {
        name: `lambda-errors-${group}${runs.length > 1 ? `-${i + 1}` : ''}`,
        members: names,
        metric: sumOf(
          `Errors of ${names.join(', ')}`,
          run.map((f) => f.function.metricErrors({ period })),
          period,
        ),
      };
    });
  });
}
