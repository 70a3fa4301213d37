/**
 * `npm run bench`: measures bundle sizes and cold imports, page weights, and the report API
 * under load, compares each with DESIGN.md's budgets, and writes docs/benchmarks.md.
 */

import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ensureSiteBuilt, repoRoot } from '../infra/site-build.ts';
import { measureApiLoad } from './api-load.ts';
import { budgets, verdict } from './budgets.ts';
import { measureBundles } from './bundles.ts';
import { measureHostileInput } from './hostile.ts';
import { measurePages } from './pages.ts';
import { measureProofOfWork } from './proof-of-work.ts';
import { measureQueue } from './queue.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

await ensureSiteBuilt();
console.log('Bundling and cold-importing every handler…');
const bundles = await measureBundles();
console.log('Weighing every page…');
const pages = measurePages();
console.log('Loading POST /api/reports…');
const loads = [await measureApiLoad(1, 40), await measureApiLoad(10, 300)];
console.log('Solving proofs of work in Chromium…');
const proofs = await measureProofOfWork(40);
console.log('Seeding 100,000 reports and timing the office queue…');
const queue = await measureQueue();
console.log('Throwing hostile input at every public route…');
const hostile = await measureHostileInput(20_000);

const isReportPage = (path: string) => /^\/(en\/)?report\/$/.test(path);
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  '# Benchmarks',
  '',
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpu}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Re-run the command to regenerate this page; ` +
    'tests never assert timings.',
  '',
  '## Lambda bundles',
  '',
  `Each handler bundled exactly as the CDK bundles it (\`infra/aws/bundling.ts\`: ESM, minified, AWS SDK inside). ` +
    `Cold import is the median of 10 fresh Node processes each running \`import()\` of the bundle. ` +
    `Budgets: ${kb(budgets.bundleBytes)} minified, ${budgets.coldImportMs} ms cold import.`,
  '',
  'The reference row bundles nothing but `new DynamoDBClient({})`: the floor under any handler that talks to ' +
    'the table, measured the same way.',
  '',
  '| handler | minified | size budget | cold import (median) | import budget |',
  '|---|---:|---|---:|---|',
  ...bundles.map((b) => {
    const cold = median(b.coldImportMs);
    if (b.reference) {
      return `| *reference: \`${b.name}\`* | ${kb(b.bytes)} | — | ${cold.toFixed(1)} ms | — |`;
    }
    return `| \`${b.name}\` | ${kb(b.bytes)} | ${verdict(b.bytes, budgets.bundleBytes)} | ${cold.toFixed(1)} ms | ${verdict(cold, budgets.coldImportMs)} |`;
  }),
  '',
  '## Page weight',
  '',
  'What a first visit downloads: the HTML plus every stylesheet and script it references, each compressed ' +
    `separately. Budgets: a content page ${kb(budgets.contentPageBytes)}, the report page ${kb(budgets.reportPageBytes)} ` +
    `(gzip, the conservative figure; CloudFront also serves brotli). JavaScript on content pages is the quick exit only ` +
    `(budget ${kb(budgets.quickExitBytes)}).`,
  '',
  '| page | files | raw | gzip | brotli | of which JS (gzip) | budget |',
  '|---|---:|---:|---:|---:|---:|---|',
  ...pages.map((p) => {
    const budget = isReportPage(p.path) ? budgets.reportPageBytes : budgets.contentPageBytes;
    return `| \`${p.path}\` | ${p.files} | ${kb(p.rawBytes)} | ${kb(p.gzipBytes)} | ${kb(p.brotliBytes)} | ${kb(p.jsGzipBytes)} | ${verdict(p.gzipBytes, budget)} |`;
  }),
  '',
  '## `POST /api/reports` on the local runtime',
  '',
  "autocannon against `npm start`'s entry point in its own process on loopback (embedded DynamoDB on LevelDB), " +
    'a fixed number of requests so none is cut off in flight. Every request is a valid report with a fresh ' +
    'Idempotency-Key, as the site sends it, with its proof of work solved beforehand (a browser solves while its person types) and the hourly caps raised for the run. Most of each request’s CPU time is the receipt hash (scrypt, N = 2^14), ' +
    'on purpose; one connection shows the unloaded latency, ten show the machine saturated.',
  '',
  '| connections | requests | seconds | requests/s | p50 | p99 | status codes | 201s = reports in the table | items per submission |',
  '|---:|---:|---:|---:|---:|---:|---|---|---|',
  ...loads.map((load) => {
    const codes = Object.entries(load.statusCounts)
      .map(([code, count]) => `${code}: ${count}`)
      .join(', ');
    const reconciled = (load.statusCounts['201'] ?? 0) === load.storedReports ? 'yes' : '**NO**';
    const perSubmission = load.storedItems / Math.max(1, load.storedReports);
    return `| ${load.connections} | ${load.requests} | ${load.seconds.toFixed(1)} | ${load.requestsPerSecond.toFixed(1)} | ${load.p50Ms} ms | ${load.p99Ms} ms | ${codes} | ${reconciled} (${load.storedReports}) | ${perSubmission.toFixed(2)}: ${verdict(perSubmission, budgets.writesPerSubmission)} |`;
  }),
  '',
  'Each submission leaves two items, its idempotency record and its report: one conditional `UpdateItem` and one ' +
    'conditional `PutItem`, the 2-write budget.',
  '',
];
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
lines.push(
  '## Proof of work in Chromium',
  '',
  ...(proofs
    ? [
        `The site's own worker (altcha-lib's solver, WebCrypto SHA-256) in Debian's Chromium at phone size, solving ` +
          `${proofs.runs} real challenges from the local runtime after one warm-up. Cost: a counter drawn between ` +
          `${proofs.counterMin.toLocaleString('en')} and ${proofs.counterMax.toLocaleString('en')}. Target: under 1 s on a ` +
          'mid-range phone; the page solves while the person types, so the wait at Send is usually nothing.',
        '',
        '| solves | median | p90 | max | attempts per second (median) |',
        '|---:|---:|---:|---:|---:|',
        `| ${proofs.runs} | ${Math.round(percentile(proofs.solveMs, 50))} ms | ${Math.round(percentile(proofs.solveMs, 90))} ms | ${Math.round(Math.max(...proofs.solveMs))} ms | ${Math.round(percentile(proofs.attemptsPerSecond, 50)).toLocaleString('en')} |`,
      ]
    : ["Not measured: Debian's Chromium is not installed (`apt-get install chromium`)."]),
  '',
);
lines.push(
  '## The office queue at 1,000 and 100,000 reports',
  '',
  'Reports seeded across 20 communities into a fresh embedded database (6 in 10 closed, 1 in 7 urgent); then the ' +
    "first page (25) of one community's queue through the same store function the API calls, 30 times. The queue " +
    'is one Query on a sparse index of open reports, so what it reads depends on the page size, not on the table.',
  '',
  '| reports in the table | in the community | open in the community | items on the page | items the Query read | median | p90 |',
  '|---:|---:|---:|---:|---:|---:|---:|',
  ...queue.map(
    (q) =>
      `| ${q.reports.toLocaleString('en')} | ${q.communityReports.toLocaleString('en')} | ${q.openInCommunity.toLocaleString('en')} | ${q.pageItems} | ${q.itemsRead} | ${q.medianMs.toFixed(1)} ms | ${q.p90Ms.toFixed(1)} ms |`,
  ),
  '',
);
lines.push(
  '## Hostile input',
  '',
  'The property test’s generators (`test/support/hostile.ts`: random JSON, wrong types, huge strings, deep nesting, ' +
    'invalid UTF-8, prototype keys, wrong content types, truncated bodies), 20,000 cases per public POST route, 8 in ' +
    'flight, against the local runtime. Every answer must be a 4xx with the error shape (or, for a form post, an HTML ' +
    'page), never a 5xx, and nothing may be written.',
  '',
  '| route | cases | answers by status | not a proper 4xx | 5xx | items written |',
  '|---|---:|---|---:|---:|---:|',
  ...hostile.map(
    (t) =>
      `| \`${t.route}\` | ${t.cases} | ${Object.entries(t.byStatus)
        .map(([code, count]) => `${code}: ${count}`)
        .join(
          ', ',
        )} | ${t.improper}${t.examples.length ? ` (${t.examples.join('; ')})` : ''} | ${t.serverErrors} | ${t.written} |`,
  ),
  '',
);
const file = join(repoRoot, 'docs', 'benchmarks.md');
writeFileSync(file, lines.join('\n'));
console.log(lines.join('\n'));
console.log(`\nWrote ${file}`);
