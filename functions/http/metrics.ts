/**
 * Emits the portal's metrics (functions/metrics.ts) through Powertools Metrics, as CloudWatch
 * embedded metric format lines on stdout. Values are counts and durations; a dimension's value is
 * a fixed code, never text from a request. Recorded during an invocation, written once at its end.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { type MetricKey, metricNamespace, metrics } from '../metrics.ts';

/** The dimension a metric takes, by name, or none. */
type DimensionOf<K extends MetricKey> = (typeof metrics)[K] extends { dimension: infer D extends string }
  ? [dimension: Record<D, string>]
  : [];

interface Sample {
  key: MetricKey;
  value: number;
  dimension?: readonly [string, string];
}

// Each invocation's own samples: the local runtime runs many handlers at once in one process.
const invocation = new AsyncLocalStorage<Sample[]>();

// Off on one machine (POWERTOOLS_METRICS_DISABLED=true in the local runtime). Without Powertools'
// default `service` dimension, each metric carries exactly the dimension the catalogue names, so
// the stack's alarms and dashboard find it.
const sink = new Metrics({ namespace: metricNamespace, serviceName: 'hutong' });
sink.clearDefaultDimensions();

/**
 * Records a sample of `value`: a count (summed over the invocation; zero is emitted too, so an
 * alarm always has data) or a duration in the catalogue's unit. The dimension is the catalogue's.
 * @example add('purged', 12, { Kind: 'idempotency' })
 * @example add('timeToAcknowledge', 840)
 */
export function add<K extends MetricKey>(key: K, value: number, ...dimension: DimensionOf<K>): void {
  const [values] = dimension as [Record<string, string>?];
  const entry = values ? Object.entries(values)[0] : undefined;
  const pending = invocation.getStore();
  if (!pending) throw new Error(`metric ${key} recorded outside withMetrics()`);
  pending.push({ key, value, ...(entry ? { dimension: entry } : {}) });
}

/**
 * Counts one.
 * @example count('reportsRefused', { Reason: 'rate_limited' })
 */
export function count<K extends MetricKey>(key: K, ...dimension: DimensionOf<K>): void {
  add(key, 1, ...dimension);
}

/**
 * What the invocation running now has recorded, so the handler wrapper can tell whether a handler
 * counted its outcome itself.
 */
export function recorded(key: MetricKey): boolean {
  return invocation.getStore()?.some((sample) => sample.key === key) ?? false;
}

/**
 * Writes a batch of samples: one line per dimension value (EMF gives a line one set of dimension
 * values), counts summed. Writes nothing for an empty batch.
 */
function publish(batch: readonly Sample[]): void {
  const groups = new Map<string, Sample[]>();
  for (const sample of batch) {
    const group = sample.dimension?.join('=') ?? '';
    groups.set(group, [...(groups.get(group) ?? []), sample]);
  }
  for (const samples of groups.values()) {
    const dimension = samples[0]?.dimension;
    if (dimension) sink.addDimension(dimension[0], dimension[1]);
    const counts = new Map<MetricKey, number>();
    for (const { key, value } of samples) {
      const { name, unit } = metrics[key];
      if (unit === 'Count') counts.set(key, (counts.get(key) ?? 0) + value);
      else sink.addMetric(name, MetricUnit[unit], value);
    }
    for (const [key, value] of counts) sink.addMetric(metrics[key].name, MetricUnit.Count, value);
    sink.publishStoredMetrics();
  }
}

/**
 * Runs one invocation's work and writes the metrics it recorded once it ends, thrown or not.
 * @example export const handler = () => withMetrics(async () => add('purged', 3, { Kind: 'proof' }));
 */
export async function withMetrics<R>(work: () => Promise<R>): Promise<R> {
  const samples: Sample[] = [];
  try {
    return await invocation.run(samples, work);
  } finally {
    publish(samples);
  }
}
