/**
 * `npm run bench:faults [-- --seconds 30 --reporters 20 --solvers 1 --rounds 50
 * --only database,process,writes,staff]`: the fault scenarios, each on a fresh local runtime with
 * virtual reporters (or, for `staff`, rounds of conflicting office changes), each reconciled;
 * writes their sections of docs/reliability.md.
 */
import { parseArgs } from 'node:util';
import { databaseVanishes } from './fault-database.ts';
import { processDies } from './fault-process.ts';
import { type FaultFigures, phases } from './fault-run.ts';
import { slowAndFailingWrites } from './fault-writes.ts';
import { describeTally } from './reconcile.ts';
import { ranOn, writeReliability } from './reliability.ts';
import { measureStaffConflicts } from './staff-conflicts.ts';

// Its Node 20 notice says nothing a bench run can act on.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    reporters: { type: 'string', default: '20' },
    solvers: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '50' },
    only: { type: 'string', default: 'database,process,writes,staff' },
  },
});
const seconds = Number(values.seconds);
const reporters = Number(values.reporters);
const solvers = Number(values.solvers);
const rounds = Number(values.rounds);
const only = new Set(values.only.split(','));
const flags = `--seconds ${seconds} --reporters ${reporters} --solvers ${solvers}`;

/** The lines every fault section ends with: the statuses, the 503s, the count. */
function counted(f: FaultFigures): string[] {
  const r = f.reconciliation;
  return [
    '| reports started | accepted (201) | refused | unanswered | reports in the table | missing | duplicated | without a 201 | sent again | another receipt or refused |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${r.submissions} | ${r.accepted} | ${r.refused} | ${r.unresolved} | ${r.reports} | ${r.missing} | ${r.duplicated} | ${r.unexpected} | ${f.resent} | ${r.replayFailures} |`,
    '',
    `Every POST: ${describeTally(f.statuses)}. ` +
      (f.unavailable.total
        ? `${f.unavailable.total} answers were 503, ${f.unavailable.clear} of them with \`Retry-After\` and the ` +
          '`service_unavailable` error body. '
        : 'No answer was 503. ') +
      `${f.replayed} ${f.replayed === 1 ? 'report was' : 'reports were'} accepted on a retry that found an ` +
      'earlier attempt’s idempotency record (`Idempotent-Replayed: true`): that attempt had written to the ' +
      'database before it failed; the retry got the receipt it had drawn, and there is one report.',
    '',
    `**Reconciliation: ${r.exact ? 'exact' : 'NOT EXACT'}.**`,
  ];
}

/** Runs a scenario and says how long it took, start-up included. */
async function timed<T>(run: () => Promise<T>): Promise<[T, string]> {
  const started = performance.now();
  const figures = await run();
  return [figures, `(${Math.round((performance.now() - started) / 1000)} s wall)`];
}

function phaseTable(tallies: Record<string, Record<string, number>>): string[] {
  return [
    '| attempts | statuses |',
    '|---|---|',
    ...phases.map((phase) => `| ${phase} | ${describeTally(tallies[phase] ?? {})} |`),
  ];
}

async function databaseSection(): Promise<string[]> {
  const downAt = Math.round(seconds / 3);
  const [f, wall] = await timed(() =>
    databaseVanishes({ seconds, reporters, downAt, downFor: 10, solvers, resend: 50 }),
  );
  return [
    '## The database vanishes',
    '',
    ranOn(),
    '',
    `\`npm run bench:faults -- ${flags} --only database\` ${wall}`,
    '',
    `${reporters} virtual reporters submit for ${seconds} s. The runtime uses a DynamoDB in a process of its own ` +
      '(`HUTONG_DYNAMODB_ENDPOINT`, the embedded dynalite on the same data directory); ' +
      `${downAt} s in, that process is killed with SIGKILL and started again 10 s later ` +
      `(${f.downSeconds.toFixed(1)} s unreachable in all). Reporters retry a 503 or a lost connection with the same ` +
      'Idempotency-Key and proof after `Retry-After`, as the site lets a person send again; reports in progress ' +
      `finish at the end, and ${f.resent} accepted ones are sent once more.`,
    '',
    'Attempts by when they were sent and answered: *across the stop* were sent before the kill and answered ' +
      'after it; *while down* were sent after the kill and answered before the restart began, when nothing could ' +
      'store a report; *across the restart* were sent before the restart began and answered after it; *after* ' +
      'were sent once it began, so the first of them may still find DynamoDB starting (503).',
    '',
    ...phaseTable(f.phases),
    '',
    ...counted(f),
  ];
}

async function processSection(): Promise<string[]> {
  const killAt = Math.round(seconds / 3);
  const [f, wall] = await timed(() =>
    processDies({ seconds, reporters, killAt, solvers, resend: 50, followUps: 5 }),
  );
  return [
    '## The process dies',
    '',
    ranOn(),
    '',
    `\`npm run bench:faults -- ${flags} --only process\` ${wall}`,
    '',
    `${reporters} virtual reporters submit for ${seconds} s. ${killAt} s in, the whole local runtime (API and ` +
      'embedded DynamoDB in one process) is killed with SIGKILL during writes, and started again at once on the same ' +
      `data directory and port (${f.downSeconds.toFixed(1)} s until it answered again). Reporters whose connection ` +
      'failed send again with the same key. *While down* are the attempts sent after the kill and answered before ' +
      'the new process said it was listening.',
    '',
    ...phaseTable(f.phases),
    '',
    `The data directory survived: the runtime started on it, the table scanned, and ${f.followUps.opened} of ` +
      `${f.followUps.tried} receipts given before the kill opened their report on the follow-up API afterwards.`,
    '',
    ...counted(f),
  ];
}

async function writesSection(): Promise<string[]> {
  const faults = 'latency:200,errors:0.2';
  const [f, wall] = await timed(() =>
    slowAndFailingWrites({ seconds, reporters, faults, solvers, resend: 50 }),
  );
  const ms = (value: number) => `${Math.round(value)} ms`;
  return [
    '## Slow and failing writes',
    '',
    ranOn(),
    '',
    `\`npm run bench:faults -- ${flags} --only writes\` ${wall}, the runtime with \`HUTONG_STORE_FAULTS=${faults}\``,
    '',
    `${reporters} virtual reporters submit for ${seconds} s to a runtime whose every DynamoDB write waits 200 ms and ` +
      'one in five fails: half before the write reaches the table, half after it is stored with its answer lost. ' +
      'The hook is `infra/local/store-faults.ts`, an SDK middleware the local runtime adds only when the variable is ' +
      'set; no Lambda bundle contains it (`test/infra/bundles.test.ts`).',
    '',
    `Injected: ${f.injected.before} failures before a write, ${f.injected.after} after one. 201s took ` +
      `${ms(f.accepted.p50)} at p50, ${ms(f.accepted.p95)} at p95, ${ms(f.accepted.p99)} at p99.`,
    '',
    ...counted(f),
  ];
}

const scenarios: [string, () => Promise<string[]>][] = [
  ['database', databaseSection],
  ['process', processSection],
  ['writes', writesSection],
  ['staff', () => measureStaffConflicts(rounds)],
];
const sections: string[][] = [];
for (const [name, run] of scenarios.filter(([name]) => only.has(name))) {
  console.log(`Fault: ${name}…`);
  sections.push(await run());
}
writeReliability(sections);
if (sections.some((section) => section.some((line) => line.includes('NOT EXACT')))) process.exitCode = 1;
