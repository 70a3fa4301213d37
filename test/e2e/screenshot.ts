/**
 * Screenshots for a person to look at, saved under test/.out/screenshots/ only when asked
 * (`HUTONG_SCREENSHOTS=1 npx vitest run test/e2e/screenshots.test.ts …`): encoding full-page
 * PNGs is most of what those tests cost, and in CI nobody looks at them. What the tests assert
 * is checked either way. `npm run screenshots` makes the public pages' set in docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../infra/site-build.ts';

/** Whether this run keeps screenshots. */
export const keepScreenshots = process.env.HUTONG_SCREENSHOTS === '1';

const outDir = join(repoRoot, 'test', '.out', 'screenshots');

/**
 * Saves what `target` (a page, or one element of it) shows as `<name>`, when this run keeps
 * screenshots; `fullPage` for the whole length of a page.
 */
export async function saveScreenshot(
  target: { screenshot(options: { path: string }): Promise<unknown> },
  name: string,
  fullPage = false,
): Promise<void> {
  if (!keepScreenshots) return;
  mkdirSync(outDir, { recursive: true });
  await target.screenshot({ path: join(outDir, name), ...(fullPage ? { fullPage } : {}) });
}
