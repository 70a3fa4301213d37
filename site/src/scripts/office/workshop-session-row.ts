/**
 * A session as a row of the editor: when, where, how many, in which language, for whom, and how
 * to sign up (by phone or in person, GOV.UK's conditional reveal). Its fields name their place
 * in the API's body (`sessions.2.date`), so the API's problems find them. Browser only.
 */
import { h } from './dom.ts';
import { type ConsoleKey, s } from './strings.ts';
import { controlValue, field, idOf, removeButton } from './workshop-fields.ts';
import type { RowKind } from './workshop-rows.ts';

/** A session as typed. `id` is kept from the API, so a calendar updates rather than adds it. */
export interface SessionRow {
  id?: string | undefined;
  date: string;
  start: string;
  end: string;
  place: string;
  capacity: string;
  language: string;
  audience: string;
  method: 'phone' | 'place';
  phone: string;
  signUpPlace: string;
}

/** The choices a session's selects offer, from the page's words. */
export interface SessionChoices {
  languages: readonly (readonly [string, string])[];
  audiences: readonly (readonly [string, string])[];
}

function signUp(at: string, value: SessionRow): HTMLFieldSetElement {
  const name = `${at}.signUp.method`;
  const radio = (method: SessionRow['method'], key: ConsoleKey) => {
    const id = idOf(`${name}.${method}`);
    const input = h('input', { class: 'choice__input', type: 'radio', id, name, value: method });
    input.checked = value.method === method;
    return h('div', { class: 'choice' }, input, h('label', { class: 'choice__label', for: id }, s(key)));
  };
  const phone = field({
    id: idOf(`${at}.signUp.phone`),
    path: `${at}.signUp.phone`,
    label: s('office.workshop.session.phone'),
    hint: s('office.workshop.session.phone.hint'),
    input: { kind: 'text', value: value.phone },
    class: 'sign-up__detail',
  });
  const place = field({
    id: idOf(`${at}.signUp.place`),
    path: `${at}.signUp.place`,
    label: s('office.workshop.session.signUpPlace'),
    hint: s('office.workshop.session.signUpPlace.hint'),
    input: { kind: 'text', value: value.signUpPlace },
    class: 'sign-up__detail',
  });
  const errorId = `${idOf(`${at}.signUp`)}-error`;
  const group = h(
    'fieldset',
    { class: 'fieldset field field--compact', 'data-path': `${at}.signUp`, 'aria-describedby': errorId },
    h('legend', { class: 'label label--small' }, s('office.workshop.session.signUp')),
    h('p', { class: 'field-error', id: errorId, hidden: true, 'data-field-error': true }),
    h(
      'div',
      { class: 'choices' },
      radio('phone', 'office.workshop.session.byPhone'),
      radio('place', 'office.workshop.session.byPlace'),
    ),
    phone,
    place,
  );
  // Only the detail the chosen way needs is shown (GOV.UK's conditional reveal).
  const reveal = () => {
    const method = group.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value;
    phone.hidden = method !== 'phone';
    place.hidden = method !== 'place';
  };
  group.addEventListener('change', reveal);
  reveal();
  return group;
}

/** A row of the sessions: a fieldset of its own, "Session 2". */
export function sessionKind(
  path: string,
  choices: SessionChoices,
  empty: () => SessionRow,
): RowKind<SessionRow> {
  return {
    empty,
    draw(value, n, remove) {
      const name = s('office.workshop.session', { n: n + 1 });
      const at = `${path}.${n}`;
      const one = (
        key: keyof SessionRow,
        label: ConsoleKey,
        kind: 'text' | 'number' | 'date' | 'time',
        hint?: ConsoleKey,
      ) =>
        field({
          id: idOf(`${at}.${key}`),
          path: `${at}.${key}`,
          label: s(label),
          ...(hint ? { hint: s(hint) } : {}),
          input: { kind, value: String(value[key] ?? '') },
        });
      const select = (
        key: 'language' | 'audience',
        label: ConsoleKey,
        options: SessionChoices['languages'],
      ) =>
        field({
          id: idOf(`${at}.${key}`),
          path: `${at}.${key}`,
          label: s(label),
          input: { kind: 'select', value: value[key], options },
        });
      return [
        h(
          'fieldset',
          { class: 'fieldset session-row', 'data-row-name': name, 'data-session-id': value.id },
          h('legend', { class: 'session-row__title' }, name),
          one('date', 'office.workshop.session.date', 'date'),
          h(
            'div',
            { class: 'workshop-pair' },
            one('start', 'office.workshop.session.start', 'time'),
            one('end', 'office.workshop.session.end', 'time'),
          ),
          one('place', 'office.workshop.session.place', 'text', 'office.workshop.session.place.hint'),
          one('capacity', 'office.workshop.session.capacity', 'number'),
          select('language', 'office.workshop.session.language', choices.languages),
          select('audience', 'office.workshop.session.audience', choices.audiences),
          signUp(at, value),
          removeButton(s('office.workshop.remove'), name, remove),
        ),
      ];
    },
    read(row) {
      const fieldset = row.querySelector<HTMLElement>('[data-row-name]');
      const at =
        fieldset?.querySelector<HTMLElement>('[data-path]')?.dataset.path?.replace(/\.date$/, '') ?? '';
      const method = row.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value;
      return {
        id: fieldset?.dataset.sessionId || undefined,
        date: controlValue(row, `${at}.date`),
        start: controlValue(row, `${at}.start`),
        end: controlValue(row, `${at}.end`),
        place: controlValue(row, `${at}.place`),
        capacity: controlValue(row, `${at}.capacity`),
        language: controlValue(row, `${at}.language`),
        audience: controlValue(row, `${at}.audience`),
        method: method === 'place' ? 'place' : 'phone',
        phone: controlValue(row, `${at}.signUp.phone`),
        signUpPlace: controlValue(row, `${at}.signUp.place`),
      };
    },
  };
}
