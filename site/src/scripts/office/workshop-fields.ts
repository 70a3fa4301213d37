/**
 * Fields the editor draws for its rows, built exactly like WorkshopField.astro draws the fixed
 * ones: label, optional hint, the problem, then the input, which names both; `path` is the
 * field's place in the API's body. Browser only.
 */
import { type Child, h } from './dom.ts';

/** The input a field holds. */
export type Input =
  | { kind: 'text' | 'number' | 'date' | 'time'; value: string }
  | { kind: 'select'; value: string; options: readonly (readonly [value: string, label: string])[] };

/** What a field needs: where it is in the body, its id, its words and its input. */
export interface FieldSpec {
  id: string;
  path: string;
  label: Child;
  hint?: string;
  input: Input;
  /** Extra classes for the field's wrapper. */
  class?: string;
}

/** An id made from a path: `sessions.0.date` → `w-sessions-0-date`. */
export function idOf(path: string): string {
  return `w-${path.replaceAll('.', '-')}`;
}

function inputOf(spec: FieldSpec, describedBy: string): HTMLElement {
  const { input, id, path } = spec;
  const common = { id, name: path, 'aria-describedby': describedBy };
  if (input.kind === 'select') {
    const select = h(
      'select',
      { class: 'select', ...common },
      input.options.map(([value, text]) => h('option', { value }, text)),
    );
    select.value = input.value;
    return select;
  }
  const element = h('input', {
    class: `input input--${input.kind === 'text' ? 'row' : input.kind}`,
    type: input.kind === 'number' ? 'text' : input.kind,
    inputmode: input.kind === 'number' ? 'numeric' : undefined,
    autocomplete: 'off',
    ...common,
  });
  element.value = input.value;
  return element;
}

/**
 * A labelled field.
 * @example field({ id: 'w-x', path: 'sessions.0.place', label: 'Place', input: { kind: 'text', value: '' } })
 */
export function field(spec: FieldSpec): HTMLDivElement {
  const hintId = spec.hint ? `${spec.id}-hint` : undefined;
  const errorId = `${spec.id}-error`;
  return h(
    'div',
    { class: `field field--compact${spec.class ? ` ${spec.class}` : ''}`, 'data-path': spec.path },
    h('label', { class: 'label label--small', for: spec.id }, spec.label),
    spec.hint && h('p', { class: 'hint', id: hintId }, spec.hint),
    h('p', { class: 'field-error', id: errorId, hidden: true, 'data-field-error': true }),
    inputOf(spec, [hintId, errorId].filter(Boolean).join(' ')),
  );
}

/** A Remove button whose accessible name says what it removes ("Remove objective 2"). */
export function removeButton(visible: string, what: string, onClick: () => void): HTMLButtonElement {
  const button = h(
    'button',
    { class: 'button button--secondary button--small row__remove', type: 'button' },
    visible,
    h('span', { class: 'visually-hidden' }, ` ${what}`),
  );
  button.addEventListener('click', onClick);
  return button;
}

/** The value of the control named `name` under `root`, or '' when there is none. */
export function controlValue(root: ParentNode, name: string): string {
  const control = root.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
    `[name="${name}"]`,
  );
  return control?.value ?? '';
}
