/**
 * TEST ONLY: slow and failing writes, for `npm run bench:faults` and its short test. The local
 * runtime adds this middleware to the handlers' DynamoDB client when `HUTONG_STORE_FAULTS` is
 * set. Nothing under functions/ imports it, so no Lambda bundle can contain it
 * (test/infra/bundles.test.ts searches every bundle for this file's names).
 */

/** The variable that turns the faults on, e.g. `HUTONG_STORE_FAULTS=latency:200,errors:0.2`. */
export const storeFaultsVariable = 'HUTONG_STORE_FAULTS';

/** The middleware's name in the client's stack; also the marker the bundle test looks for. */
export const storeFaultsMiddleware = 'hutongStoreFaults';

/** What to inject into every write. */
export interface StoreFaults {
  /** Milliseconds each write waits before it is sent. */
  latencyMs: number;
  /** The fraction of writes that fail: half before reaching the database, half after it stored them. */
  errorRate: number;
}

/** The DynamoDB operations that write; reads and queries are left alone. */
const writeCommands = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
]);

/** An injected failure, as the store sees a lost connection: the handler must answer 503. */
export class InjectedStoreFaultError extends Error {
  constructor(when: 'before' | 'after', command: string) {
    super(`Injected store fault ${when} ${command} (${storeFaultsVariable})`);
    this.name = 'InjectedStoreFaultError';
  }
}

/**
 * Reads a fault spec: comma-separated `latency:<ms>` and `errors:<fraction 0–1>`.
 * @example parseStoreFaults('latency:200,errors:0.2') // { latencyMs: 200, errorRate: 0.2 }
 */
export function parseStoreFaults(spec: string): StoreFaults {
  const faults: StoreFaults = { latencyMs: 0, errorRate: 0 };
  for (const part of spec.split(',')) {
    const [name, raw = ''] = part.trim().split(':');
    const value = Number(raw);
    if (name === 'latency' && raw !== '' && Number.isInteger(value) && value >= 0) faults.latencyMs = value;
    else if (name === 'errors' && raw !== '' && value >= 0 && value <= 1) faults.errorRate = value;
    else throw new Error(`${storeFaultsVariable}: "${part}" is not latency:<ms> or errors:<0–1>`);
  }
  return faults;
}

/**
 * Makes every write of the handlers' shared DynamoDB client slow and some fail, and logs each
 * injected failure as one line, so a bench can count them. Call after the table's environment is
 * set: the client module reads it when it loads.
 */
export async function injectStoreFaults(faults: StoreFaults): Promise<void> {
  const { documentClient } = await import('../../functions/store/client.ts');
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      if (!writeCommands.has(command)) return next(args);
      if (faults.latencyMs) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
      const fails = Math.random() < faults.errorRate;
      const when = Math.random() < 0.5 ? 'before' : 'after';
      if (fails && when === 'before') {
        console.log(`[store-faults] failed before ${command}`);
        throw new InjectedStoreFaultError(when, command);
      }
      const result = await next(args);
      if (fails) {
        // The write is stored, but its answer is lost: the case a retry must not duplicate.
        console.log(`[store-faults] failed after ${command}`);
        throw new InjectedStoreFaultError(when, command);
      }
      return result;
    },
    { step: 'initialize', name: storeFaultsMiddleware },
  );
}
