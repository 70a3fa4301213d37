/**
 * A workshop as it would be published, for reviewers (and trainers while it is in review):
 * every field under its own label, as written. Notes are shown as typed, Markdown and all; the
 * site renders it. Every text goes in as text. Browser only.
 */
import { type Child, h } from './dom.ts';
import { day, label, s } from './strings.ts';
import type { Session, WorkshopView } from './workshop-types.ts';

function fact(term: string, value: Child): HTMLDivElement {
  return h('div', { class: 'facts__item' }, h('dt', null, term), h('dd', null, value));
}

function part(title: string, ...content: Child[]): HTMLElement {
  return h('section', { class: 'workshop-read__part' }, h('h4', null, title), content);
}

function list(items: readonly string[]): HTMLUListElement {
  return h(
    'ul',
    null,
    items.map((item) => h('li', null, item)),
  );
}

function session(item: Session): HTMLLIElement {
  const signUp =
    item.signUp.method === 'phone'
      ? s('office.workshop.read.signUp', {
          way: s('office.workshop.session.byPhone'),
          detail: item.signUp.phone,
        })
      : s('office.workshop.read.signUp', {
          way: s('office.workshop.session.byPlace'),
          detail: item.signUp.place,
        });
  return h(
    'li',
    { class: 'note' },
    h('p', null, h('strong', null, `${day(item.date)} ${item.start}–${item.end}`)),
    h('p', null, item.place),
    h(
      'p',
      { class: 'queue-item__meta' },
      [
        s('office.workshop.read.capacity', { count: item.capacity }),
        label('office.language', item.language),
        label('workshops.audience', item.audience),
      ].join(' · '),
    ),
    h('p', null, signUp),
  );
}

/** The whole workshop, read-only. */
export function readView(view: WorkshopView): Child[] {
  const w = view.workshop;
  const total = w.agenda.reduce((sum, item) => sum + item.minutes, 0);
  return [
    h('p', { class: 'workshop-read__summary' }, w.summary),
    h(
      'dl',
      { class: 'facts' },
      fact(s('office.workshop.field.title'), w.title),
      fact(s('office.workshop.field.language'), label('office.language', w.language)),
      fact(s('office.workshop.field.translationKey'), w.translationKey),
      fact(s('office.workshop.field.audience'), label('workshops.audience', w.audience)),
      fact(s('office.workshop.field.groupSize'), s('office.workshop.read.groupSize', w.groupSize)),
      fact(
        s('office.workshop.field.durationMinutes'),
        s('office.workshop.read.minutes', { minutes: w.durationMinutes }),
      ),
    ),
    part(s('office.workshop.field.objectives'), list(w.objectives)),
    part(
      s('office.workshop.field.agenda'),
      h(
        'table',
        { class: 'figures-table workshop-read__agenda' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, s('office.workshop.field.agenda.minutes')),
            h('th', { scope: 'col' }, s('office.workshop.read.activity')),
          ),
        ),
        h(
          'tbody',
          null,
          w.agenda.map((item) => h('tr', null, h('td', null, item.minutes), h('td', null, item.activity))),
        ),
        h('tfoot', null, h('tr', null, h('td', null, total), h('td', null, s('office.workshop.read.total')))),
      ),
    ),
    part(s('office.workshop.field.materials'), list(w.materials)),
    part(s('office.workshop.field.facilitatorNotes'), h('p', { class: 'report-text' }, w.facilitatorNotes)),
    part(
      s('office.workshop.field.safeguardingNotes'),
      h('p', { class: 'report-text workshop-read__safeguarding' }, w.safeguardingNotes),
    ),
    part(s('office.workshop.field.handout'), h('p', { class: 'report-text' }, w.handout)),
    part(
      s('office.workshop.part.sessions'),
      view.sessions.length > 0
        ? h('ul', { class: 'notes' }, view.sessions.map(session))
        : h('p', { class: 'facts__none' }, s('office.workshop.read.noSessions')),
    ),
  ];
}
