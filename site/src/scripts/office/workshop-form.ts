/**
 * The editor's form: filled from a workshop (or the defaults of a new one), read back as the
 * API's body, the agenda's running total against the duration, and whether anything was
 * changed since the last save. Numbers are read forgivingly (full-width digits, spaces); what
 * still isn't a number goes to the API as typed, which says what is wrong. Browser only.
 */
import { find } from '../report/dom.ts';
import { label, lang, s, valuesOf } from './strings.ts';
import { agendaKind, lineKind, type SessionRow, sessionKind } from './workshop-row-kinds.ts';
import { rows } from './workshop-rows.ts';
import type { Session, SessionInput, Workshop } from './workshop-types.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A number as typed: full-width digits and spaces forgiven; else the text, for the API to refuse. */
export function numberOf(typed: string): number | string | undefined {
  const plain = typed
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  if (plain === '') return undefined;
  return /^\d+$/.test(plain) ? Number(plain) : typed;
}

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

  const set = (path: string, value: string | number) => {
    control(path).value = String(value);
  };

  return {
    /** Fills the form from `workshop` and `list`, or with a new workshop's defaults. */
    fill(workshop: Workshop | undefined, list: readonly Session[] = []) {
      form.reset();
      const w = workshop;
      set('workshop.title', w?.title ?? '');
      set('workshop.summary', w?.summary ?? '');
      set('workshop.language', w?.language ?? lang);
      set('workshop.translationKey', w?.translationKey ?? '');
      set('workshop.audience', w?.audience ?? audiences[0] ?? '');
      set('workshop.groupSize.min', w?.groupSize.min ?? '');
      set('workshop.groupSize.max', w?.groupSize.max ?? '');
      set('workshop.durationMinutes', w?.durationMinutes ?? '');
      set('workshop.facilitatorNotes', w?.facilitatorNotes ?? '');
      set('workshop.safeguardingNotes', w?.safeguardingNotes ?? '');
      set('workshop.handout', w?.handout ?? '');
      // Language and key are the workshop's name on the site: fixed once it exists.
      control('workshop.language').disabled = w !== undefined;
      (control('workshop.translationKey') as HTMLInputElement).readOnly = w !== undefined;
      objectives.set(w?.objectives ?? ['']);
      materials.set(w?.materials ?? ['']);
      agenda.set(
        w?.agenda.map((item) => ({ minutes: String(item.minutes), activity: item.activity })) ?? [
          { minutes: '', activity: '' },
        ],
      );
      sessions.set(
        list.map((session) => ({
          id: session.id,
          date: session.date,
          start: session.start,
          end: session.end,
          place: session.place,
          capacity: String(session.capacity),
          language: session.language,
          audience: session.audience,
          method: session.signUp.method,
          phone: session.signUp.method === 'phone' ? session.signUp.phone : '',
          signUpPlace: session.signUp.method === 'place' ? session.signUp.place : '',
        })),
      );
      showTotal();
    },

    /** The API's body: the workshop and its sessions as typed, blank rows left out. */
    read(): { workshop: Workshop; sessions: SessionInput[] } {
      const text = (path: string) => control(path).value;
      const number = (path: string) => numberOf(text(path));
      const workshop = {
        title: text('workshop.title'),
        summary: text('workshop.summary'),
        language: text('workshop.language'),
        // Forgiving: "Body Safety " is meant as body-safety.
        translationKey: text('workshop.translationKey').trim().toLowerCase().replace(/\s+/g, '-'),
        audience: text('workshop.audience'),
        groupSize: { min: number('workshop.groupSize.min'), max: number('workshop.groupSize.max') },
        durationMinutes: number('workshop.durationMinutes'),
        objectives: objectives.values().filter((line) => line.trim() !== ''),
        agenda: agenda
          .values()
          .filter((row) => row.minutes.trim() !== '' || row.activity.trim() !== '')
          .map((row) => ({ minutes: numberOf(row.minutes), activity: row.activity })),
        materials: materials.values().filter((line) => line.trim() !== ''),
        facilitatorNotes: text('workshop.facilitatorNotes'),
        safeguardingNotes: text('workshop.safeguardingNotes'),
        handout: text('workshop.handout'),
      };
      const list = sessions.values().map((row) => ({
        ...(row.id ? { id: row.id } : {}),
        date: row.date,
        start: row.start,
        end: row.end,
        place: row.place,
        capacity: numberOf(row.capacity),
        language: row.language,
        audience: row.audience,
        signUp:
          row.method === 'place'
            ? { method: 'place', place: row.signUpPlace }
            : { method: 'phone', phone: row.phone.trim() },
      }));
      // What is typed may be wrong in any way: the API is the one to say how.
      return { workshop: workshop as unknown as Workshop, sessions: list as unknown as SessionInput[] };
    },
  };
}
