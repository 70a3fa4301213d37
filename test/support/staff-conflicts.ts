/**
 * Staff racing each other on one report, for the concurrency test and `bench/staff-conflicts.ts`:
 * rounds of conflicting changes all based on the same version, and a check that the report's
 * audit trail tells the story of exactly the changes that won.
 */
import { priorities } from '../../functions/domain/workflow.ts';
import { type Json, json } from './http.ts';
import type { StaffClient } from './office.ts';

/** The change contender `i` tries in round `round` (0-based), based on `expectedVersion`. */
export function contenderAction(round: number, i: number, expectedVersion: number): Record<string, unknown> {
  const priority = priorities[i % priorities.length];
  if (round === 0) return { action: 'acknowledge', expectedVersion, priority };
  const kinds = ['set_priority', 'note', 'reply'] as const;
  const action = kinds[(round - 1) % kinds.length];
  if (action === 'set_priority') return { action, expectedVersion, priority };
  return { action, expectedVersion, body: `Round ${round + 1}, from contender ${i + 1}.` };
}

/** What one round came to. */
export interface RoundOutcome {
  /** Answers by status code. */
  byStatus: Record<string, number>;
  /** The one change that won: who sent it, what it was, and the report as it answered. */
  winner?: { actor: string; action: Record<string, unknown>; view: Json };
  /** 409s that carried the report as it stood after the winner (version one higher). */
  freshConflicts: number;
  /** Milliseconds from the first request to the last answer. */
  ms: number;
}

/**
 * Sends `contenders` conflicting changes to `ref` at once, all based on `expectedVersion`, from
 * `clients` in turn (each named by `actors[i]`).
 */
export async function conflictRound(
  clients: StaffClient[],
  actors: string[],
  ref: string,
  round: number,
  expectedVersion: number,
  contenders = 20,
): Promise<RoundOutcome> {
  const started = performance.now();
  const actions = Array.from({ length: contenders }, (_, i) => contenderAction(round, i, expectedVersion));
  const responses = await Promise.all(
    actions.map((action, i) => (clients[i % clients.length] as StaffClient).act(ref, action)),
  );
  const bodies: Json[] = await Promise.all(responses.map((r) => json(r)));
  const ms = performance.now() - started;
  const outcome: RoundOutcome = { byStatus: {}, freshConflicts: 0, ms };
  responses.forEach((response, i) => {
    outcome.byStatus[response.status] = (outcome.byStatus[response.status] ?? 0) + 1;
    const body = bodies[i];
    if (response.status === 200) {
      outcome.winner = { actor: actors[i % actors.length] ?? '', action: actions[i] ?? {}, view: body };
    }
    if (response.status === 409 && body?.current?.version === expectedVersion + 1) outcome.freshConflicts++;
  });
  return outcome;
}

/**
 * What is wrong with `view`'s audit trail, given the changes that won, in order: one event per
 * winner with its action and actor, statuses that follow on from each other, a version one
 * higher per winner, and the last winner's status. Empty when the trail is consistent.
 */
export function auditProblems(view: Json, winners: RoundOutcome['winner'][], firstVersion = 1): string[] {
  const problems: string[] = [];
  const changes = (view.audit as Json[]).filter((event) => event.action !== 'viewed');
  const expected = winners.map((w) => `${w?.action.action} by ${w?.actor}`);
  const recorded = changes.map((event) => `${event.action} by ${event.actor}`);
  if (JSON.stringify(recorded) !== JSON.stringify(expected)) {
    problems.push(`events ${JSON.stringify(recorded)} ≠ winners ${JSON.stringify(expected)}`);
  }
  const versions = winners.map((w) => w?.view?.version);
  const contiguous = versions.every((v, i) => v === firstVersion + i + 1);
  if (!contiguous) problems.push(`winners' versions ${versions.join(', ')} are not contiguous`);
  if (view.version !== firstVersion + winners.length) {
    problems.push(`version ${view.version} ≠ ${firstVersion} + ${winners.length} winners`);
  }
  let status = 'new';
  for (const event of changes) {
    if (event.from !== undefined && event.from !== status)
      problems.push(`${event.action} from ${event.from}, was ${status}`);
    status = event.to ?? status;
  }
  const last = winners.at(-1)?.view;
  if (last && (view.status !== last.status || view.priority !== last.priority)) {
    problems.push(`final ${view.status}/${view.priority} ≠ last winner's ${last.status}/${last.priority}`);
  }
  if (status !== view.status) problems.push(`the trail ends in ${status}, the report is ${view.status}`);
  return problems;
}
