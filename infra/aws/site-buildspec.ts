/**
 * What the site build job runs, as plain data: the files of the repository it is given, and its
 * buildspec. No CDK here, so the tests read the commands as CodeBuild will.
 */

/**
 * Left out of the source the build job gets: what `npm ci` and the build make again, local data
 * (`.data` holds a local runtime's reports: it must never leave the machine), build and test
 * output, git history and the screenshots. Globs without a slash match at any depth.
 */
export const sourceExcludes = [
  '.git',
  'node_modules',
  '.data',
  'cdk.out',
  'site/dist',
  'site/.astro',
  'docs/screenshots',
  'test/.out',
  'bench/.out',
  '.env*',
  '*.log',
] as const;

/** The variables the job's commands read besides the table's and `UPLOADS`. */
export const deployVariables = {
  /** Where the built site goes: the site bucket's name. */
  siteBucket: 'SITE_BUCKET',
  /** The CloudFront distribution to invalidate once the new site is in the bucket. */
  distributionId: 'DISTRIBUTION_ID',
} as const;

/**
 * Copies the built site into the bucket and invalidates CloudFront, only when every command
 * before it succeeded. CodeBuild runs `post_build` even after a failed `build`, and
 * `CODEBUILD_BUILD_SUCCEEDING` is how it says which: a failed build never touches the bucket, so
 * the public keeps the last good site. Headers match the deploy's BucketDeployment, which also
 * runs `aws s3 sync` without metadata options: a content type guessed from the file name and no
 * Cache-Control, so CloudFront caches by its policy and the invalidation shows the new pages.
 */
export function publishCommand(): string {
  const sync = `aws s3 sync site/dist "s3://$${deployVariables.siteBucket}" --delete --no-progress`;
  const invalidate = `aws cloudfront create-invalidation --distribution-id "$${deployVariables.distributionId}" --paths '/*'`;
  return [
    'if [ "$CODEBUILD_BUILD_SUCCEEDING" = "1" ]; then',
    `${sync} && ${invalidate};`,
    "else echo 'The build failed: the public site was left as it was.';",
    'fi',
  ].join(' ');
}

/**
 * The buildspec: Node.js 20, `npm ci`, then the same `npm run build:site` as on a laptop (which
 * exports the published workshops and their handouts, from the table and the uploads bucket
 * named in the environment), then `publishCommand`. A failing install or build stops there.
 * @example BuildSpec.fromObjectToYaml(siteBuildSpec())
 */
export function siteBuildSpec(): Record<string, unknown> {
  return {
    version: '0.2',
    env: { shell: 'bash' },
    phases: {
      install: {
        'runtime-versions': { nodejs: '20' },
        'on-failure': 'ABORT',
        commands: ['npm ci --no-audit --no-fund'],
      },
      build: {
        'on-failure': 'ABORT',
        commands: ['npm run build:site'],
      },
      post_build: {
        commands: [publishCommand()],
      },
    },
  };
}
