/**
 * Synthesizes the real CDK app for the infra tests: without esbuild (bundling is tested once, in
 * bundles.test.ts), against a two-page fixture site, into a temporary cloud assembly.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { createApp } from '../../infra/aws/app.ts';

/** A synthesized app, its stack's template, and where the assembly lies. */
export interface Synthesized {
  app: ReturnType<typeof createApp>['app'];
  stack: ReturnType<typeof createApp>['stack'];
  template: Template;
  /** The template as written to disk. */
  templateText: string;
  outdir: string;
  /** Removes the temporary assembly and fixture site. */
  cleanUp(): void;
}

/**
 * Builds and synthesizes the app once, after `prepare` has had its way with the stack. Synthesis
 * runs cdk-nag and throws on any unacknowledged error, so a returned value means cdk-nag passed.
 * @example const synth = synthesize(); const { template } = synth; afterAll(synth.cleanUp);
 */
export function synthesize(
  context: Record<string, unknown> = {},
  prepare: (stack: Synthesized['stack']) => void = () => {},
): Synthesized {
  const root = mkdtempSync(join(tmpdir(), 'hutong-infra-'));
  const siteDir = join(root, 'site');
  mkdirSync(siteDir);
  writeFileSync(join(siteDir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>护童</title></html>');
  writeFileSync(join(siteDir, '404.html'), '<!doctype html><html lang="zh-CN"><title>404</title></html>');
  const outdir = join(root, 'cdk.out');
  const cleanUp = () => rmSync(root, { recursive: true, force: true });
  const { app, stack } = createApp({
    context: { 'aws:cdk:bundling-stacks': [], ...context },
    outdir,
    siteDir,
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
    templateText,
    outdir,
    cleanUp,
  };
}
