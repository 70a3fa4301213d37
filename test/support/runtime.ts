/**
 * Runs the real `npm start` entry point in a child process on free ports with its own data
 * directory, and captures everything it prints, so tests see exactly what a user would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import { repoRoot } from '../../infra/site-build.ts';

/** A runtime started for a test. */
export interface SpawnedRuntime {
  url: string;
  dynamodbEndpoint: string;
  dataDir: string;
  /** The local OpenID provider's issuer, as printed on the `Sign-in` line. */
  oidcIssuer: string;
  /** The runtime's process id, for measuring its CPU time. */
  pid: number | undefined;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends a signal and waits for the process to exit; resolves with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A fresh, empty data directory. */
export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'hutong-test-'));
}

/** Starts `infra/local/main.ts` and waits until it prints its addresses. */
export function spawnRuntime(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<SpawnedRuntime> {
  const dataDir = options.dataDir ?? freshDataDir();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      DYNAMODB_PORT: '0',
      OIDC_PORT: '0',
      HUTONG_DATA_DIR: dataDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`runtime did not start in time:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /Portal\s+(http:\/\/localhost:\d+)\//.exec(output)?.[1];
      const dynamodbEndpoint = /DynamoDB\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const oidcIssuer = /Sign-in\s+(http:\/\/localhost:\d+)\s/.exec(output)?.[1];
      if (url && dynamodbEndpoint && oidcIssuer) {
        clearTimeout(timer);
        resolve({
          url,
          dynamodbEndpoint,
          dataDir,
          oidcIssuer,
          pid: child.pid,
          output: () => output,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`runtime exited with ${code} before it started:\n${output}`));
    });
  });
}

/** Every item in every table of the embedded database. */
export async function scanAll(endpoint: string): Promise<Record<string, unknown>[]> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const items: Record<string, unknown>[] = [];
    for (const table of (await client.send(new ListTablesCommand({}))).TableNames ?? []) {
      for await (const page of paginateScan(
        { client: DynamoDBDocumentClient.from(client) },
        { TableName: table },
      )) {
        items.push(...(page.Items ?? []));
      }
    }
    return items;
  } finally {
    client.destroy();
  }
}
