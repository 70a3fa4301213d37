/**
 * docs/reliability.md: what `npm run bench:load`, `npm run bench:faults` and
 * `npm run bench:hostile` found, one section per scenario. Each script replaces only its own
 * sections, so re-running one command regenerates its figures and keeps the others'.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../infra/site-build.ts';
import { mergeSections } from './sections.ts';

/** Where the figures live. */
export const reliabilityFile = join(repoRoot, 'docs', 'reliability.md');

/** The machine a scenario ran on, and when: one line for the top of each section. */
export function ranOn(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return (
    `*Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${cpu}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.*`
  );
}

const preamble = [
  '# Reliability',
  '',
  'The promise to a reporter: if Hutong said "received", the office sees the report, exactly once. ' +
    'Each section below is one scenario that tests it, the command that re-runs it, and what it found. ' +
    'The commands run against the local runtime on loopback and write this page; `.ci/run` runs a short ' +
    'version of each as an ordinary test with count assertions.',
  '',
  '| command | scenarios |',
  '|---|---|',
  '| `npm run bench:load` | 50 reporters for 60 s, with 5 office users working the queue |',
  '| `npm run bench:faults` | the database vanishes; the process is killed; slow and failing writes; concurrent staff |',
  '| `npm run bench:hostile` | generated hostile requests to every public and staff route |',
  '',
];

/** Replaces the given sections (each starting with its `## ` heading) in docs/reliability.md. */
export function writeReliability(fresh: string[][]): void {
  const existing = existsSync(reliabilityFile) ? readFileSync(reliabilityFile, 'utf8') : '';
  writeFileSync(reliabilityFile, mergeSections(existing, preamble, fresh));
  console.log(fresh.map((section) => section.join('\n')).join('\n\n'));
  console.log(`\nWrote ${reliabilityFile}`);
}
