/**
 * The parts of `npm run bench`: each measures one thing and writes its own section of
 * docs/benchmarks.md, heading first, so `npm run bench -- lighthouse` re-measures just that.
 */
import { cpus, loadavg } from 'node:os';
import { measureApiLoad } from './api-load.ts';
import { budgets, verdict } from './budgets.ts';
import { measureBundles } from './bundles.ts';
import { measureLighthouse } from './lighthouse.ts';
import { measurePages } from './pages.ts';
import { measureProofOfWork } from './proof-of-work.ts';
import { measurePublish } from './publish.ts';
import { measureQueue } from './queue.ts';
import { median, percentile } from './stats.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const measured = () => `*Measured ${new Date().toISOString().slice(0, 10)}.*`;
const noChromium = "Not measured: Debian's Chromium is not installed (`apt-get install chromium`).";

/** The pages with a script of their own, and their budgets (test/site/page-weight.test.ts's). */
const scriptedBudgets: [RegExp, number][] = [
  [/^\/(en\/)?(report|follow-up)\/$/, budgets.reportPageBytes],
  [/^\/(en\/)?office\/$/, 80 * 1024],
];
const pageBudget = (path: string) =>
  scriptedBudgets.find(([pattern]) => pattern.test(path))?.[1] ?? budgets.contentPageBytes;

/** One part of the benchmark. */
export interface BenchPart {
  /** What it says while it runs. */
  doing: string;
  /** Measures, and returns its section of docs/benchmarks.md, `## ` heading first. */
  run: () => Promise<string[]>;
}

async function bundlesSection(): Promise<string[]> {
  const bundles = await measureBundles();
  return [
    '## Lambda bundles',
    '',
    measured(),
    '',
    `Each handler bundled exactly as the CDK bundles it (\`infra/aws/bundling.ts\`: ESM, minified, AWS SDK inside). ` +
      `Cold import is the median of 10 fresh Node processes each running \`import()\` of the bundle, with the ` +
      'environment the stack gives the function (`NODE_OPTIONS=--enable-source-maps` included, which costs time). ' +
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
  ];
}

async function pagesSection(): Promise<string[]> {
  const pages = measurePages();
  const content = pages.filter((p) => pageBudget(p.path) === budgets.contentPageBytes);
  const heaviest = [...content].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 5);
  return [
    '## Page weight',
    '',
    measured(),
    '',
    'What a first visit downloads: the HTML plus every stylesheet and script it references, each compressed ' +
      `separately. Budgets: a content page ${kb(budgets.contentPageBytes)}, the report and follow-up pages ` +
      `${kb(budgets.reportPageBytes)}, the staff console 80.0 KB (gzip, the conservative figure; CloudFront also ` +
      'serves brotli). JavaScript on content pages is the quick exit, and read-aloud on children’s pages.',
    '',
    `The heaviest of the ${content.length} content pages: ` +
      `${heaviest.map((p) => `\`${p.path}\` ${kb(p.gzipBytes)}`).join(', ')}.`,
    '',
    '| page | files | raw | gzip | brotli | of which JS (gzip) | budget |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...pages.map(
      (p) =>
        `| \`${p.path}\` | ${p.files} | ${kb(p.rawBytes)} | ${kb(p.gzipBytes)} | ${kb(p.brotliBytes)} | ${kb(p.jsGzipBytes)} | ${verdict(p.gzipBytes, pageBudget(p.path))} |`,
    ),
  ];
}

async function apiLoadSection(): Promise<string[]> {
  const loads = [await measureApiLoad(1, 40), await measureApiLoad(10, 300)];
  return [
    '## `POST /api/reports` on the local runtime',
    '',
    measured(),
    '',
    "autocannon against `npm start`'s entry point in its own process on loopback (embedded DynamoDB on LevelDB), " +
      'a fixed number of requests so none is cut off in flight. Every request is a valid report with a fresh ' +
      'Idempotency-Key, as the site sends it, with its proof of work solved beforehand (a browser solves while its ' +
      'person types) and the hourly caps raised for the run. Most of each request’s CPU time is the receipt hash ' +
      '(scrypt, N = 2^14), on purpose; one connection shows the unloaded latency, ten show the machine saturated.',
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
  ];
}

