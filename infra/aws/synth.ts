/**
 * `npm run synth`: builds the site if needed, then synthesizes the CDK app in this process into
 * `cdk.out`, offline and without credentials, for AWS_REGION (or ap-east-1 when none is set).
 * Exits non-zero when cdk-nag finds an unacknowledged error.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureSiteBuilt, repoRoot } from '../site-build.ts';
import { createApp, edgeStackId, stackId } from './app.ts';
import { acknowledgements, reportedFindings } from './nag.ts';

const outdir = join(repoRoot, 'cdk.out');

/** The region checked when none is configured: the aws partition's closest to mainland China. */
const offlineRegion = 'ap-east-1';

function resourceCount(stack: string): number {
  const template = JSON.parse(readFileSync(join(outdir, `${stack}.template.json`), 'utf8')) as {
    Resources: object;
  };
  return Object.keys(template.Resources).length;
}

async function main(): Promise<void> {
  // 1. The bucket deployment uploads site/dist, so it must exist and be current.
  if (await ensureSiteBuilt()) console.log('Built the site into site/dist');

  // 2. Synthesize afresh: stale assets from an earlier synth would only confuse.
  rmSync(outdir, { recursive: true, force: true });
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? offlineRegion;
  const { app, stack, edge } = createApp({ outdir, region });
  try {
    app.synth();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error(`\nSynth failed. Fix the findings above, or acknowledge them with a reason.`);
    process.exit(1);
  }

  // 3. Say what was built, and what cdk-nag thought of it.
  const templatePath = join(outdir, `${stackId}.template.json`);
  const findings = reportedFindings(outdir);
  const errors = findings.filter((f) => f.severity === 'error' || f.severity === 'fatal');
  const warnings = findings.filter((f) => f.severity === 'warning');
  for (const warning of warnings) console.warn(`warning: ${warning.rule} at ${warning.paths.join(', ')}`);
  // Since the process started, imports included: what a person waits for.
  const seconds = (performance.now() / 1000).toFixed(1);
  console.log(relative(process.cwd(), templatePath));
  const edgeNote = edge
    ? ` + ${edgeStackId} (web ACL, ${edge.region}): ${resourceCount(edgeStackId)} resources`
    : '';
  console.log(
    `Synthesized ${stackId} (${region}): ${resourceCount(stackId)} resources, ` +
      `${stack.functions.length} functions${edgeNote}; cdk-nag AwsSolutions: ${errors.length} errors, ` +
      `${warnings.length} warnings, ${acknowledgements(app).length} acknowledged; ${seconds} s`,
  );
  if (errors.length > 0) process.exit(1);
}

await main();
