/**
 * Serves site/dist to a browser context at an invented origin, through the browser's request
 * routing: the built files exactly as they are, with no server and no headers of the portal's.
 * For tests about the built files themselves (the search index, the print stylesheet).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { siteDist } from '../../infra/site-build.ts';

/** The origin the built site is served at; nothing else answers there. */
export const builtSiteOrigin = 'http://hutong.test';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Answers every request to `builtSiteOrigin` from site/dist: `/x/` is `/x/index.html`.
 * @example await serveBuiltSite(context); await page.goto(`${builtSiteOrigin}/search/`);
 */
export async function serveBuiltSite(context: BrowserContext): Promise<void> {
  await context.route(`${builtSiteOrigin}/**`, (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    const file = join(siteDist, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(siteDist) || !existsSync(file) || statSync(file).isDirectory()) {
      return route.fulfill({ status: 404, body: '' });
    }
    return route.fulfill({
      body: readFileSync(file),
      contentType: contentTypes[extname(file)] ?? 'application/octet-stream',
    });
  });
}
