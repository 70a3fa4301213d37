/**
 * `npm start`: runs the local runtime and says what a person needs to use it. Ctrl-C or
 * SIGTERM stops it cleanly; a second Ctrl-C forces it.
 */
import { isAbsolute, relative } from 'node:path';

// Before the SDK loads: its Node 20 deprecation notice says nothing a local user can act on.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { mainTable } = await import('../../functions/store/tables.ts');
const { repoRoot } = await import('../site-build.ts');
const { start } = await import('./start.ts');
const { parseStoreFaults, storeFaultsVariable } = await import('./store-faults.ts');

function portFrom(name: string, fallback: number): number {
  const value = process.env[name];
  const port = value === undefined || value === '' ? fallback : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name} must be a port number (0–65535), not "${value}".`);
    process.exit(2);
  }
  return port;
}

let runtime: Awaited<ReturnType<typeof start>>;
try {
  runtime = await start({
    port: portFrom('PORT', 4321),
    dynamodbPort: portFrom('DYNAMODB_PORT', 8000),
    oidcPort: portFrom('OIDC_PORT', 4322),
    dataDir: process.env.HUTONG_DATA_DIR || '.data',
    ...(process.env.HOST ? { host: process.env.HOST } : {}),
    ...(process.env.HUTONG_DYNAMODB_ENDPOINT
      ? { dynamodbEndpoint: process.env.HUTONG_DYNAMODB_ENDPOINT }
      : {}),
    ...(process.env[storeFaultsVariable]
      ? { storeFaults: parseStoreFaults(process.env[storeFaultsVariable]) }
      : {}),
  });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error(
      'A port is already in use. Stop the other program, or choose ports: PORT=4322 DYNAMODB_PORT=8001 OIDC_PORT=4323 npm start',
    );
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
}

// Inside the repository a short relative path reads best; anywhere else, the full path.
const inside = relative(repoRoot, runtime.dataDir);
const data = inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : runtime.dataDir;
const width = Math.max(...runtime.staffAccounts.map((account) => account.username.length));
const accounts = runtime.staffAccounts
  .map(
    (account) =>
      `             ${account.username.padEnd(width)}  ${account.roles.join(', ').padEnd(8)}  ${account.community}`,
  )
  .join('\n');
console.log(`
Hutong is running.

  Portal     ${runtime.url}/   (English: ${runtime.url}/en/)
  API        ${runtime.url}/api/health   (contract: ${runtime.url}/api/openapi.json)
  DynamoDB   ${runtime.dynamodbEndpoint}   table "${mainTable.id}" (any credentials work)
             AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local aws dynamodb scan --table-name ${mainTable.id} \\
               --endpoint-url ${runtime.dynamodbEndpoint} --region local
  Data       ${data}   kept across restarts; \`npm run reset\` wipes it
  Office     ${runtime.url}/office/   (English: ${runtime.url}/en/office/)
  Sign-in    ${runtime.oidcIssuer}   local OpenID provider, client "${runtime.oidcClientId}"
  Staff      every account's password is ${runtime.staffPassword}
${accounts}

Press Ctrl-C to stop.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) {
      console.log('Stopping now, without waiting.');
      process.exit(130);
    }
    stopping = true;
    console.log('\nStopping: finishing requests in flight and closing the database…');
    await runtime.stop();
    console.log(`Stopped. Your data is safe in ${data}.`);
    process.exit(0);
  });
}
