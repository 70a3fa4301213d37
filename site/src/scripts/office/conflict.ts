/**
 * Saying what a 409 means: for a stale version, what others changed since the report was
 * loaded (from the audit trail); for a move that isn't allowed, where the report is and where it
 * can go. Browser only.
 */
import { joined } from './context.ts';
import { h } from './dom.ts';
import { dateTime, label, s } from './strings.ts';
import type { ReportView } from './types.ts';

/** The changes between two states of a report, as the audit trail tells them (views left out). */
function changesBetween(before: ReportView, now: ReportView): HTMLLIElement[] {
  const seen = new Set(before.audit.map((event) => event.id));
  return now.audit
    .filter((event) => !seen.has(event.id) && event.action !== 'viewed')
    .map((event) =>
      h(
        'li',
        null,
        `${dateTime(event.at)} · ${event.actor} · ${label('office.audit', event.action)}`,
        event.from &&
          event.to &&
          ` (${s('office.audit.move', { from: label('office.status', event.from), to: label('office.status', event.to) })})`,
      ),
    );
}

/**
 * The message for a 409: with `allowed` given, the move was refused; without it, the version was
 * stale and the report now shows `now`.
 */
export function describeConflict(before: ReportView, now: ReportView, allowed?: readonly string[]): Node {
  const changes = changesBetween(before, now);
  const lead = allowed
    ? [
        h('p', null, s('office.conflict.invalid', { status: label('office.status', now.status) })),
        h(
          'p',
          null,
          allowed.length
            ? s('office.conflict.allowed', {
                moves: joined(allowed.map((move) => label('office.status', move))),
              })
            : s('office.conflict.noMoves'),
        ),
      ]
    : [h('p', null, s('office.conflict.stale'))];
  return h(
    'div',
    null,
    lead,
    changes.length > 0 && [
      h('p', { class: 'console-message__sub' }, s('office.conflict.changes')),
      h('ul', null, changes),
    ],
  );
}
