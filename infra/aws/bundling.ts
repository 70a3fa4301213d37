/**
 * How every Lambda handler is bundled, in one place: the CDK `NodejsFunction` options and the
 * equivalent plain esbuild options (for the bundling test and the benchmark). Reads nothing.
 */
import { join } from 'node:path';
import { type BundlingOptions as CdkBundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { repoRoot } from '../site-build.ts';

/**
 * ESM bundles still meet CommonJS inside some dependencies (`require('buffer')` and the like);
 * esbuild turns those into calls to `require`, which an ES module does not have. The aliased
 * names keep the banner from colliding with anything in the bundle.
 */
const createRequireBanner =
  "import { createRequire as __hutongCreateRequire } from 'node:module'; " +
  'const require = __hutongCreateRequire(import.meta.url);';

/** The bundle settings both bundlers share. Lambda's Node.js 24 is the target. */
export const bundleSettings = {
  target: 'node24',
  format: 'esm',
  minify: true,
  /** A linked `.map` file: Node maps stack traces with `--enable-source-maps` (see NODE_OPTIONS). */
  sourceMap: true,
  /** Line numbers are enough; leaving sources out keeps the uploaded asset small. */
  sourcesContent: false,
  /** Prefer packages' ES module builds: smaller and tree-shakable (the AWS SDK ships both). */
  mainFields: ['module', 'main'],
  banner: createRequireBanner,
  /** Nothing is external: the AWS SDK is bundled in, so the code that runs is the code we tested. */
  external: [] as string[],
  /** Modules swapped for lighter ones that do the same job in Lambda. */
  alias: {
    '@aws-sdk/credential-provider-node': join(repoRoot, 'infra', 'aws', 'lambda-credentials.ts'),
  } as Record<string, string>,
} as const;

/** The environment that makes Node read the bundle's source map for stack traces. */
export const sourceMapNodeOptions = '--enable-source-maps';

/** Options for `NodejsFunction`'s `bundling` prop. */
export const cdkBundlingOptions: CdkBundlingOptions = {
  target: bundleSettings.target,
  format: OutputFormat.ESM,
  minify: bundleSettings.minify,
  sourceMap: bundleSettings.sourceMap,
  sourcesContent: bundleSettings.sourcesContent,
  mainFields: [...bundleSettings.mainFields],
  banner: bundleSettings.banner,
  externalModules: [...bundleSettings.external],
  esbuildArgs: {
    '--alias': Object.entries(bundleSettings.alias).map(([from, to]) => `${from}=${to}`),
  },
};

/** A route's handler entry point: `functions/handlers/<name>.ts`. */
export function handlerEntry(name: string): string {
  return join(repoRoot, 'functions', 'handlers', `${name}.ts`);
}

/**
 * The plain esbuild options that produce the same bundle as the CDK does for one handler.
 * @example await build(esbuildOptions(handlerEntry('get-health'), '/tmp/out/get-health.mjs'));
 */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: bundleSettings.target,
    format: bundleSettings.format,
    minify: bundleSettings.minify,
    sourcemap: bundleSettings.sourceMap,
    sourcesContent: bundleSettings.sourcesContent,
    mainFields: [...bundleSettings.mainFields],
    banner: { js: bundleSettings.banner },
    external: [...bundleSettings.external],
    alias: { ...bundleSettings.alias },
    logLevel: 'warning',
  };
}
