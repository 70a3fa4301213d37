/**
 * The alarms that tell whoever runs the deployment something is wrong, each to the ops topic, and
 * the one dashboard. Built from the route table, the stack's functions and the metric catalogue
 * (functions/metrics.ts), so a new route, job or metric is watched without editing this file.
 * A failed site build is not here: its EventBridge rule (site-build-events.ts) already tells the
 * ops topic about each failed build by id, and a FailedBuilds alarm would say the same thing twice.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type Dashboard,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Construct } from 'constructs';
import { metricNamespace, metrics } from '../../functions/metrics.ts';
import { schedules } from '../../functions/routes.ts';
import { functionErrorSums, purgeJobs, sumOf, tableOperations } from './alarm-metrics.ts';
import { portalDashboard } from './dashboard.ts';
import type { OpsTopic } from './ops-topic.ts';
import type { PortalApi } from './portal-api.ts';
import type { PortalFunction } from './portal-function.ts';
import type { SiteBuildJob } from './site-build-job.ts';
import type { PortalTable } from './table.ts';

/** What is watched. */
export interface MonitoringProps {
  api: PortalApi;
  table: PortalTable;
  /** Every function of the stack. */
  functions: readonly PortalFunction[];
  siteBuild: SiteBuildJob;
  opsTopic: OpsTopic;
}

/** The API's 5xx rate, in percent of requests over five minutes, that raises the alarm. */
export const serverErrorRatePercent = 5;

const fiveMinutes = Duration.minutes(5);

/** The alarms and the dashboard. */
export class Monitoring extends Construct {
  /** Every alarm, each with the ops topic as its action. */
  readonly alarms: Alarm[] = [];
  /** The dashboard, named after the stack. */
  readonly dashboard: Dashboard;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { api, table, functions, opsTopic } = props;
    this.action = new SnsAction(opsTopic.topic);
    const missing = purgeJobs.filter((name) => !schedules.some((schedule) => schedule.name === name));
    if (missing.length > 0) throw new Error(`monitoring: no scheduled job named ${missing.join(', ')}`);

    const requests = api.api.metricCount({ period: fiveMinutes, statistic: 'Sum' });
    const serverErrors = api.api.metricServerError({ period: fiveMinutes, statistic: 'Sum' });
    this.alarm('api-5xx-rate', {
      metric: new MathExpression({
        expression: 'IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)',
        usingMetrics: { requests, errors: serverErrors },
        label: '5xx, % of requests',
        period: fiveMinutes,
      }),
      threshold: serverErrorRatePercent,
      description: `More than ${serverErrorRatePercent}% of API requests ended in a 5xx over five minutes: a bug or a failing dependency.`,
    });

    for (const { name, members, metric } of functionErrorSums(functions, fiveMinutes)) {
      this.alarm(name, {
        metric,
        threshold: 1,
        description: `A function failed (an exception or a timeout): ${members.join(', ')}.`,
      });
    }

    // Without reserved concurrency, a function is throttled only when the account's regional
    // concurrency is used up, so the account-wide figure is the one that matters, for one metric
    // instead of one per function (an alarm costs per metric it reads).
    this.alarm('lambda-throttles', {
      metric: new Metric({
        namespace: 'AWS/Lambda',
        metricName: 'Throttles',
        statistic: 'Sum',
        period: fiveMinutes,
      }),
      threshold: 1,
      description:
        "Lambda refused invocations: the account's concurrency in this region is used up. Ask AWS " +
        'for a higher concurrency quota (docs/operations.md).',
    });

    this.alarm('dynamodb-throttles', {
      metric: sumOf(
        'Read and write throttle events',
        [
          table.table.metric('ReadThrottleEvents', { statistic: 'Sum' }),
          table.table.metric('WriteThrottleEvents', { statistic: 'Sum' }),
        ],
        fiveMinutes,
      ),
      threshold: 1,
      description: 'DynamoDB throttled reads or writes of the table: retries may have failed.',
    });
    this.alarm('dynamodb-system-errors', {
      metric: table.table.metricSystemErrorsForOperations({
        operations: tableOperations(),
        period: fiveMinutes,
      }),
      threshold: 1,
      description: 'DynamoDB answered requests with 500 errors (its own fault); requests may have failed.',
    });

    const hour = Duration.hours(1);
    this.alarm('purge-failed', {
      metric: sumOf(
        `Errors of ${purgeJobs.join(', ')}`,
        functions
          .filter((f) => (purgeJobs as readonly string[]).includes(f.spec.name))
          .map((f) => f.function.metricErrors({ period: hour })),
        hour,
      ),
      threshold: 1,
      description:
        'A purge or retention run failed: expired records or closed reports past retention are still ' +
        'stored. The next run retries; read its log if this repeats.',
    });

    // The dispatcher emits this every minute, 0 when none: no data means it is not running, and
    // urgent reports would then go unannounced, so missing data raises the alarm too. It counts a
    // report until staff acknowledge it, so the alarm holds while one waits.
    this.alarm('urgent-unacknowledged', {
      metric: new Metric({
        namespace: metricNamespace,
        metricName: metrics.urgentUnacknowledged.name,
        statistic: 'Maximum',
        period: fiveMinutes,
      }),
      threshold: 1,
      missingData: TreatMissingData.BREACHING,
      description:
        'An urgent report is unacknowledged past its target, or the alert dispatcher has stopped ' +
        'reporting. Tell the office lead; check the dispatch-alerts log.',
    });

    this.dashboard = portalDashboard(this, { ...props, alarms: this.alarms });
  }

  /** One alarm, named `<stack>-<name>`, at or above `threshold` for one period, to the ops topic. */
  private alarm(
    name: string,
    options: { metric: IMetric; threshold: number; description: string; missingData?: TreatMissingData },
  ): void {
    const alarm = new Alarm(this, name, {
      alarmName: `${Stack.of(this).stackName}-${name}`,
      alarmDescription: options.description,
      metric: options.metric,
      threshold: options.threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      // Error counts: no data means nothing happened.
      treatMissingData: options.missingData ?? TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    this.alarms.push(alarm);
  }
}
