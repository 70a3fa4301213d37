/**
 * The one CloudWatch dashboard, named after the stack: the alarms' states, every metric of the
 * catalogue (functions/metrics.ts), then the API, the functions, the table and the site build.
 * A dimensioned metric (Reason, Action, Kind) is drawn with a SEARCH expression, so each value
 * the functions emit gets its own line without being listed here.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import {
  type Alarm,
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type IMetric,
  type IWidget,
  Metric,
  SearchExpression,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';
import { type MetricDefinition, metricNamespace, metrics } from '../../functions/metrics.ts';
import type { MonitoringProps } from './monitoring.ts';

const period = Duration.minutes(5);

/** A catalogue metric as the dashboard draws it: one line, or one line per dimension value. */
export function catalogueMetrics(definition: MetricDefinition): IMetric[] {
  if (definition.dimension) {
    const statistic = definition.unit === 'Count' ? 'Sum' : 'Average';
    return [
      new SearchExpression({
        expression: `SEARCH('{${metricNamespace},${definition.dimension}} MetricName="${definition.name}"', '${statistic}', ${period.toSeconds()})`,
        label: '',
        period,
      }),
    ];
  }
  const metric = (statistic: string) =>
    new Metric({ namespace: metricNamespace, metricName: definition.name, statistic, period });
  if (definition.gauge) return [metric('Maximum')];
  return definition.unit === 'Count' ? [metric('Sum')] : [metric('p50'), metric('p90')];
}

/** A graph a third of the dashboard wide. */
function graph(title: string, left: IMetric[]): GraphWidget {
  return new GraphWidget({ title, left, width: 8, height: 6 });
}

/** Builds the dashboard from what `Monitoring` watches. */
export function portalDashboard(scope: Construct, props: MonitoringProps & { alarms: Alarm[] }): Dashboard {
  const { api, table, functions, siteBuild, alarms } = props;
  const catalogue: IWidget[] = Object.values(metrics).map((definition) =>
    graph(`${definition.name}: ${definition.summary}`, catalogueMetrics(definition)),
  );
  // Partial match: every function whose name has the stack's name as a word (`hutong-…`).
  const lambdaErrors = new SearchExpression({
    expression: `SEARCH('{AWS/Lambda,FunctionName} MetricName="Errors" FunctionName=${Stack.of(scope).stackName}', 'Sum', ${period.toSeconds()})`,
    label: '',
    period,
  });
  const operations: IWidget[] = [
    graph('API latency (ms)', [
      api.api.metricLatency({ statistic: 'p50', period }),
      api.api.metricLatency({ statistic: 'p90', period }),
    ]),
    graph('API requests, 4xx and 5xx', [
      api.api.metricCount({ statistic: 'Sum', period }),
      api.api.metricClientError({ statistic: 'Sum', period }),
      api.api.metricServerError({ statistic: 'Sum', period }),
    ]),
    graph(`Lambda errors, by function (${functions.length} functions)`, [lambdaErrors]),
    graph('DynamoDB throttle events', [
      table.table.metric('ReadThrottleEvents', { statistic: 'Sum', period }),
      table.table.metric('WriteThrottleEvents', { statistic: 'Sum', period }),
    ]),
    graph('Site builds', [
      siteBuild.project.metricSucceededBuilds({ period: Duration.hours(1) }),
      siteBuild.project.metricFailedBuilds({ period: Duration.hours(1) }),
    ]),
  ];
  return new Dashboard(scope, 'dashboard', {
    dashboardName: Stack.of(scope).stackName,
    widgets: [
      [new AlarmStatusWidget({ title: 'Alarms', alarms, width: 24, height: 4 })],
      catalogue,
      operations,
    ],
  });
}
