/**
 * Serves the built site from site/dist with the same security headers CloudFront adds:
 * directory URLs resolve to their index.html, hashed assets are cached for a year, pages are
 * revalidated, and a missing page gets the site's 404 page.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { officeHeaders, securityHeaders, siteHeaders } from '../security-headers.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

function fileFor(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  if (!existsSync(path)) return undefined;
  return statSync(path).isDirectory() ? undefined : path;
}

/** The console's pages, in every language: `/office/…`, `/en/office/…`. */
const officePath = /^\/(?:[a-z]{2}(?:-[A-Z]{2})?\/)?office(?:\/|$)/;

/**
 * The headers a path is served with. The console gets its own: the identity provider's origin
 * (from `OIDC_ISSUER`, which the runtime sets) in its CSP, and never cached. A missing file's 404
 * page is a page, whatever path asked for it: a browser must not keep it as a hashed file.
 */
function headersFor(pathname: string, status: number): Record<string, string> {
  if (officePath.test(pathname)) {
    const issuer = process.env.OIDC_ISSUER;
    return officeHeaders(issuer ? [new URL(issuer).origin] : []);
  }
  return siteHeaders(status === 200 ? pathname : '/404.html');
}

function send(request: IncomingMessage, response: ServerResponse, status: number, file: string): void {
  const pathname = new URL(request.url ?? '/', 'http://local').pathname;
  response.writeHead(status, {
    ...headersFor(pathname, status),
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
}

/**
 * Builds the request listener that serves `root`. Given a function, it asks for the folder once
 * per request, so the runtime's builder can swap a new build in whole between two requests.
 */
export function staticSite(root: string | (() => string)) {
  const rootNow = typeof root === 'string' ? () => root : root;
  return (request: IncomingMessage, response: ServerResponse): void => {
    const root = rootNow();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...securityHeaders, allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://local');
    const directory = url.pathname.endsWith('/');
    const file = fileFor(root, directory ? join(url.pathname, 'index.html') : url.pathname);
    if (file) {
      send(request, response, 200, file);
      return;
    }
    if (!directory && fileFor(root, join(url.pathname, 'index.html'))) {
      response.writeHead(301, { ...securityHeaders, location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const notFound = fileFor(root, '/404.html');
    if (notFound) {
      send(request, response, 404, notFound);
      return;
    }
    response
      .writeHead(404, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' })
      .end('Not found');
  };
}
