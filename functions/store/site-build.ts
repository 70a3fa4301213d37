/**
 * The public site's rebuild after a publish: asked for, and where it is. Two backends, from env
 * `SITE_BUILD`: `dir:<path>` on one machine (a `requested` file the local runtime's builder
 * watches, and the `status.json` it writes), `codebuild:<project>` in AWS (an item in the table
 * that the `start-site-build` job turns into a CodeBuild build; site-build-aws.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { requireEnv } from './env.ts';
import { combine, type SiteBuild, siteBuildFiles } from './site-build-state.ts';

export type { SiteBuild, SiteBuildStep } from './site-build-state.ts';
export { siteBuildFiles, siteBuildSteps } from './site-build-state.ts';

/** The backend `SITE_BUILD` names. */
export type SiteBuildBackend = { kind: 'dir'; path: string } | { kind: 'codebuild'; project: string };

/**
 * Reads a `SITE_BUILD` value; throws on one it does not know.
 * @example siteBuildBackend('dir:.data/site-build') // { kind: 'dir', path: '.data/site-build' }
 */
export function siteBuildBackend(value: string): SiteBuildBackend {
  if (value.startsWith('dir:') && value.length > 4) return { kind: 'dir', path: value.slice(4) };
  if (value.startsWith('codebuild:') && value.length > 10) {
    return { kind: 'codebuild', project: value.slice(10) };
  }
  throw new Error(`SITE_BUILD must be dir:<path> or codebuild:<project>, not ${value}`);
}

const backend = siteBuildBackend(requireEnv('SITE_BUILD'));

/**
 * Asks for a rebuild of the public site with what is published now. Many requests close
 * together make one build.
 */
export async function requestSiteBuild(now: Date): Promise<void> {
  if (backend.kind === 'codebuild') {
    const { recordRequest } = await import('./site-build-aws.ts');
    return recordRequest(now);
  }
  await mkdir(backend.path, { recursive: true });
  // Written whole then renamed, so the builder never reads half a time.
  const temporary = join(backend.path, `.${siteBuildFiles.request}.${randomUUID()}.tmp`);
  await writeFile(temporary, now.toISOString());
  await rename(temporary, join(backend.path, siteBuildFiles.request));
}

/** Where the site's rebuild is now. */
export async function siteBuildStatus(): Promise<SiteBuild> {
  if (backend.kind === 'codebuild') {
    const { buildStatus } = await import('./site-build-aws.ts');
    return buildStatus(backend.project);
  }
  const requestedAt = (await readOrNothing(join(backend.path, siteBuildFiles.request)))?.trim();
  const text = await readOrNothing(join(backend.path, siteBuildFiles.status));
  const last = text ? (JSON.parse(text) as SiteBuild) : undefined;
  return combine(requestedAt || undefined, last);
}

async function readOrNothing(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
