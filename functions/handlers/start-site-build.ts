/**
 * Scheduled every minute: in AWS (`SITE_BUILD=codebuild:<project>`), starts the site's CodeBuild
 * project when a publish asked for a build after the last one started and none is running, so
 * ten publishes in a minute make one build. On one machine (`dir:`) the local runtime's builder
 * watches the request itself, and this job has nothing to do.
 */
import { log } from '../http/log.ts';
import { requireEnv } from '../store/env.ts';
import { siteBuildBackend } from '../store/site-build.ts';

const backend = siteBuildBackend(requireEnv('SITE_BUILD'));
let saidLocal = false;

/** Lambda entry point for the EventBridge schedule (the local runtime calls it on a timer). */
export async function handler(): Promise<{ outcome: string }> {
  if (backend.kind === 'dir') {
    if (!saidLocal)
      log('info', "site builds are made by the local runtime's builder", { route: 'start-site-build' });
    saidLocal = true;
    return { outcome: 'local' };
  }
  const { startRequestedBuild } = await import('../store/site-build-aws.ts');
  const outcome = await startRequestedBuild(backend.project, new Date());
  if (outcome.startsWith('started'))
    log('info', 'site build started', { route: 'start-site-build', code: 'started' });
  return { outcome };
}
