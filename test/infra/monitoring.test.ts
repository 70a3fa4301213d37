import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricNamespace, metrics } from '../../functions/metrics.ts';
import { routes, schedules } from '../../functions/routes.ts';
import { purgeJobs, tableOperations } from '../../infra/aws/alarm-metrics.ts';
import { serverErrorRatePercent } from '../../infra/aws/monitoring.ts';
import { functionSpecs } from '../../infra/aws/route-needs.ts';
import { type Synthesized, synthesize } from './synthesize.ts';
import { functionNamed, onlyResource, type Resource, resourcesOf } from './template-queries.ts';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize({ context: { 'hutong:opsEmails': 'ops@example.org' } });
});
afterAll(() => synth.cleanUp());

interface MetricQuery {
  Id: string;
  Expression?: string;
  MetricStat?: {
    Metric: { Namespace: string; MetricName: string; Dimensions?: { Name: string; Value: unknown }[] };
    Period: number;
    Stat: string;
  };
  ReturnData?: boolean;
}

const alarms = () => Object.values(resourcesOf(synth.template, 'AWS::CloudWatch::Alarm'));
const alarmNamed = (name: string): Resource['Properties'] => {
  const found = alarms().filter((a) => a.Properties.AlarmName === `hutong-${name}`);
  expect(found, name).toHaveLength(1);
  return (found[0] as Resource).Properties;
};
const queries = (alarm: Resource['Properties']) => (alarm.Metrics ?? []) as MetricQuery[];
const metricNames = (alarm: Resource['Properties']) =>
  queries(alarm).flatMap((q) => (q.MetricStat ? [q.MetricStat.Metric.MetricName] : []));
const opsTopicId = () =>
  (Object.entries(resourcesOf(synth.template, 'AWS::SNS::Topic')).find(
    ([, t]) => t.Properties.TopicName === 'hutong-ops',
  ) ?? [''])[0];
const functionRef = (name: string) => ({ Ref: functionNamed(synth.template, name)[0] });
const specs = functionSpecs(routes, schedules);

describe('alarms', () => {
  it('each tell the ops topic, and only it, named so the topic and the key let them publish', () => {
    // Act
    const all = alarms();
    // Assess
    expect(all.length).toBeGreaterThanOrEqual(9);
    for (const { Properties: alarm } of all) {
      expect(alarm.AlarmName, String(alarm.AlarmName)).toMatch(/^hutong-/);
      expect(alarm.AlarmActions, String(alarm.AlarmName)).toEqual([{ Ref: opsTopicId() }]);
      expect(alarm.AlarmDescription, String(alarm.AlarmName)).toEqual(expect.any(String));
    }
  });

  it('raise the 5xx alarm when 5% of API requests fail over five minutes', () => {
    // Act
    const alarm = alarmNamed('api-5xx-rate');
    const expression = queries(alarm).find((q) => q.ReturnData !== false);
    // Assess
    expect(serverErrorRatePercent).toBe(5);
    expect(alarm).toMatchObject({ Threshold: 5, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    expect(expression?.Expression).toMatch(/100 \* FILL\(errors, 0\) \/ requests/);
    expect(metricNames(alarm).sort()).toEqual(['5xx', 'Count']);
    for (const query of queries(alarm).filter((q) => q.MetricStat)) {
      expect(query.MetricStat).toMatchObject({
        Metric: { Namespace: 'AWS/ApiGateway' },
        Period: 300,
        Stat: 'Sum',
      });
    }
  });

  it("watch every function's errors exactly once, in sums CloudWatch accepts (at most 10 entries an alarm)", () => {
    // Prepare
    const errorAlarms = alarms().filter((a) =>
      /^hutong-(lambda-errors-|purge-failed)/.test(String(a.Properties.AlarmName)),
    );
    // Act
    const watched = errorAlarms.flatMap((a) =>
      queries(a.Properties).flatMap((q) =>
        q.MetricStat?.Metric.MetricName === 'Errors' ? [q.MetricStat.Metric.Dimensions] : [],
      ),
    );
    // Assess
    expect(watched).toHaveLength(specs.length);
    for (const spec of specs) {
      expect(watched, spec.name).toContainEqual([{ Name: 'FunctionName', Value: functionRef(spec.name) }]);
    }
    for (const { Properties: alarm } of errorAlarms) {
      expect(queries(alarm).length, String(alarm.AlarmName)).toBeLessThanOrEqual(10);
      expect(alarm).toMatchObject({ Threshold: 1, TreatMissingData: 'notBreaching' });
    }
  });

  it('raise a failed purge when the purge or the retention job fails, over each hour', () => {
    // Act
    const alarm = alarmNamed('purge-failed');
    const dimensions = queries(alarm).flatMap((q) => q.MetricStat?.Metric.Dimensions ?? []);
    // Assess
    expect(purgeJobs).toEqual(['purge-expired', 'retention']);
    expect(dimensions).toEqual(purgeJobs.map((name) => ({ Name: 'FunctionName', Value: functionRef(name) })));
    expect(
      queries(alarm)
        .filter((q) => q.MetricStat)
        .map((q) => q.MetricStat?.Period),
    ).toEqual([3600, 3600]);
    expect(alarm).toMatchObject({ Threshold: 1, TreatMissingData: 'notBreaching' });
  });

  it('raise Lambda throttles from the account-wide figure, one metric', () => {
    // Act
    const alarm = alarmNamed('lambda-throttles');
    // Assess
    expect(alarm).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'Throttles',
      Statistic: 'Sum',
      Threshold: 1,
      TreatMissingData: 'notBreaching',
    });
    expect(alarm).not.toHaveProperty('Dimensions');
  });

  it('raise DynamoDB throttles and system errors for the table, for every operation a grant allows', () => {
    // Prepare
    const [tableId] = onlyResource(synth.template, 'AWS::DynamoDB::GlobalTable');
    // Act
    const throttles = alarmNamed('dynamodb-throttles');
    const systemErrors = alarmNamed('dynamodb-system-errors');
    const operations = queries(systemErrors).flatMap((q) =>
      (q.MetricStat?.Metric.Dimensions ?? []).filter((d) => d.Name === 'Operation').map((d) => d.Value),
    );
    // Assess
    expect(metricNames(throttles).sort()).toEqual(['ReadThrottleEvents', 'WriteThrottleEvents']);
    expect(new Set(metricNames(systemErrors))).toEqual(new Set(['SystemErrors']));
    expect(operations.sort()).toEqual(tableOperations());
    expect(tableOperations()).toEqual([
      'BatchWriteItem',
      'DeleteItem',
      'GetItem',
      'PutItem',
      'Query',
      'UpdateItem',
    ]);
    for (const alarm of [throttles, systemErrors]) {
      for (const query of queries(alarm).filter((q) => q.MetricStat)) {
        expect(query.MetricStat?.Metric.Dimensions).toContainEqual({
          Name: 'TableName',
          Value: { Ref: tableId },
        });
      }
    }
  });

  it('raise unacknowledged urgent reports past target, and treat a silent dispatcher as the same alarm', () => {
    // Act
    const alarm = alarmNamed('urgent-unacknowledged');
    // Assess
    expect(alarm).toMatchObject({
      Namespace: metricNamespace,
      MetricName: metrics.urgentUnacknowledged.name,
      Statistic: 'Maximum',
      Period: 300,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'breaching',
    });
    expect(alarm).not.toHaveProperty('Dimensions');
  });

  it('leave a failed site build to its EventBridge rule, one message per failed build', () => {
    // Act
    const failedBuilds = alarms().filter((a) => JSON.stringify(a.Properties).includes('FailedBuilds'));
    const rules = Object.values(resourcesOf(synth.template, 'AWS::Events::Rule')).filter((r) =>
      JSON.stringify(r.Properties.EventPattern ?? {}).includes('CodeBuild Build State Change'),
    );
    // Assess
    expect(failedBuilds).toEqual([]);
    expect(rules).toHaveLength(1);
    expect(rules[0]?.Properties.Targets).toEqual([expect.objectContaining({ Arn: { Ref: opsTopicId() } })]);
  });
});

