/**
 * The CDK app: the `hutong` stack, the `hutong-edge` stack (the CloudFront web ACL, in
 * us-east-1) when `hutong` lives elsewhere, and cdk-nag. `cdk.json` runs this file, `npm run
 * synth` and the infra tests call `createApp()`. Context comes from `cdk.json` in every case, so
 * the CLI, the synth script and the tests build the same thing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Tags } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { repoRoot, siteDist } from '../site-build.ts';
import { type AlertSubscribers, checkSubscribers } from './alert-topic.ts';
import { parseBackupPlan } from './backup-plan.ts';
import { EdgeStack, webAclRegion } from './edge-stack.ts';
import { HutongStack, type WebAclSource } from './hutong-stack.ts';
import { addNagChecks } from './nag.ts';
import { checkOpsEmails } from './ops-topic.ts';

/** The stack's id and CloudFormation name. */
export const stackId = 'hutong';

/** The web ACL's stack, in us-east-1, when the main stack is elsewhere. */
export const edgeStackId = `${stackId}-edge`;

/** Ways to build the app other than the defaults (tests use all three). */
export interface AppOptions {
  /** Extra context, over `cdk.json`'s (e.g. `aws:cdk:bundling-stacks: []` to skip esbuild). */
  context?: Record<string, unknown>;
  /** Where the cloud assembly goes; the CLI's `CDK_OUTDIR`, else a temporary directory. */
  outdir?: string;
  /** The built site; `site/dist` by default. */
  siteDir?: string;
  /**
   * The region the portal is deployed to. The CDK CLI says which (`CDK_DEFAULT_REGION`, from
   * AWS_REGION or the profile); offline synths and tests name one. The stack needs it at synth
   * to know whether the web ACL can live beside it (us-east-1), in a stack of its own, or not
   * at all (aws-cn).
   */
  region?: string;
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

/** A context value given as a list: a JSON array (cdk.json) or comma-separated text (`-c`). */
function contextList(app: App, key: string): string[] {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value : String(value).split(',');
  return items.map((item) => String(item).trim()).filter(Boolean);
}

/** Who gets urgent alerts: `hutong:alertEmails` and `hutong:alertPhones` (docs/deploy.md). */
function alertSubscribers(app: App): AlertSubscribers {
  return checkSubscribers({
    emails: contextList(app, 'hutong:alertEmails'),
    phones: contextList(app, 'hutong:alertPhones'),
  });
}

/**
 * The managed login domain's prefix, `hutong:loginDomainPrefix`, when the deployer picks one:
 * lower-case letters, digits and hyphens, without the words Cognito reserves.
 */
function loginDomainPrefix(app: App): string | undefined {
  const value: unknown = app.node.tryGetContext('hutong:loginDomainPrefix');
  if (value === undefined || value === '') return undefined;
  const prefix = String(value);
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(prefix) || /aws|amazon|cognito/.test(prefix)) {
    throw new Error(
      `hutong:loginDomainPrefix "${prefix}": use lower-case letters, digits and hyphens (at most 63), ` +
        'without "aws", "amazon" or "cognito" (docs/deploy.md)',
    );
  }
  return prefix;
}

function deploymentRegion(options: AppOptions): string {
  const region = options.region ?? process.env.CDK_DEFAULT_REGION;
  if (!region) {
    throw new Error(
      'No AWS region: set AWS_REGION (e.g. ap-east-1, or cn-north-1 in aws-cn). See docs/deploy.md.',
    );
  }
  return region;
}

/** Where the web ACL goes for a region, building the edge stack when it needs one. */
function placeWebAcl(app: App, region: string): { source: WebAclSource; edge?: EdgeStack } {
  const partition = RegionInfo.get(region).partition ?? 'aws';
  if (partition !== 'aws') {
    return {
      source: {
        in: 'none',
        reason:
          `No WAF web ACL in the ${partition} partition: CloudFront there has no CLOUDFRONT-scope ` +
          'AWS WAF, and HTTP APIs take no web ACL. Abuse is held off by proof of work, the hourly ' +
          'caps and API Gateway route throttling (docs/deploy.md, China regions).',
      },
    };
  }
  if (region === webAclRegion) return { source: { in: 'this-stack' } };
  const edge = new EdgeStack(app, edgeStackId);
  return { source: { in: 'edge-stack', arn: edge.firewall.arn }, edge };
}

/**
 * Builds the app and its stacks, with cdk-nag's AwsSolutions checks registered on all of them.
 * @example const { app, stack } = createApp({ region: 'ap-east-1', context: { 'aws:cdk:bundling-stacks': [] } });
 */
export function createApp(options: AppOptions = {}): { app: App; stack: HutongStack; edge?: EdgeStack } {
  const app = new App({
    context: { ...cdkJsonContext(), ...options.context },
    ...(options.outdir ? { outdir: options.outdir } : {}),
    // No AWS::CDK::Metadata resource: synth stays offline and the template says only what we wrote.
    analyticsReporting: false,
  });
  const domain = optionalDomain(app);
  const prefix = loginDomainPrefix(app);
  // Only while upgrading a deployed table, one index per deploy (docs/deploy.md).
  const onlyIndexes = contextList(app, 'hutong:onlyIndexes');
  const region = deploymentRegion(options);
  const webAcl = placeWebAcl(app, region);
  const stack = new HutongStack(app, stackId, {
    // The account stays the CLI's; the region is needed at synth (see AppOptions.region).
    env: { region },
    siteDir: options.siteDir ?? siteDist,
    webAcl: webAcl.source,
    alertSubscribers: alertSubscribers(app),
    // Who hears about a failed site build: `hutong:opsEmails` (docs/deploy.md).
    opsEmails: checkOpsEmails(contextList(app, 'hutong:opsEmails')),
    ...(onlyIndexes.length > 0 ? { onlyIndexes } : {}),
    // An AWS Backup plan besides point-in-time recovery: `hutong:backupPlan` (docs/deploy.md).
    backupPlan: parseBackupPlan(app.node.tryGetContext('hutong:backupPlan')),
    ...(prefix ? { loginDomainPrefix: prefix } : {}),
    ...(domain ? { domain } : {}),
  });
  Tags.of(app).add('project', 'hutong');
  addNagChecks(app);
  return { app, stack, ...(webAcl.edge ? { edge: webAcl.edge } : {}) };
}

// Run by the CDK CLI (cdk.json's "app"): synthesize into the CLI's CDK_OUTDIR.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  createApp().app.synth();
}
