/**
 * The embedded DynamoDB in a child process (`dynamo-server.ts`), on one port and one data
 * directory for its whole life: a test can kill it as a crash would and start it again where
 * the runtime (`HUTONG_DYNAMODB_ENDPOINT`) expects it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { repoRoot } from '../../infra/site-build.ts';

/** A DynamoDB the test controls. */
export interface DynamoProcess {
  endpoint: string;
  /** Kills it with SIGKILL: no flush, no goodbye, as a crash. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  restart(): Promise<void>;
  /** Stops it cleanly (SIGTERM). */
  stop(): Promise<void>;
}

function launch(port: number, dataDir: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/support/dynamo-server.ts', String(port), dataDir],
    {
      cwd: repoRoot,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const endpoint = /DynamoDB (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (endpoint) resolve({ child, endpoint });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`DynamoDB exited with ${code} before it started:\n${output}`)),
    );
  });
}

async function end(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

/** Starts the embedded DynamoDB in its own process, on a free port, with its data in `dataDir`. */
export async function spawnDynamo(dataDir: string): Promise<DynamoProcess> {
  let { child, endpoint } = await launch(0, dataDir);
  const port = Number(new URL(endpoint).port);
  return {
    endpoint,
    kill: () => end(child, 'SIGKILL'),
    restart: async () => {
      ({ child } = await launch(port, dataDir));
    },
    stop: () => end(child, 'SIGTERM'),
  };
}
