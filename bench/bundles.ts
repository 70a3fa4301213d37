/**
 * Bundles every handler exactly as the CDK does, then measures each bundle's minified size and
 * the median time of a cold `import()` in 10 fresh Node processes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { routes, schedules } from '../functions/routes.ts';
import { esbuildOptions, handlerEntry } from '../infra/aws/bundling.ts';
import { functionSpecs } from '../infra/aws/route-needs.ts';
import { lambdaEnvironment } from '../test/support/lambda-environment.ts';

/** One handler's figures. */
export interface BundleFigures {
  name: string;
  /** True for the reference bundle, which is measured for comparison and never deployed. */
  reference: boolean;
  bytes: number;
  coldImportMs: number[];
}

const runs = 10;

/** Builds and measures every route's handler. */
export async function measureBundles(): Promise<BundleFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hutong-bench-bundles-'));
  // Module load must not touch the network: the stack's variables hold placeholders here.
  const probe = join(dir, 'probe.mjs');
  writeFileSync(
    probe,
    'const start = performance.now(); await import(process.argv[2]); console.log(performance.now() - start);\n',
  );
  const entries = [
    ...functionSpecs(routes, schedules).map((spec) => ({
      name: spec.name,
      entry: handlerEntry(spec.name),
      reference: false,
      env: lambdaEnvironment(spec),
    })),
    {
      name: 'dynamodb-client-only',
      entry: join(import.meta.dirname, 'reference', 'dynamodb-client-only.ts'),
      reference: true,
      env: lambdaEnvironment({ table: 'none', receiptSalt: false, uses: [] }),
    },
  ];
  const figures: BundleFigures[] = [];
  for (const { name, entry, reference, env } of entries) {
    const outfile = join(dir, `${name}.mjs`);
    await build(esbuildOptions(entry, outfile));
    const coldImportMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const printed = execFileSync(process.execPath, [probe, outfile], {
        env,
        encoding: 'utf8',
      });
      coldImportMs.push(Number(printed.trim()));
    }
    figures.push({ name, reference, bytes: statSync(outfile).size, coldImportMs });
  }
  return figures;
}
