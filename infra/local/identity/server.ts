/**
 * The local OpenID provider on its own port, as Cognito's hosted domain is its own origin. It
 * listens first, so its issuer is known before the functions load; it starts answering once the
 * console's address is known, because the console's pages are its client's redirect URIs.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Provider } from 'oidc-provider';
import {
  developmentPassword,
  passwordCheck,
  type StaffAccount,
  staffAccounts,
  writeStaffDirectory,
} from './accounts.ts';
import { consoleClientId, providerConfiguration } from './configuration.ts';
import { interactions } from './interactions.ts';
import { ensureSigningKeys } from './keys.ts';
import { pageHeaders, stylesheet, stylesheetPath } from './pages.ts';

/** How to run the provider. */
export interface IdentityOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** Where the signing key and the staff directory are kept. */
  dataDir: string;
  /** Called with errors the provider could not answer cleanly (its 5xx). */
  onError?: (error: unknown) => void;
}

/** A running identity provider. */
export interface IdentityProvider {
  /** The issuer, e.g. `http://localhost:4322`: tokens' `iss`, and where discovery lives. */
  issuer: string;
  /** The console's client id. */
  clientId: string;
  accounts: readonly StaffAccount[];
  /** The development password every seeded account shares. */
  password: string;
  /** The staff directory file the office functions read (`STAFF_DIRECTORY=file:<path>`). */
  directoryFile: string;
  /** Registers the console at `consoleUrl` (its pages become the redirect URIs) and starts answering. */
  admitConsole(consoleUrl: string): void;
  stop(): Promise<void>;
}

/**
 * oidc-provider 9 warns at import that Node 20 is unsupported; it works there (DESIGN.md's
 * version table), and a local user can do nothing about it, so that one line is held back.
 */
async function importOidcProvider(): Promise<typeof import('oidc-provider')> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('Unsupported runtime')) warn(...args);
  };
  try {
    return await import('oidc-provider');
  } finally {
    console.warn = warn;
  }
}

/** Starts listening; answers 503 until `admitConsole()`. */
export async function startIdentity(options: IdentityOptions): Promise<IdentityProvider> {
  const [{ Provider: OidcProvider }, keys, passwords] = await Promise.all([
    importOidcProvider(),
    ensureSigningKeys(options.dataDir),
    passwordCheck(staffAccounts),
  ]);
  const directoryFile = writeStaffDirectory(options.dataDir, staffAccounts);
  let handle: ((request: IncomingMessage, response: ServerResponse) => Promise<void>) | undefined;

  const server = createServer((request, response) => {
    if (!handle) {
      response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' });
      response.end('The sign-in service is starting.\n');
      return;
    }
    handle(request, response).catch((error: unknown) => {
      options.onError?.(error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Internal error\n');
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, done);
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${options.host === '127.0.0.1' ? 'localhost' : options.host}:${port}`;

  return {
    issuer,
    clientId: consoleClientId,
    accounts: staffAccounts,
    password: developmentPassword,
    directoryFile,
    admitConsole(consoleUrl) {
      const provider: Provider = new OidcProvider(
        issuer,
        providerConfiguration({ consoleUrl, accounts: staffAccounts, keys: keys.keys }),
      );
      provider.on('server_error', (_ctx, error) => options.onError?.(error));
      const consoleOrigin = new URL(consoleUrl).origin;
      const headers = pageHeaders(consoleOrigin);
      const interaction = interactions(provider, passwords, consoleOrigin);
      const oidc = provider.callback();
      handle = async (request, response) => {
        const path = new URL(request.url ?? '/', issuer).pathname;
        // Every answer, the provider's own pages included, gets the pages' CSP and headers.
        for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
        if (path === stylesheetPath) {
          response.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' });
          response.end(request.method === 'HEAD' ? undefined : stylesheet);
        } else if (/^\/interaction\/[^/]+$/.test(path)) {
          await interaction(request, response);
        } else {
          oidc(request, response);
        }
      };
    },
    stop() {
      return new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    },
  };
}
