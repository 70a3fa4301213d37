/**
 * Serves a built site (site/dist, or a test's own build) to a browser context at an invented
 * origin, through the browser's request routing: the built files exactly as they are, with the
 * headers the local runtime and CloudFront send them with (infra/security-headers.ts), so the
 * Content Security Policy a resident's browser enforces is enforced here too. For tests about the
 * built files themselves (the search index, the print stylesheet, published workshops).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { siteHeaders } from '../../infra/security-headers.ts';
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
 * Answers every request to `builtSiteOrigin` from `root` (site/dist unless a test built its own):
 * `/x/` is `/x/index.html`, each with `siteHeaders` for its path.
 * @example await serveBuiltSite(context); await page.goto(`${builtSiteOrigin}/search/`);
 */
export async function serveBuiltSite(context: BrowserContext, root = siteDist): Promise<void> {
  await context.route(`${builtSiteOrigin}/**`, (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
      return route.fulfill({ status: 404, body: '' });
    }
    return route.fulfill({
      body: readFileSync(file),
      contentType: contentTypes[extname(file)] ?? 'application/octet-stream',
      headers: siteHeaders(path),
    });
  });
}
