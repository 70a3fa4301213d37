/**
 * The local runtime: the whole portal in one process, on the embedded DynamoDB. `start()` runs
 * its steps in order; `stop()` undoes them in reverse, letting requests in flight finish and
 * the database flush, so nothing is lost.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { anyPublished } from '../published-workshops.ts';
import { ensureSiteBuilt, repoRoot, siteDist } from '../site-build.ts';
import { ensureContactKey } from './contact-key.ts';
import { createTables, startDynamo } from './dynamodb.ts';
import { localFunctionEnvironment } from './function-environment.ts';
import type { StaffAccount } from './identity/accounts.ts';
import { jwtAuthorizer } from './identity/authorizer.ts';
import { startIdentity } from './identity/server.ts';
import { apiRouter, loadRoutes } from './router.ts';
import { startSchedules } from './schedules.ts';
import { startSiteBuilder } from './site-builder.ts';
import { staticSite } from './static-site.ts';
import { injectStoreFaults, type StoreFaults } from './store-faults.ts';

/** How to run. Every field has a default; port 0 picks a free port. */
export interface StartOptions {
  port?: number;
  dynamodbPort?: number;
  /** A DynamoDB already running (another dynalite, DynamoDB Local) to use instead of the embedded one. */
  dynamodbEndpoint?: string;
  /** The OpenID provider's port: 4322 by default, or a free port when `port` is 0 (tests). */
  oidcPort?: number;
  /** Where the database and the receipt salt live; kept across restarts. */
  dataDir?: string;
  /** Interface to listen on; loopback by default, so reports never leave the machine. */
  host?: string;
  /** Print nothing (tests); `output()` still has every line. */
  quiet?: boolean;
  /** TEST ONLY: slow and failing writes (`HUTONG_STORE_FAULTS`, infra/local/store-faults.ts). */
  storeFaults?: StoreFaults;
}

/** A running portal. */
export interface Runtime {
  /** The portal's address, e.g. `http://localhost:4321`. */
  url: string;
  dynamodbEndpoint: string;
  dataDir: string;
  /** The local OpenID provider's issuer, e.g. `http://localhost:4322`; tokens' `iss`. */
  oidcIssuer: string;
  /** The console's OpenID client id, the audience staff tokens are checked against. */
  oidcClientId: string;
  /** The seeded staff accounts: username, roles, community. */
  staffAccounts: readonly StaffAccount[];
  /** The development password every seeded account shares. */
  staffPassword: string;
  /** Everything the runtime itself printed. */
  output(): string;
  stop(): Promise<void>;
}

/** The salt is generated once per data directory and never changes: old receipts must keep working. */
function ensureReceiptSalt(dataDir: string): string {
  const file = join(dataDir, 'receipt-salt');
  if (!existsSync(file))
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return file;
}

function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise((done) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(force);
      done();
    });
    server.closeIdleConnections();
  });
}

/**
 * Starts the portal: env, embedded DynamoDB, tables, site, site builder, identity provider,
 * schedules, router.
 */
export async function start(options: StartOptions = {}): Promise<Runtime> {
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    if (!options.quiet) console.log(line);
  };

  // 1. Environment: the data directory and the receipt salt.
  const dataDir = resolve(repoRoot, options.dataDir ?? '.data');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const saltFile = ensureReceiptSalt(dataDir);

  // 2. Embedded DynamoDB, its LevelDB in the data directory; or the DynamoDB at
  //    `dynamodbEndpoint`, which keeps its own data and keeps running after stop().
  const dynamo = options.dynamodbEndpoint
    ? { endpoint: options.dynamodbEndpoint, stop: async () => {} }
    : await startDynamo(options.dynamodbPort ?? 8000, dataDir);

  // 3. Tables, from the one definition in functions/store/tables.ts.
  const created = await createTables(dynamo.endpoint);
  if (created.length) say(`Created table ${created.join(', ')}.`);

  // The handlers read these at import, exactly as a Lambda reads its configuration.
  Object.assign(
    process.env,
    localFunctionEnvironment({
      dataDir,
      dynamodbEndpoint: dynamo.endpoint,
      saltFile,
      contactKey: ensureContactKey(dataDir),
    }),
  );

  // Test only: slow and failing writes, before any handler has used the client.
  if (options.storeFaults) {
    await injectStoreFaults(options.storeFaults);
    say('Injecting store faults into every write (HUTONG_STORE_FAULTS): for tests only.');
  }

  // 4. The site, rebuilt if its sources changed since the last build.
  try {
    if (await ensureSiteBuilt()) say('Built the site.');
  } catch (error) {
    await dynamo.stop();
    throw error;
  }

  // 5. The site builder: a publish asks for a build (SITE_BUILD above); the builder exports the
  //    published workshops, builds the site into a new folder and serves it once it is whole.
  const builder = await startSiteBuilder({
    folder: join(dataDir, 'site-build'),
    fallbackRoot: siteDist,
    anyPublished,
    say,
  });

  // 6. The identity provider on its own port, as Cognito's domain is its own origin: the seeded
  //    staff accounts, their directory for the office functions, and the issuer tokens name.
  const host = options.host ?? '127.0.0.1';
  let identity: Awaited<ReturnType<typeof startIdentity>>;
  try {
    identity = await startIdentity({
      port: options.oidcPort ?? (options.port === 0 ? 0 : 4322),
      host,
      dataDir,
      onError: (error) =>
        say(`Sign-in service error: ${error instanceof Error ? error.message : String(error)}`),
    });
  } catch (error) {
    await builder.stop();
    await dynamo.stop();
    throw error;
  }
  Object.assign(process.env, {
    OIDC_ISSUER: identity.issuer,
    OIDC_CLIENT_ID: identity.clientId,
    STAFF_DIRECTORY: `file:${identity.directoryFile}`,
  });

  // 7. The scheduled jobs, each on its timer (the purge of expired records).
  const timers = await startSchedules((name) =>
    say(`Scheduled job ${name} failed; it runs again on its next turn.`),
  );

  // 8. The router for /api/* from functions/routes.ts, and the static site for the rest. Staff
  //    routes check tokens as API Gateway's JWT authorizer does, with the console as audience.
  const api = apiRouter(
    await loadRoutes(),
    jwtAuthorizer({ issuer: identity.issuer, audience: [identity.clientId] }),
  );
  const site = staticSite(builder.root);
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const isApi = (request.url ?? '/').startsWith('/api/');
    if (!isApi) return site(request, response);
    api(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end('{"error":"internal_error","message":"Internal error"}');
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 4321, host, done);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`;
  // The console's pages are the provider's redirect URIs, so it answers once they are known.
  identity.admitConsole(url);

  return {
    url,
    dynamodbEndpoint: dynamo.endpoint,
    dataDir,
    oidcIssuer: identity.issuer,
    oidcClientId: identity.clientId,
    staffAccounts: identity.accounts,
    staffPassword: identity.password,
    output: () => lines.join('\n'),
    async stop() {
      await closeServer(server);
      await timers.stop();
      await builder.stop();
      await identity.stop();
      await dynamo.stop();
    },
  };
}
