/** Builds the site once before any test file runs, if it is missing or stale. */
import { ensureSiteBuilt } from '../infra/site-build.ts';

/** Vitest global setup. */
export async function setup(): Promise<void> {
  await ensureSiteBuilt();
}
