/**
 * cdk-nag's AwsSolutions checks, run as a CDK validation plugin during every synth, and readers
 * for what they found. cdk-nag 3 drops acknowledged findings and reports the rest in the cloud
 * assembly's validation report; a synth with an unacknowledged error throws.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** The rule pack's name, as it appears in the validation report. */
export const nagPackName = 'AwsSolutions';

/** Registers the AwsSolutions rule pack on an app. */
export function addNagChecks(app: App): void {
  // Acknowledged rules also go into each resource's template Metadata (`cdk_nag`), with their
  // reasons, so anyone reading the deployed template sees why a finding was accepted.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
}

/** One finding left in the validation report. */
export interface Finding {
  plugin: string;
  rule: string;
  severity: string;
  paths: string[];
}

interface ValidationReport {
  pluginReports: {
    pluginName: string;
    violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

/** The findings in a cloud assembly's validation report; none when the report has no plugin entries. */
export function reportedFindings(assemblyDir: string): Finding[] {
  const file = join(assemblyDir, 'validation-report.json');
  if (!existsSync(file)) throw new Error(`No validation report in ${assemblyDir}: did validation run?`);
  const report = JSON.parse(readFileSync(file, 'utf8')) as ValidationReport;
  return report.pluginReports.flatMap((plugin) =>
    plugin.violations.map((violation) => ({
      plugin: plugin.pluginName,
      rule: violation.ruleName,
      severity: violation.severity,
      paths: violation.violatingConstructs.map((c) => c.constructPath),
    })),
  );
}

/** One acknowledged rule: where, which (`AwsSolutions-IAM5[Resource::*]`), and why. */
export interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

/** Every rule acknowledged anywhere under a construct, with its reason. */
export function acknowledgements(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          // CDK files ids without a known namespace under `Annotation::`; cdk-nag ignores it too.
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}
