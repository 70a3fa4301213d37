/**
 * `npm run bench`: measures bundle sizes and cold imports, page weights, the report API under
 * load, proofs of work, the office queue, publish → live and Lighthouse scores, compares each with
 * DESIGN.md's budgets, and writes docs/benchmarks.md. `npm run bench -- lighthouse pages` runs
 * only those parts and replaces only their sections.
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ensureSiteBuilt, repoRoot } from '../infra/site-build.ts';
import { benchParts } from './parts.ts';
import { mergeSections } from './sections.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const names = Object.keys(benchParts);
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !names.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown part: ${unknown.join(', ')}. The parts are: ${names.join(', ')}.`);
  process.exit(2);
}

await ensureSiteBuilt();
const fresh: string[][] = [];
for (const name of asked.length > 0 ? names.filter((n) => asked.includes(n)) : names) {
  const part = benchParts[name];
  if (!part) continue;
  console.log(part.doing);
  fresh.push(await part.run());
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const preamble = [
  '# Benchmarks',
  '',
  `Measured by \`npm run bench\` on ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version}; each section says when. \`npm run bench -- <part> …\` re-measures some ` +
    `(${names.map((n) => `\`${n}\``).join(', ')}) and keeps the rest. Tests never assert timings.`,
  '',
];
const file = join(repoRoot, 'docs', 'benchmarks.md');
const page = mergeSections(existsSync(file) ? readFileSync(file, 'utf8') : '', preamble, fresh);
writeFileSync(file, page);
console.log(fresh.map((section) => section.join('\n')).join('\n\n'));
console.log(`\nWrote ${file}`);