async function proofOfWorkSection(): Promise<string[]> {
  const proofs = await measureProofOfWork(40);
  return [
    '## Proof of work in Chromium',
    '',
    measured(),
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
      : [noChromium]),
  ];
}

async function queueSection(): Promise<string[]> {
  const queue = await measureQueue();
  return [
    '## The office queue at 1,000 and 100,000 reports',
    '',
    measured(),
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
  ];
}

async function publishSection(): Promise<string[]> {
  const figures = await measurePublish();
  const seconds = figures.liveSeconds.map((s) => `${s.toFixed(1)} s`).join(', ');
  return [
    '## Publish to live, on one machine',
    '',
    `${measured()} Load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores at the end.`,
    '',
    "A reviewer publishes a trainer's submitted workshop through the API of a fresh `npm start`; the clock runs " +
      "from the publish request until the portal serves the workshop's page. In between, the runtime's builder " +
      'waits two quiet seconds, exports the published workshops, builds the whole site and its search index, and ' +
      'swaps it in. Then ten workshops are published one after another, and the builds they caused are counted.',
    '',
    '| publish → page served (median) | each run | ten publishes in a row made |',
    '|---:|---|---|',
    `| ${median(figures.liveSeconds).toFixed(1)} s | ${seconds} | ${figures.burstBuilds} build${figures.burstBuilds === 1 ? '' : 's'} |`,
  ];
}

async function lighthouseSection(): Promise<string[]> {
  const loadBefore = loadavg()[0] ?? 0;
  const figures = await measureLighthouse(5);
  const loadAfter = loadavg()[0] ?? 0;
  const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
  return [
    '## Lighthouse',
    '',
    measured(),
    '',
    ...(figures
      ? [
          "Lighthouse 12.2.3 in Debian's Chromium against `npm start`, with its default mobile settings: a mid-range " +
            'phone, simulated slow 4G and a 4× slower CPU. Five runs a page in one browser, after a warm-up run; the median ' +
            'by performance is shown, with every run’s performance score beside it. Scores move with the load on the ' +
            'machine: the CPU slowdown multiplies whatever else is running. Target: performance and accessibility each at least 95.',
          '',
          `Load average (1 min) on the ${cpus().length}-core machine: ${loadBefore.toFixed(1)} before the run, ${loadAfter.toFixed(1)} after.`,
          '',
          '| page | performance | accessibility | runs (performance) | FCP | LCP | TBT | CLS | audits under 90 |',
          '|---|---:|---:|---|---:|---:|---:|---:|---|',
          ...figures.map(
            (f) =>
              `| ${f.what}: \`${f.path}\` | ${f.performance} | ${f.accessibility} | ${f.runs.join(', ')} | ${ms(f.fcpMs)} | ${ms(f.lcpMs)} | ${ms(f.tbtMs)} | ${f.cls.toFixed(3)} | ${f.failing.join(', ') || 'none'} |`,
          ),
        ]
      : [noChromium]),
  ];
}

/** Every part, in the order `npm run bench` runs them and docs/benchmarks.md lists them. */
export const benchParts: Record<string, BenchPart> = {
  bundles: { doing: 'Bundling and cold-importing every handler…', run: bundlesSection },
  pages: { doing: 'Weighing every page…', run: pagesSection },
  'api-load': { doing: 'Loading POST /api/reports…', run: apiLoadSection },
  'proof-of-work': { doing: 'Solving proofs of work in Chromium…', run: proofOfWorkSection },
  queue: { doing: 'Seeding 100,000 reports and timing the office queue…', run: queueSection },
  publish: { doing: 'Publishing workshops and timing the rebuilt site…', run: publishSection },
  lighthouse: { doing: 'Running Lighthouse on four pages in Chromium…', run: lighthouseSection },
};
