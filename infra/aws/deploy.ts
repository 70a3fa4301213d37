/**
 * `npm run deploy -- <parameters>`: checks the parameters (`deploy-parameters.ts`) and the
 * configuration file, checks that AWS credentials and a region are configured, puts the
 * configuration in place, builds the site, then runs the project's own CDK CLI: `cdk deploy
 * hutong -c hutong:…`. The CLI deploys what `hutong` depends on first: the `hutong-edge` stack
 * (the web ACL, us-east-1) when the region is not us-east-1. See docs/deploy.md; the account must
 * be bootstrapped first, in the region and in us-east-1 (`npx cdk bootstrap`).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type Deployment, parseDeployment } from '../../functions/domain/deployment.ts';
import { ensureSiteBuilt, repoRoot } from '../site-build.ts';
import {
  cdkDeployArgs,
  DeployParameterError,
  type DeployParameters,
  firstLead,
  helpText,
  parseDeployParameters,
  settingWarnings,
} from './deploy-parameters.ts';

/** The one configuration file the site, the functions, the stack and the site build all read. */
const configPath = join(repoRoot, 'hutong.config.json');

/** A configuration file's text and what it says, validated with the schema everything else uses. */
function readConfiguration(file: string): { text: string; deployment: Deployment } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new DeployParameterError(`--config: cannot read ${file}`);
  }
  try {
    return { text, deployment: parseDeployment(JSON.parse(text)) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = message.replace(/^hutong\.config\.json is not valid/, 'not a valid configuration');
    throw new DeployParameterError(`${relative(process.cwd(), file) || file}: ${reason}`);
  }
}

/**
 * Copies the chosen configuration over hutong.config.json, and says so: the Lambda bundles inline
 * that file, the site is built from it, and the site build in AWS builds from the same copy.
 */
function placeConfiguration(file: string, text: string): void {
  if (resolve(file) === configPath) return;
  if (readFileSync(configPath, 'utf8') === text) {
    console.log(`${file} is the same as hutong.config.json: nothing to copy.`);
    return;
  }
  writeFileSync(configPath, text);
  console.log(
    `Copied ${file} over hutong.config.json: the site, the functions, the stack and the site build\n` +
      'in AWS all read that file. `git diff hutong.config.json` shows what changed; commit it, so the\n' +
      'next deploy starts from the same configuration.',
  );
}

/** The `hutong:*` settings kept in cdk.json, which the flags of this deploy override. */
function cdkJsonSettings(): Record<string, unknown> {
  const { context = {} } = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return Object.fromEntries(Object.entries(context).filter(([key]) => key.startsWith('hutong:')));
}

/**
 * The `hutong:*` settings this deploy applies: cdk.json's, checked exactly as flags are (lists
 * joined as `-c` takes them), overridden by the flags.
 */
function effectiveSettings(parameters: DeployParameters): Record<string, string> {
  const kept = Object.entries(cdkJsonSettings()).flatMap(([key, value]) => [
    '-c',
    `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`,
  ]);
  try {
    return { ...parseDeployParameters(kept).context, ...parameters.context };
  } catch (error) {
    throw new DeployParameterError(`In cdk.json: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The settings this deploy makes, and what it leaves out, for the person to check. */
function summary(settings: Record<string, string>, deployment: Deployment): string {
  const lines = Object.entries(settings).map(([key, value]) => `  ${key} = ${value}`);
  return [
    `Deploying ${deployment.name.en} (communities: ${deployment.communities.map((c) => c.id).join(', ')})`,
    ...(lines.length > 0 ? lines : ['  no hutong:* settings: every default (docs/deploy.md)']),
    ...settingWarnings(settings).map((warning) => `Note: ${warning}`),
  ].join('\n');
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
        'and AWS_SECRET_ACCESS_KEY), or pass --profile <name>. See docs/deploy.md.',
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
  // 1. The parameters and the configuration, checked before anything is built or called.
  const parameters = parseDeployParameters(process.argv.slice(2));
  if (parameters.help) {
    console.log(helpText());
    return;
  }
  // npm runs scripts from the package root; a relative --config means the caller's directory.
  const configFile = parameters.configFile
    ? resolve(process.env.INIT_CWD ?? process.cwd(), parameters.configFile)
    : configPath;
  const { text, deployment } = readConfiguration(configFile);
  const settings = effectiveSettings(parameters);
  try {
    firstLead(
      (key) => settings[key],
      deployment.communities.map((c) => c.id),
    );
  } catch (error) {
    throw new DeployParameterError(error instanceof Error ? error.message : String(error));
  }
  // 2. Fail fast, before any build, when there is nothing to deploy with.
  if (parameters.region) process.env.AWS_REGION = parameters.region;
  await checkAwsAccess(parameters.profile);
  // 3. The configuration in place, then the site it describes (rebuilt when missing or stale).
  placeConfiguration(configFile, text);
  if (await ensureSiteBuilt()) console.log('Built the site into site/dist');
  // 4. Deploy the stack (and hutong-edge before it, if the app has one); the CLI synthesizes
  //    through cdk.json, cdk-nag included. The app is imported only now, so that it reads the
  //    configuration just put in place.
  console.log(summary(settings, deployment));
  const { stackId } = await import('./app.ts');
  process.exitCode = await runCdk(['deploy', stackId, ...cdkDeployArgs(parameters)]);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
