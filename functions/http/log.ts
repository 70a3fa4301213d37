/**
 * The functions' only logger. It writes one JSON line per call with an allow-listed set of
 * fields: never a body, a header, an address, a receipt or report text.
 */

/** The fields a log line may carry; anything else is dropped. */
export interface LogFields {
  route?: string;
  status?: number;
  code?: string;
  errorName?: string;
  durationMs?: number;
  replayed?: boolean;
  urgent?: boolean;
  /** How many items a job touched. */
  count?: number;
  /** An office reference and a community: never identifying, as urgent alerts carry them. */
  ref?: string;
  community?: string;
}

const allowed = new Set<string>([
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
]);

/**
 * Logs a message with allow-listed fields only.
 * @example log('error', 'request failed', { route: 'POST /api/reports', errorName: error.name })
 */
export function log(level: 'info' | 'warn' | 'error', message: string, fields: LogFields = {}): void {
  const safe = Object.fromEntries(Object.entries(fields).filter(([key]) => allowed.has(key)));
  const line = JSON.stringify({ level, message, ...safe, time: new Date().toISOString() });
  if (level === 'error') console.error(line);
  else console.log(line);
}
