/**
 * `npm run bench:load [-- --seconds 60 --reporters 50 --office 5 --solvers 1]`: the load scenario
 * (bench/load-run.ts) on a fresh local runtime with the hourly caps raised, then a short run
 * against the shipped caps to show they still refuse; writes "## Load" in docs/reliability.md.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { deployment } from '../functions/config.ts';
import { scanAll, spawnRuntime } from '../test/support/runtime.ts';
import { type LoadFigures, runLoad } from './load-run.ts';
import { startProofSolvers } from './proof-solvers.ts';
import { describeTally, type Reconciliation, reconcile, statusTally } from './reconcile.ts';
import { ranOn, writeReliability } from './reliability.ts';
import type { Latency } from './stats.ts';
import { runReporters } from './virtual-reporter.ts';

// Its Node 20 notice says nothing a bench run can act on.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    reporters: { type: 'string', default: '50' },
    office: { type: 'string', default: '5' },
    solvers: { type: 'string', default: '1' },
  },
});
const options = {
  seconds: Number(values.seconds),
  reporters: Number(values.reporters),
  office: Number(values.office),
  solvers: Number(values.solvers),
  resend: 50,
};

/** The shipped caps, against 40 reports to one community from 8 reporters. */
async function capsCheck(): Promise<{ statuses: Record<string, number>; reconciliation: Reconciliation }> {
  const runtime = await spawnRuntime();
  const solvers = startProofSolvers(options.solvers);
  try {
    const submissions = await runReporters({
      url: runtime.url,
      reporters: 8,
      seconds: 300,
      drainSeconds: 60,
      limit: 40,
      communities: ['lanting'],
      solvers,
    });
    const reconciliation = reconcile(submissions, await scanAll(runtime.dynamodbEndpoint));
    return { statuses: statusTally(submissions), reconciliation };
  } finally {
    await solvers.stop();
    await runtime.stop();
  }
}

const ms = (value: number) => `${Math.round(value)} ms`;
const row = (name: string, l: Latency, statuses?: Record<string, number>) =>
  `| ${name} | ${l.count} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} |${statuses ? ` ${describeTally(statuses)} |` : ''}`;

/** Who did the CPU work: the reporters' solving threads or the server, and which was the limit. */
function proofsParagraph(load: LoadFigures): string {
  const { solvers } = load.options;
  const solving = (load.proofs.solveMs / 1000 / load.elapsedSeconds / solvers) * 100;
  const server = load.serverCpuSeconds;
  const perReport =
    server === undefined ? undefined : (server * 1000) / Math.max(load.reconciliation.accepted, 1);
  return (
    `Proofs of work are real: the server verifies every one. The reporters solve them on ${solvers} worker ` +
    `thread${solvers === 1 ? '' : 's'} in the bench process, on the same ${cpus().length}-core machine as the server: ` +
    `${load.proofs.solved} solves, ${ms(load.proofs.meanSolveMs)} each on average, the solving thread` +
    `${solvers === 1 ? '' : 's'} busy ${solving.toFixed(0)}% of the run. ` +
    (server === undefined || perReport === undefined
      ? 'The runtime’s CPU time was not measured (no /proc). '
      : `The runtime used ${server.toFixed(1)} s of CPU, ${((server / load.elapsedSeconds) * 100).toFixed(0)}% of ` +
        `one core, ${perReport.toFixed(0)} ms per accepted report (mostly the receipt’s scrypt). `) +
    (solving > 90
      ? 'The solving was the limit: the throughput below is what the bench could solve, not what the server could take.'
      : 'The solving kept up: the throughput below is what the server took under this load.')
  );
}

