/**
 * The CDK app: the `hutong` stack plus cdk-nag. `cdk.json` runs this file, `npm run synth` and
 * the infra tests call `createApp()`. Context comes from `cdk.json` in every case, so the CLI,
 * the synth script and the tests build the same thing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Tags } from 'aws-cdk-lib';
import { repoRoot, siteDist } from '../site-build.ts';
import { HutongStack } from './hutong-stack.ts';
import { addNagChecks } from './nag.ts';

/** The stack's id and CloudFormation name. */
export const stackId = 'hutong';

/** Ways to build the app other than the defaults (tests use all three). */
export interface AppOptions {
  /** Extra context, over `cdk.json`'s (e.g. `aws:cdk:bundling-stacks: []` to skip esbuild). */
  context?: Record<string, unknown>;
  /** Where the cloud assembly goes; the CLI's `CDK_OUTDIR`, else a temporary directory. */
  outdir?: string;
  /** The built site; `site/dist` by default. */
  siteDir?: string;
}

/** The context in `cdk.json`: feature flags and settings. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')) as { context?: object };
  return { ...cdkJson.context };
}

function optionalDomain(app: App): { domainName: string; certificateArn: string } | undefined {
  const domainName: unknown = app.node.tryGetContext('hutong:domainName');
  const certificateArn: unknown = app.node.tryGetContext('hutong:certificateArn');
  if (!domainName && !certificateArn) return undefined;
  if (
    typeof domainName !== 'string' ||
    typeof certificateArn !== 'string' ||
    !domainName ||
    !certificateArn
  ) {
    throw new Error('Set both hutong:domainName and hutong:certificateArn, or neither (docs/deploy.md)');
  }
  return { domainName, certificateArn };
}

/**
 * Builds the app and its one stack, with cdk-nag's AwsSolutions checks registered.
 * @example const { app, stack } = createApp({ context: { 'aws:cdk:bundling-stacks': [] } });
 */
export function createApp(options: AppOptions = {}): { app: App; stack: HutongStack } {
  const app = new App({
    context: { ...cdkJsonContext(), ...options.context },
    ...(options.outdir ? { outdir: options.outdir } : {}),
    // No AWS::CDK::Metadata resource: synth stays offline and the template says only what we wrote.
    analyticsReporting: false,
  });
  const domain = optionalDomain(app);
  const stack = new HutongStack(app, stackId, {
    siteDir: options.siteDir ?? siteDist,
    ...(domain ? { domain } : {}),
  });
  Tags.of(app).add('project', 'hutong');
  addNagChecks(app);
  return { app, stack };
}

// Run by the CDK CLI (cdk.json's "app"): synthesize into the CLI's CDK_OUTDIR.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  createApp().app.synth();
}
