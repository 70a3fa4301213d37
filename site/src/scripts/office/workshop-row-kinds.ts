/**
 * The editor's kinds of rows: a line of text (objectives, materials) and an agenda item (minutes
 * and activity); sessions are in workshop-session-row.ts. Each row names its place in the API's
 * body, so the API's problems find it. Browser only.
 */
import { h } from './dom.ts';
import { type ConsoleKey, s } from './strings.ts';
import { field, idOf, removeButton } from './workshop-fields.ts';
import type { RowKind } from './workshop-rows.ts';

/** A row of text: an objective or a material. */
export function lineKind(path: string, itemKey: ConsoleKey): RowKind<string> {
  return {
    empty: () => '',
    draw(value, n, remove) {
      const name = s(itemKey, { n: n + 1 });
      const at = `${path}.${n}`;
      return [
        field({ id: idOf(at), path: at, label: name, input: { kind: 'text', value }, class: 'row__grow' }),
        removeButton(s('office.workshop.remove'), name, remove),
      ];
    },
    read: (row) => row.querySelector('input')?.value ?? '',
  };
}

/** An agenda item as typed: minutes as text until the form reads it. */
export interface AgendaRow {
  minutes: string;
  activity: string;
}

/** A row of the agenda. */
export function agendaKind(path: string): RowKind<AgendaRow> {
  return {
    empty: () => ({ minutes: '', activity: '' }),
    draw(value, n, remove) {
      const name = s('office.workshop.field.agenda.activity', { n: n + 1 });
      const at = `${path}.${n}`;
      return [
        field({
          id: idOf(`${at}.minutes`),
          path: `${at}.minutes`,
          label: [
            s('office.workshop.field.agenda.minutes'),
            h('span', { class: 'visually-hidden' }, ` (${name})`),
          ],
          input: { kind: 'number', value: value.minutes },
          class: 'row__minutes',
        }),
        field({
          id: idOf(`${at}.activity`),
          path: `${at}.activity`,
          label: name,
          input: { kind: 'text', value: value.activity },
          class: 'row__grow',
        }),
        removeButton(s('office.workshop.remove'), name, remove),
      ];
    },
    read: (row) => ({
      minutes: row.querySelector<HTMLInputElement>('.row__minutes input')?.value ?? '',
      activity: row.querySelector<HTMLInputElement>('.row__grow input')?.value ?? '',
    }),
  };
}