function section(
  load: LoadFigures,
  caps: Awaited<ReturnType<typeof capsCheck>>,
  wallSeconds: number,
): string[] {
  const r = load.reconciliation;
  const o = load.options;
  const limits = deployment.limits;
  return [
    '## Load',
    '',
    ranOn(),
    '',
    `\`npm run bench:load -- --seconds ${o.seconds} --reporters ${o.reporters} --office ${o.office} --solvers ${o.solvers}\` ` +
      `(${Math.round(wallSeconds)} s wall, start-up and sign-ins included).`,
    '',
    `${o.reporters} virtual reporters (\`bench/virtual-reporter.ts\`) submit for ${o.seconds} s against a fresh local ` +
      'runtime on loopback, each report through the real contract: a fresh Idempotency-Key, a challenge bound to it ' +
      '(`GET /api/challenge?for=`), its proof of work solved, `POST /api/reports` with the JSON body; a 503 or a lost ' +
      'connection is sent again with the same key after `Retry-After`. Reports vary in community, categories, role, ' +
      'age band and language; one in eight is in immediate danger (urgent). After the last start, reports in progress ' +
      `finish; then ${load.resent} accepted ones are sent again, as a person whose answer was lost would.`,
    '',
    `The hourly caps (${limits.reportsPerHourPerCommunity} per community, ${limits.reportsPerHour.toLocaleString('en')} per deployment) ` +
      'are raised for this run through `HUTONG_CONFIG_FILE` (`test/support/uncapped.ts`): they exist to refuse ' +
      'floods, and would refuse nearly all of it. The last table shows them refusing with the shipped file.',
    '',
    proofsParagraph(load),
    '',
    '| reports accepted | per second | POSTs | POSTs per second | status of every POST | urgent accepted |',
    '|---:|---:|---:|---:|---|---:|',
    `| ${r.accepted} | ${load.acceptedPerSecond.toFixed(1)} | ${load.post.count} | ${load.postsPerSecond.toFixed(1)} | ${describeTally(load.statuses)} | ${load.urgentAccepted} |`,
    '',
    '| `POST /api/reports` | calls | p50 | p95 | p99 |',
    '|---|---:|---:|---:|---:|',
    row('every attempt', load.post),
    '',
    `**Reconciliation: ${r.exact ? 'exact' : 'NOT EXACT'}.** ${r.submissions} reports started, ${r.accepted} accepted ` +
      `(201), ${r.refused} refused, ${r.unresolved} unanswered at the end; ${r.reports} reports in the table: ` +
      `${r.missing} missing, ${r.duplicated} duplicated, ${r.unexpected} without a 201; ` +
      `${load.resent} sent again, ${r.replayFailures} of them answered with another receipt or a refusal.`,
    '',
    `Meanwhile ${o.office} office users (seeded accounts, signed in through the local OpenID provider) work the ` +
      'queue as the console does: list the new reports, open one, acknowledge it, reply. A 409 is a colleague ' +
      'who acted on the same report first.',
    '',
    '| office operation | calls | p50 | p95 | p99 | statuses |',
    '|---|---:|---:|---:|---:|---|',
    row('list (`GET /api/office/reports?status=new`)', load.office.list, load.office.list.statuses),
    row('open (`GET /api/office/reports/{ref}`)', load.office.open, load.office.open.statuses),
    row('acknowledge (`POST …/actions`)', load.office.acknowledge, load.office.acknowledge.statuses),
    row('reply (`POST …/actions`)', load.office.reply, load.office.reply.statuses),
    '',
    `With the shipped caps: 8 reporters send 40 reports to one community on a fresh runtime: ${describeTally(caps.statuses)}; ` +
      `${caps.reconciliation.reports} reports in the table for ${caps.reconciliation.accepted} 201s ` +
      `(reconciliation ${caps.reconciliation.exact ? 'exact' : 'NOT EXACT'}). The cap is soft: reports racing at ` +
      'the edge may both pass.',
  ];
}

const started = performance.now();
console.log(`Load: ${options.reporters} reporters for ${options.seconds} s, ${options.office} office users…`);
const load = await runLoad(options);
console.log('Caps: 40 reports against the shipped caps…');
const caps = await capsCheck();
writeReliability([section(load, caps, (performance.now() - started) / 1000)]);
if (!load.reconciliation.exact || !caps.reconciliation.exact) process.exitCode = 1;
