/**
 * A list of rows the trainer grows and shrinks: objectives, materials, agenda items, sessions.
 * Adding or removing a row redraws the list from what is typed, so every row keeps its number,
 * label and id in order; focus goes to the new row, or to where the removed one was. Browser only.
 */
import { find } from '../report/dom.ts';
import { h } from './dom.ts';

/** How one kind of row is drawn and read. */
export interface RowKind<T> {
  /** An empty row, for "Add". */
  empty(): T;
  /** The row's content for its `n`th place (from 0), with a Remove that calls `remove`. */
  draw(value: T, n: number, remove: () => void): HTMLElement[];
  /** What the row holds now. */
  read(row: HTMLElement): T;
}

/** A drawn list: what it holds, and setting it anew. */
export interface Rows<T> {
  values(): T[];
  set(values: readonly T[]): void;
}

/**
 * Wires the list in `fieldset` (a WorkshopRows.astro) to `kind`; `changed` is called after
 * every add and remove (a removal is a change to save).
 */
export function rows<T>(fieldset: HTMLElement, kind: RowKind<T>, changed: () => void): Rows<T> {
  const list = find(fieldset, '[data-rows]');
  const add = find<HTMLButtonElement>(fieldset, '[data-add-row]');

  const values = () => [...list.children].map((row) => kind.read(row as HTMLElement));

  const focusRow = (n: number) => {
    const row = list.children[n];
    const target = row?.querySelector<HTMLElement>('input, select, textarea') ?? add;
    target.focus();
  };

  const set = (next: readonly T[]) => {
    list.replaceChildren(
      ...next.map((value, n) =>
        h(
          'li',
          { class: 'row' },
          kind.draw(value, n, () => {
            const now = values();
            now.splice(n, 1);
            set(now);
            focusRow(Math.min(n, now.length - 1));
            changed();
          }),
        ),
      ),
    );
  };

  add.addEventListener('click', () => {
    const now = values();
    set([...now, kind.empty()]);
    focusRow(now.length);
    changed();
  });

  return { values, set };
}
