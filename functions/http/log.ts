/**
 * The functions' only logger: Powertools Logger, one JSON line per call, fed only the fields
 * listed below. A body, a header, an address, a User-Agent, a receipt, report text or a contact
 * can never reach it, because nothing outside the list is passed on.
 */
import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The fields a log line may carry, listed once: the type and the filter both derive from it.
 * Each holds a fixed code, a count or a non-identifying reference; docs/observability.md says why
 * each is safe.
 */
export const allowedLogFields = [
  'route',
  'status',
  'code',
  'errorName',
  'durationMs',
  'replayed',
  'urgent',
  'count',
  'ref',
  'community',
] as const;

/**
 * The keys Powertools itself writes on every line (or when a Lambda context is added): level,
 * time, the service name, the function's identity and the trace id. None describes a caller.
 */
export const powertoolsLogKeys = [
  'level',
  'message',
  'timestamp',
  'service',
  'cold_start',
  'function_arn',
  'function_memory_size',
  'function_name',
  'function_request_id',
  'sampling_rate',
  'xray_trace_id',
  'tenant_id',
] as const;

/** A field a log line may carry. */
export type LogField = (typeof allowedLogFields)[number];

/** The value types of the allowed fields. */
interface LogFieldTypes {
  route: string;
  status: number;
  code: string;
  errorName: string;
  durationMs: number;
  replayed: boolean;
  urgent: boolean;
  /** How many items a job touched. */
  count: number;
  /** An office reference and a community: never identifying, as urgent alerts carry them. */
  ref: string;
  community: string;
}

/** The fields a log line may carry; anything else is dropped. */
export type LogFields = Partial<Pick<LogFieldTypes, LogField>>;

const allowed: ReadonlySet<string> = new Set(allowedLogFields);

// No Lambda context and no event: `injectLambdaContext` and `logEventIfEnabled` are never called,
// so POWERTOOLS_LOGGER_LOG_EVENT has nothing to act on.
const logger = new Logger({ serviceName: 'hutong' });

/**
 * Keeps only the allowed fields, and only values of a plain type (no object can smuggle text in).
 * @example safeFields({ route: 'GET /api/health', body: '…' }) // { route: 'GET /api/health' }
 */
export function safeFields(fields: Record<string, unknown>): LogFields {
  return Object.fromEntries(
    Object.entries(fields).filter(
      ([key, value]) => allowed.has(key) && ['string', 'number', 'boolean'].includes(typeof value),
    ),
  ) as LogFields;
}

/**
 * Logs a message with allow-listed fields only. The message is a fixed sentence, never built
 * from input.
 * @example log('error', 'request failed', { route: 'POST /api/reports', errorName: error.name })
 */
export function log(level: 'info' | 'warn' | 'error', message: string, fields: LogFields = {}): void {
  logger[level](message, safeFields(fields as Record<string, unknown>));
}
