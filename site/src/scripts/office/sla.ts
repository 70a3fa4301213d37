/**
 * The service-target badges: acknowledge, first reply and outcome, each met, met late, due or
 * overdue, in words (never colour alone), with the due time on hover. Browser only.
 */
import { h } from './dom.ts';
import { dateTime, relative, s } from './strings.ts';
import type { Sla } from './types.ts';

const targets = ['acknowledge', 'firstReply', 'outcome'] as const;

/** One badge's words, e.g. "First reply: due in 2 days". */
export function slaText(target: (typeof targets)[number], sla: Sla, now: number): string {
  const { state, dueAt } = sla[target];
  const name = s(`office.sla.${target}`);
  if (state === 'met') return s('office.sla.met', { target: name });
  if (state === 'late') return s('office.sla.late', { target: name });
  return s(state === 'due' ? 'office.sla.due' : 'office.sla.overdue', {
    target: name,
    time: relative(dueAt, now),
  });
}

/** The three badges as a list. */
export function slaBadges(sla: Sla, now = Date.now()): HTMLUListElement {
  return h(
    'ul',
    { class: 'sla', 'aria-label': s('office.sla.label') },
    targets.map((target) =>
      h(
        'li',
        { class: `sla__badge sla__badge--${sla[target].state}`, title: dateTime(sla[target].dueAt) },
        slaText(target, sla, now),
      ),
    ),
  );
}
