/**
 * The EventBridge rules around the site build: a failed build alerts the ops topic, and every
 * deploy rebuilds the site, so the trainers' published workshops are back in it after the deploy
 * has copied the repository's own build into the bucket.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import { EventField, Rule, RuleTargetInput } from 'aws-cdk-lib/aws-events';
import { CodeBuildProject, SnsTopic } from 'aws-cdk-lib/aws-events-targets';
import type { OpsTopic } from './ops-topic.ts';
import type { SiteBuildJob } from './site-build-job.ts';

/** The build states that leave the old site up: the build never reached its sync. */
export const failedBuildStates = ['FAILED', 'STOPPED', 'TIMED_OUT'] as const;

/** The stack states after which the bucket holds the deployer's build of the site. */
export const deployedStackStates = [
  'CREATE_COMPLETE',
  'UPDATE_COMPLETE',
  'UPDATE_ROLLBACK_COMPLETE',
] as const;

/**
 * Publishes to the ops topic when a build of this project fails, stops or times out. The message
 * names the project and the build, and what the public sees; never who started it (CodeBuild's
 * event carries the initiator, which is left out).
 * @example alertOnFailedBuilds(siteBuild, opsTopic)
 */
export function alertOnFailedBuilds(job: SiteBuildJob, ops: OpsTopic): Rule {
  const status = EventField.fromPath('$.detail.build-status');
  const project = EventField.fromPath('$.detail.project-name');
  const build = EventField.fromPath('$.detail.build-id');
  return new Rule(job, 'failed', {
    description: 'Alerts the ops topic when the site build fails: the public site stays as it was',
    eventPattern: {
      source: ['aws.codebuild'],
      detailType: ['CodeBuild Build State Change'],
      detail: { 'project-name': [job.project.projectName], 'build-status': [...failedBuildStates] },
    },
    targets: [
      new SnsTopic(ops.topic, {
        role: ops.publisher,
        message: RuleTargetInput.fromText(
          `Hutong: the site build ${status} (project ${project}, build ${build}). The public site ` +
            'still shows the last successful build. Read the build log in CodeBuild, fix the cause, ' +
            'and start a build again (docs/operations.md, The site build).',
        ),
      }),
    ],
  });
}

/**
 * Starts a build when a deploy of this stack has finished (or rolled back): the deploy's own
 * copy of `site/dist` has no trainer-published workshops, and the build puts them back.
 * @example rebuildAfterDeploys(siteBuild)
 */
export function rebuildAfterDeploys(job: SiteBuildJob): Rule {
  return new Rule(job, 'after-deploy', {
    description: 'Rebuilds the site with the published workshops after each deploy of the stack',
    eventPattern: {
      source: ['aws.cloudformation'],
      detailType: ['CloudFormation Stack Status Change'],
      detail: {
        'stack-id': [Stack.of(job).stackId],
        'status-details': { status: [...deployedStackStates] },
      },
    },
    targets: [new CodeBuildProject(job.project, { retryAttempts: 2, maxEventAge: Duration.hours(1) })],
  });
}
