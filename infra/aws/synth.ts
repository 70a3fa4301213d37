/**
 * `npm run synth`: builds the site if needed, then synthesizes the CDK app in this process into
 * `cdk.out`, offline and without credentials. Exits non-zero when cdk-nag finds an
 * unacknowledged error.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureSiteBuilt, repoRoot } from '../site-build.ts';
import { createApp, stackId } from './app.ts';
import { acknowledgements, reportedFindings } from './nag.ts';

const outdir = join(repoRoot, 'cdk.out');

async function main(): Promise<void> {
  // 1. The bucket deployment uploads site/dist, so it must exist and be current.
  if (await ensureSiteBuilt()) console.log('Built the site into site/dist');

  // 2. Synthesize afresh: stale assets from an earlier synth would only confuse.
  rmSync(outdir, { recursive: true, force: true });
  const { app, stack } = createApp({ outdir });
  try {
    app.synth();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error(`\nSynth failed. Fix the findings above, or acknowledge them with a reason.`);
    process.exit(1);
  }

  // 3. Say what was built, and what cdk-nag thought of it.
  const templatePath = join(outdir, `${stackId}.template.json`);
  const template = JSON.parse(readFileSync(templatePath, 'utf8')) as { Resources: object };
  const findings = reportedFindings(outdir);
  const errors = findings.filter((f) => f.severity === 'error' || f.severity === 'fatal');
  const warnings = findings.filter((f) => f.severity === 'warning');
  for (const warning of warnings) console.warn(`warning: ${warning.rule} at ${warning.paths.join(', ')}`);
  // Since the process started, imports included: what a person waits for.
  const seconds = (performance.now() / 1000).toFixed(1);
  console.log(relative(process.cwd(), templatePath));
  console.log(
    `Synthesized ${stackId}: ${Object.keys(template.Resources).length} resources, ` +
      `${stack.functions.length} functions; cdk-nag AwsSolutions: ${errors.length} errors, ` +
      `${warnings.length} warnings, ${acknowledgements(app).length} acknowledged; ${seconds} s`,
  );
  if (errors.length > 0) process.exit(1);
}

await main();
