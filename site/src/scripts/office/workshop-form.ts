/**
 * The editor's form: filled from a workshop (or the defaults of a new one), read back as the
 * API's body (workshop-body.ts), the agenda's running total against the duration, and a call to
 * `changed` on every edit. Browser only.
 */
import { find } from '../report/dom.ts';
import { label, lang, s, valuesOf } from './strings.ts';
import { bodyOf, numberOf, sessionRowOf, type TypedFields } from './workshop-body.ts';
import { agendaKind, lineKind } from './workshop-row-kinds.ts';
import { rows } from './workshop-rows.ts';
import { type SessionRow, sessionKind } from './workshop-session-row.ts';
import type { Session, SessionInput, Workshop } from './workshop-types.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const fieldNames: (keyof TypedFields)[] = [
  'title',
  'summary',
  'language',
  'translationKey',
  'audience',
  'groupSize.min',
  'groupSize.max',
  'durationMinutes',
  'facilitatorNotes',
  'safeguardingNotes',
  'handout',
];
const audiences = valuesOf('workshops.audience');

/** The editor's form, wired to the page's markup. */
export function workshopForm(form: HTMLFormElement, changed: () => void) {
  const control = (path: string) => find<Control>(form, `[name="${path}"]`);
  const part = (path: string) => find(form, `[data-rows-of="${path}"]`);
  const total = find(form, '[data-agenda-total]');
  const choices = {
    languages: [
      ['zh-CN', label('office.language', 'zh-CN')],
      ['en', label('office.language', 'en')],
    ] as const,
    audiences: audiences.map((a) => [a, label('workshops.audience', a)] as const),
  };
  const emptySession = (): SessionRow => ({
    date: '',
    start: '',
    end: '',
    place: '',
    capacity: '',
    language: control('workshop.language').value,
    audience: control('workshop.audience').value,
    method: 'phone',
    phone: '',
    signUpPlace: '',
  });
  const edited = () => {
    showTotal();
    changed();
  };
  const objectives = rows(
    part('workshop.objectives'),
    lineKind('workshop.objectives', 'office.workshop.field.objectives.item'),
    edited,
  );
  const materials = rows(
    part('workshop.materials'),
    lineKind('workshop.materials', 'office.workshop.field.materials.item'),
    edited,
  );
  const agenda = rows(part('workshop.agenda'), agendaKind('workshop.agenda'), edited);
  const sessions = rows(part('sessions'), sessionKind('sessions', choices, emptySession), edited);

  function showTotal(): void {
    const sum = agenda.values().reduce((all, row) => {
      const minutes = numberOf(row.minutes);
      return all + (typeof minutes === 'number' ? minutes : 0);
    }, 0);
    const duration = numberOf(control('workshop.durationMinutes').value);
    let text = s('office.workshop.agenda.total', { total: sum });
    if (typeof duration === 'number') {
      const gap = duration - sum;
      const key =
        gap === 0
          ? 'office.workshop.agenda.match'
          : gap > 0
            ? 'office.workshop.agenda.left'
            : 'office.workshop.agenda.over';
      text = s(key, { total: sum, duration, minutes: Math.abs(gap) });
    }
    // Said only when it changes, so the live region speaks of real changes.
    if (total.textContent !== text) total.textContent = text;
  }

  form.addEventListener('input', edited);

  return {
    /** Fills the form from `workshop` and `list`, or with a new workshop's defaults. */
    fill(workshop: Workshop | undefined, list: readonly Session[] = []) {
      form.reset();
      const w = workshop;
      const values: TypedFields = {
        title: w?.title ?? '',
        summary: w?.summary ?? '',
        language: w?.language ?? lang,
        translationKey: w?.translationKey ?? '',
        audience: w?.audience ?? audiences[0] ?? '',
        'groupSize.min': String(w?.groupSize.min ?? ''),
        'groupSize.max': String(w?.groupSize.max ?? ''),
        durationMinutes: String(w?.durationMinutes ?? ''),
        facilitatorNotes: w?.facilitatorNotes ?? '',
        safeguardingNotes: w?.safeguardingNotes ?? '',
        handout: w?.handout ?? '',
      };
      for (const [name, value] of Object.entries(values)) control(`workshop.${name}`).value = value;
      // Language and key are the workshop's name on the site: fixed once it exists.
      control('workshop.language').disabled = w !== undefined;
      (control('workshop.translationKey') as HTMLInputElement).readOnly = w !== undefined;
      objectives.set(w?.objectives ?? ['']);
      materials.set(w?.materials ?? ['']);
      const rows = w?.agenda.map((item) => ({ minutes: String(item.minutes), activity: item.activity }));
      agenda.set(rows ?? [{ minutes: '', activity: '' }]);
      sessions.set(list.map(sessionRowOf));
      showTotal();
    },

    /** The API's body for what is typed now. */
    read(): { workshop: Workshop; sessions: SessionInput[] } {
      const fields = Object.fromEntries(
        fieldNames.map((name) => [name, control(`workshop.${name}`).value]),
      ) as TypedFields;
      return bodyOf({
        fields,
        objectives: objectives.values(),
        materials: materials.values(),
        agenda: agenda.values(),
        sessions: sessions.values(),
      });
    },
  };
}