interface Widget {
  type: string;
  properties: { title?: string; alarms?: string[]; metrics?: unknown[][] };
}

/** The dashboard's name and widgets, each CloudFormation reference shown as `<logical id>`. */
function dashboard(): { name: unknown; widgets: Widget[] } {
  const [, resource] = onlyResource(synth.template, 'AWS::CloudWatch::Dashboard');
  const parts = (resource.Properties.DashboardBody as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
  const text = parts
    .map((part) => (typeof part === 'string' ? part : `<${Object.values(part as object).flat()[0]}>`))
    .join('');
  return {
    name: resource.Properties.DashboardName,
    widgets: (JSON.parse(text) as { widgets: Widget[] }).widgets,
  };
}

/** Every metric a graph draws: `namespace/name` for a metric, the expression for a SEARCH. */
const drawn = (widgets: Widget[]) =>
  widgets.flatMap((w) =>
    (w.properties.metrics ?? []).map((line) =>
      typeof line[0] === 'string'
        ? `${line[0]}/${line[1]}`
        : String((line[0] as { expression: string }).expression),
    ),
  );

describe('dashboard', () => {
  it('is one dashboard, named hutong, that draws every metric of the catalogue, one line per dimension value', () => {
    // Act
    const { name, widgets } = dashboard();
    const lines = drawn(widgets);
    // Assess
    expect(name).toBe('hutong');
    for (const definition of Object.values(metrics)) {
      const expected =
        'dimension' in definition
          ? `SEARCH('{${metricNamespace},${definition.dimension}} MetricName="${definition.name}"', 'Sum', 300)`
          : `${metricNamespace}/${definition.name}`;
      expect(lines, definition.name).toContain(expected);
    }
  });

  it('shows every alarm, API latency and errors, Lambda errors, DynamoDB throttles and site builds', () => {
    // Prepare
    const alarmIds = Object.keys(resourcesOf(synth.template, 'AWS::CloudWatch::Alarm'));
    // Act
    const { widgets } = dashboard();
    const lines = drawn(widgets);
    // Assess
    expect(widgets.flatMap((w) => w.properties.alarms ?? []).sort()).toEqual(
      alarmIds.map((id) => `<${id}>`).sort(),
    );
    for (const metric of [
      'AWS/ApiGateway/Latency',
      'AWS/ApiGateway/5xx',
      'AWS/DynamoDB/ReadThrottleEvents',
      'AWS/DynamoDB/WriteThrottleEvents',
      'AWS/CodeBuild/FailedBuilds',
    ]) {
      expect(lines, metric).toContain(metric);
    }
    expect(lines).toContain(
      `SEARCH('{AWS/Lambda,FunctionName} MetricName="Errors" FunctionName=hutong', 'Sum', 300)`,
    );
  });
});
