/**
 * Concurrent staff, the long version: many rounds of twenty conflicting changes to one report on
 * a fresh local runtime, and whether the audit trail afterwards tells exactly the winners' story.
 * Returns the "Concurrent staff" section of docs/reliability.md (`bench:faults` writes it).
 */

import { staffClient, submitted } from '../test/support/office.ts';
import { spawnRuntime } from '../test/support/runtime.ts';
import { auditProblems, conflictRound, type RoundOutcome } from '../test/support/staff-conflicts.ts';
import { ranOn } from './reliability.ts';
import { percentile } from './stats.ts';

/**
 * Runs `rounds` rounds of `contenders` conflicting changes (an office user and a lead of one
 * community, taking turns) and returns the section, `## ` heading first.
 * @example writeReliability([await measureStaffConflicts(50)]);
 */
export async function measureStaffConflicts(rounds: number, contenders = 20): Promise<string[]> {
  const runtime = await spawnRuntime();
  try {
    const actors = ['office-lanting', 'lead-lanting'];
    const clients = await Promise.all(actors.map((name) => staffClient(runtime, name)));
    const { ref } = await submitted(runtime, {
      community: 'lanting',
      categories: ['neglect'],
      reporterRole: 'resident',
      childAgeBand: '0-7',
      immediateDanger: false,
      description: 'A report twenty staff change at once.',
      language: 'en',
    });
    const outcomes: RoundOutcome[] = [];
    for (let round = 0; round < rounds; round++) {
      outcomes.push(await conflictRound(clients, actors, ref, round, 1 + round, contenders));
    }
    const view = await clients[0]?.view(ref);
    const problems = auditProblems(
      view,
      outcomes.map((o) => o.winner),
    );
    const oneWinner = outcomes.filter((o) => o.byStatus['200'] === 1).length;
    const allConflicts = outcomes.filter((o) => o.byStatus['409'] === contenders - 1).length;
    const fresh = outcomes.reduce((sum, o) => sum + o.freshConflicts, 0);
    const other = outcomes.reduce(
      (sum, o) => sum + contenders - (o.byStatus['200'] ?? 0) - (o.byStatus['409'] ?? 0),
      0,
    );
    const ms = outcomes.map((o) => o.ms);
    return [
      '## Concurrent staff',
      '',
      ranOn(),
      '',
      `Command: \`npm run bench:faults -- --rounds ${rounds} --only staff\`. ${rounds} rounds on one report of a fresh local runtime: in each, ` +
        `${contenders} conflicting changes (acknowledge, then set priority, note and reply in turn), all based on ` +
        'the version the last round left, sent at once by an office user and a lead of the community. Each change ' +
        'is one conditional write (`version = :expected`); exactly one may win, the others must get 409 with the ' +
        'report as it now stands. Afterwards the audit trail must hold one event per winner, in order, by the ' +
        'winner, with statuses that follow on, versions one apart, and the last winner’s status and priority.',
      '',
      '| rounds | exactly one 200 | the rest 409 | 409s with the fresh report | other answers | final version | audit trail | round time p50 / p95 |',
      '|---:|---:|---:|---:|---:|---:|---|---:|',
      `| ${rounds} | ${oneWinner} | ${allConflicts} | ${fresh} of ${rounds * (contenders - 1)} | ${other} | ${view?.version} | ${problems.length ? `**inconsistent**: ${problems.slice(0, 3).join('; ')}` : 'consistent'} | ${Math.round(percentile(ms, 50))} / ${Math.round(percentile(ms, 95))} ms |`,
    ];
  } finally {
    await runtime.stop();
  }
}
