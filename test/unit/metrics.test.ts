import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, TooManyReportsError } from '../../functions/domain/errors.ts';
import type { httpHandler as HttpHandlerFactory } from '../../functions/http/handler.ts';
import { allowedLogFields } from '../../functions/http/log.ts';
import type * as Emitter from '../../functions/http/metrics.ts';
import { metricNamespace, metrics } from '../../functions/metrics.ts';
import { capturedLines } from '../support/captured-lines.ts';

interface Emf {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] };
  [key: string]: unknown;
}

let emitter: typeof Emitter;
let httpHandler: typeof HttpHandlerFactory;

beforeAll(async () => {
  // Powertools reads the switch when the module loads; the local runtime turns metrics off.
  process.env.POWERTOOLS_METRICS_DISABLED = 'false';
  emitter = await import('../../functions/http/metrics.ts');
  ({ httpHandler } = await import('../../functions/http/handler.ts'));
});

const emf = (lines: string[]) => lines.map((line) => JSON.parse(line) as Emf);

function event(routeKey: string): APIGatewayProxyEventV2 {
  return { routeKey, headers: {}, requestContext: { http: { method: 'POST' } } } as APIGatewayProxyEventV2;
}

/** The metrics a route's handler emits for an answer, or for an error it throws. */
async function emitted(
  routeKey: string,
  answer: () => Promise<{ statusCode: number; headers?: Record<string, string> }>,
) {
  const { lines } = await capturedLines(() => httpHandler(answer)(event(routeKey)));
  return emf(lines.filter((line) => line.includes('"_aws"'))).map((line) => {
    const names = line._aws.CloudWatchMetrics[0]?.Metrics.map((metric) => metric.Name) ?? [];
    const dimensions = line._aws.CloudWatchMetrics[0]?.Dimensions.flat() ?? [];
    return Object.fromEntries([...names, ...dimensions].map((key) => [key, line[key]]));
  });
}

describe('metrics', () => {
  it('writes one EMF line per dimension value under the namespace, counts summed, no other dimension', async () => {
    // Act
    const { lines } = await capturedLines(() =>
      emitter.withMetrics(async () => {
        emitter.count('reportsRefused', { Reason: 'too_many_reports' });
        emitter.count('reportsRefused', { Reason: 'too_many_reports' });
        emitter.count('reportsRefused', { Reason: 'invalid_report' });
        emitter.add('timeToAcknowledge', 90);
      }),
    );
    // Assess
    const written = emf(lines);
    expect(written).toHaveLength(3);
    for (const line of written) expect(line._aws.CloudWatchMetrics[0]?.Namespace).toBe(metricNamespace);
    const refused = written.filter((line) => 'ReportsRefused' in line);
    expect(refused.map((line) => [line.Reason, line.ReportsRefused])).toEqual(
      expect.arrayContaining([
        ['too_many_reports', 2],
        ['invalid_report', 1],
      ]),
    );
    for (const line of refused) expect(line._aws.CloudWatchMetrics[0]?.Dimensions).toEqual([['Reason']]);
    const acknowledged = written.find((line) => 'TimeToAcknowledge' in line);
    expect(acknowledged?._aws.CloudWatchMetrics[0]?.Dimensions).toEqual([]);
    expect(acknowledged?.TimeToAcknowledge).toBe(90);
    expect(acknowledged).not.toHaveProperty('service');
  });

  it('writes nothing for an invocation that recorded nothing, and refuses a metric outside one', async () => {
    // Act
    const { lines } = await capturedLines(() => emitter.withMetrics(async () => 'done'));
    // Assess
    expect(lines).toEqual([]);
    expect(() => emitter.count('followUps')).toThrow(/outside withMetrics/);
  });

  it('writes what was recorded when the work throws', async () => {
    // Act
    const { lines } = await capturedLines(() =>
      emitter
        .withMetrics(async () => {
          emitter.add('purged', 4, { Kind: 'proof' });
          throw new Error('store down');
        })
        .catch(() => undefined),
    );
    // Assess
    expect(emf(lines).map((line) => [line.Kind, line.Purged])).toEqual([['proof', 4]]);
  });
});

describe('the handler wrapper', () => {
  it('counts a stored report, and not its replay', async () => {
    expect(await emitted('POST /api/reports', async () => ({ statusCode: 201 }))).toEqual([
      { ReportsAccepted: 1 },
    ]);
    expect(
      await emitted('POST /api/reports', async () => ({
        statusCode: 201,
        headers: { 'idempotent-replayed': 'true' },
      })),
    ).toEqual([]);
  });

  it('counts a refused report by its error code, and not a bug', async () => {
    expect(
      await emitted('POST /api/reports', async () => {
        throw new TooManyReportsError('en', 60);
      }),
    ).toEqual([{ ReportsRefused: 1, Reason: 'too_many_reports' }]);
    expect(
      await emitted('POST /api/reports', async () => {
        throw new TypeError('a bug');
      }),
    ).toEqual([]);
    expect(
      await emitted('POST /api/reports', async () => {
        throw new ApiError(503, 'service_unavailable');
      }),
    ).toEqual([{ ReportsRefused: 1, Reason: 'service_unavailable' }]);
  });

  it("leaves a report handler's own count as it is", async () => {
    const decoy = async () => {
      emitter.count('reportsRefused', { Reason: 'honeypot' });
      return { statusCode: 201 };
    };
    expect(await emitted('POST /api/reports', decoy)).toEqual([{ ReportsRefused: 1, Reason: 'honeypot' }]);
  });

  it('counts successful follow-ups on both routes, and nothing elsewhere', async () => {
    expect(await emitted('POST /api/followup', async () => ({ statusCode: 200 }))).toEqual([
      { FollowUps: 1 },
    ]);
    expect(await emitted('POST /api/followup/messages', async () => ({ statusCode: 201 }))).toEqual([
      { FollowUps: 1 },
    ]);
    expect(
      await emitted('POST /api/followup', async () => {
        throw new ApiError(404, 'receipt_not_found');
      }),
    ).toEqual([]);
    expect(await emitted('GET /api/health', async () => ({ statusCode: 200 }))).toEqual([]);
  });
});

describe('docs/observability.md', () => {
  const doc = readFileSync(new URL('../../docs/observability.md', import.meta.url), 'utf8');

  it('names every metric of the catalogue, with its dimension', () => {
    for (const metric of Object.values(metrics)) {
      expect(doc).toContain(`\`${metric.name}\``);
      if ('dimension' in metric) expect(doc).toContain(`\`${metric.dimension}\``);
    }
  });

  it('names every field a log line may carry', () => {
    for (const field of allowedLogFields) expect(doc).toContain(`| \`${field}\` |`);
  });
});
