/**
 * Synthesizes the real CDK app for the infra tests: without esbuild (bundling is tested once, in
 * bundles.test.ts), against a two-page fixture site, into a temporary cloud assembly, for one
 * region (ap-east-1 unless a test asks for another).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { createApp } from '../../infra/aws/app.ts';

/** The region the tests deploy to unless they say otherwise: not us-east-1, so the edge stack exists. */
export const testRegion = 'ap-east-1';

/** A synthesized app, its stacks' templates, and where the assembly lies. */
export interface Synthesized {
  app: ReturnType<typeof createApp>['app'];
  stack: ReturnType<typeof createApp>['stack'];
  /** The main stack's template. */
  template: Template;
  /** The `hutong-edge` stack's template, when the region needs one. */
  edgeTemplate?: Template;
  /** The template as written to disk. */
  templateText: string;
  outdir: string;
  /** Removes the temporary assembly and fixture site. */
  cleanUp(): void;
}

/** How to build the app for one test file. */
export interface SynthesizeOptions {
  /** Extra context over cdk.json's. */
  context?: Record<string, unknown>;
  /** Changes to the main stack before synthesis. */
  prepare?: (stack: Synthesized['stack']) => void;
  /** The deployment region; `testRegion` by default. */
  region?: string;
}

/**
 * Builds and synthesizes the app once, after `prepare` has had its way with the stack. Synthesis
 * runs cdk-nag and throws on any unacknowledged error, so a returned value means cdk-nag passed.
 * @example const synth = synthesize(); const { template } = synth; afterAll(synth.cleanUp);
 */
export function synthesize({
  context = {},
  prepare = () => {},
  region = testRegion,
}: SynthesizeOptions = {}): Synthesized {
  const root = mkdtempSync(join(tmpdir(), 'hutong-infra-'));
  const siteDir = join(root, 'site');
  mkdirSync(siteDir);
  writeFileSync(join(siteDir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>护童</title></html>');
  writeFileSync(join(siteDir, '404.html'), '<!doctype html><html lang="zh-CN"><title>404</title></html>');
  const outdir = join(root, 'cdk.out');
  const cleanUp = () => rmSync(root, { recursive: true, force: true });
  const { app, stack, edge } = createApp({
    context: { 'aws:cdk:bundling-stacks': [], ...context },
    outdir,
    siteDir,
    region,
  });
  prepare(stack);
  let assembly: ReturnType<typeof app.synth>;
  try {
    assembly = app.synth();
  } catch (error) {
    cleanUp();
    throw error;
  }
  const templateText = JSON.stringify(assembly.getStackArtifact(stack.artifactId).template);
  return {
    app,
    stack,
    template: Template.fromStack(stack),
    ...(edge ? { edgeTemplate: Template.fromStack(edge) } : {}),
    templateText,
    outdir,
    cleanUp,
  };
}
