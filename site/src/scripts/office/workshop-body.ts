/**
 * From what a trainer typed to the API's body, forgivingly: a blank field is left out (the API
 * then says it is needed, rather than that it is too short), blank rows are dropped, numbers
 * may be typed with full-width digits and spaces, and the web address name is lower-cased with
 * hyphens for spaces. Whatever is still wrong goes as typed: the API says what. Pure.
 */
import type { AgendaRow } from './workshop-row-kinds.ts';
import type { SessionRow } from './workshop-session-row.ts';
import type { Session, SessionInput, Workshop } from './workshop-types.ts';

/** The workshop's single fields as typed, by their place in the body. */
export type TypedFields = Record<
  | 'title'
  | 'summary'
  | 'language'
  | 'translationKey'
  | 'audience'
  | 'groupSize.min'
  | 'groupSize.max'
  | 'durationMinutes'
  | 'facilitatorNotes'
  | 'safeguardingNotes'
  | 'handout',
  string
>;

/** Everything the editor holds, as typed. */
export interface Typed {
  fields: TypedFields;
  objectives: string[];
  materials: string[];
  agenda: AgendaRow[];
  sessions: SessionRow[];
}

/**
 * A number as typed: full-width digits and spaces forgiven; blank is left out; anything else
 * is sent as typed, for the API to refuse.
 * @example numberOf('６０ ') // 60
 */
export function numberOf(typed: string): number | string | undefined {
  const plain = typed
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  if (plain === '') return undefined;
  return /^\d+$/.test(plain) ? Number(plain) : typed;
}

/** Text as typed, or undefined when blank. */
export function given(typed: string): string | undefined {
  return typed.trim() === '' ? undefined : typed;
}

const lines = (rows: readonly string[]) => {
  const kept = rows.filter((line) => line.trim() !== '');
  return kept.length > 0 ? kept : undefined;
};

function sessionOf(row: SessionRow): Record<string, unknown> {
  return {
    ...(row.id ? { id: row.id } : {}),
    date: given(row.date),
    start: given(row.start),
    end: given(row.end),
    place: given(row.place),
    capacity: numberOf(row.capacity),
    language: row.language,
    audience: row.audience,
    signUp:
      row.method === 'place'
        ? { method: 'place', place: given(row.signUpPlace) }
        : { method: 'phone', phone: given(row.phone.trim()) },
  };
}

/** The API's body for what was typed. */
export function bodyOf(typed: Typed): { workshop: Workshop; sessions: SessionInput[] } {
  const f = typed.fields;
  const agenda = typed.agenda
    .filter((row) => row.minutes.trim() !== '' || row.activity.trim() !== '')
    .map((row) => ({ minutes: numberOf(row.minutes), activity: given(row.activity) }));
  const workshop = {
    title: given(f.title),
    summary: given(f.summary),
    language: f.language,
    translationKey: given(f.translationKey.trim().toLowerCase().replace(/\s+/g, '-')),
    audience: f.audience,
    groupSize: { min: numberOf(f['groupSize.min']), max: numberOf(f['groupSize.max']) },
    durationMinutes: numberOf(f.durationMinutes),
    objectives: lines(typed.objectives),
    agenda: agenda.length > 0 ? agenda : undefined,
    materials: lines(typed.materials),
    facilitatorNotes: given(f.facilitatorNotes),
    safeguardingNotes: given(f.safeguardingNotes),
    handout: given(f.handout),
  };
  // JSON leaves out what is undefined. What is typed may be wrong in any way; the API says how.
  return {
    workshop: workshop as unknown as Workshop,
    sessions: typed.sessions.map(sessionOf) as unknown as SessionInput[],
  };
}

/** A saved session as the editor shows it. */
export function sessionRowOf(session: Session): SessionRow {
  return {
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
  };
}
