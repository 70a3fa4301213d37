/**
 * `npm run deploy [-- <cdk deploy options>]`: builds the site, checks that AWS credentials and a
 * region are configured, then runs the project's own CDK CLI: `cdk deploy hutong <options>`. The
 * CLI deploys what `hutong` depends on first: the `hutong-edge` stack (the web ACL, us-east-1)
 * when the region is not us-east-1. See docs/deploy.md; the account must be bootstrapped first,
 * in the region and in us-east-1 (`npx cdk bootstrap`).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureSiteBuilt, repoRoot } from '../site-build.ts';
import { stackId } from './app.ts';

/** The value of `--profile` among the pass-through options, if any. */
function profileOption(args: readonly string[]): string | undefined {
  const index = args.indexOf('--profile');
  if (index >= 0) return args[index + 1];
  return args.find((arg) => arg.startsWith('--profile='))?.slice('--profile='.length);
}

/** Resolves credentials and region as the CDK CLI would, or explains how to provide them. */
async function checkAwsAccess(profile: string | undefined): Promise<void> {
  if (profile) process.env.AWS_PROFILE = profile;
  // This check runs on the deployer's Node, which may be 20; Lambda itself runs 24.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const client = new DynamoDBClient({});
  try {
    await client.config.credentials();
  } catch {
    throw new Error(
      'No AWS credentials found. Sign in first (aws configure, aws sso login, or AWS_ACCESS_KEY_ID ' +
        'and AWS_SECRET_ACCESS_KEY), or pass -- --profile <name>. See docs/deploy.md.',
    );
  }
  try {
    await client.config.region();
  } catch {
    throw new Error(
      'No AWS region set. Set AWS_REGION (e.g. ap-east-1, or cn-north-1 in aws-cn). See docs/deploy.md.',
    );
  } finally {
    client.destroy();
  }
}

function runCdk(args: readonly string[]): Promise<number> {
  const cdk = join(dirname(createRequire(import.meta.url).resolve('aws-cdk/package.json')), 'bin', 'cdk');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cdk, ...args], {
      cwd: repoRoot,
      stdio: 'inherit',
      // The CLI is pinned in package-lock.json: no upgrade nag, no telemetry.
      env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CDK_DISABLE_CLI_TELEMETRY: 'true' },
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<void> {
  const passThrough = process.argv.slice(2);
  // 1. Fail fast, before any build, when there is nothing to deploy with.
  await checkAwsAccess(profileOption(passThrough));
  // 2. The stack uploads site/dist: build it if it is missing or stale.
  if (await ensureSiteBuilt()) console.log('Built the site into site/dist');
  // 3. Deploy the stack (and hutong-edge before it, if the app has one); the CLI synthesizes
  //    through cdk.json, cdk-nag included.
  process.exitCode = await runCdk(['deploy', stackId, ...passThrough]);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
