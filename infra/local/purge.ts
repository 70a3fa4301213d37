/**
 * `npm run purge`: runs the purge of expired records and retention now, on the local data, the
 * same functions the schedules run. `-- --now=2027-12-01` sets the clock for a drill. Uses the
 * running portal's database if `npm start` is up, or opens the data directory itself if not.
 */
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { repoRoot } = await import('../site-build.ts');
const { mainTable } = await import('../../functions/store/tables.ts');
const { createTables, localAws, startDynamo } = await import('./dynamodb.ts');

const now = process.argv.find((arg) => arg.startsWith('--now='))?.slice('--now='.length);
if (now !== undefined && Number.isNaN(Date.parse(now))) {
  console.error(`--now must be a date, like --now=2027-12-01 (not "${now}").`);
  process.exit(2);
}
const port = Number(process.env.DYNAMODB_PORT || 8000);
const dataDir = resolve(repoRoot, process.env.HUTONG_DATA_DIR || '.data');

const running = await new Promise<boolean>((done) => {
  const socket = createConnection({ port, host: '127.0.0.1' }, () => {
    socket.end();
    done(true);
  });
  socket.on('error', () => done(false));
});
const embedded = running ? undefined : await startDynamo(0, dataDir);
if (embedded) await createTables(embedded.endpoint);
Object.assign(process.env, {
  [mainTable.envVar]: mainTable.id,
  DYNAMODB_ENDPOINT: embedded?.endpoint ?? `http://127.0.0.1:${port}`,
  AWS_REGION: localAws.region,
  AWS_ACCESS_KEY_ID: localAws.credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: localAws.credentials.secretAccessKey,
  POWERTOOLS_METRICS_DISABLED: 'true',
});
try {
  const expired = await import(join(repoRoot, 'functions/handlers/purge-expired.ts'));
  const retention = await import(join(repoRoot, 'functions/handlers/retention.ts'));
  const purged = await expired.handler();
  const retired = await retention.handler(now ? { now } : undefined);
  console.log(
    `Purged ${purged.deleted} expired records. Retention${now ? ` as of ${now}` : ''}: deleted ${retired.deleted} closed reports, kept ${retired.kept} updated by their reporter since closing.`,
  );
} finally {
  await embedded?.stop();
}
