/**
 * The parts of a report's screen, each drawn from the report as the API gives it. Every text
 * from the reporter or staff goes in as text (see dom.ts): never as HTML, never as a link.
 * Browser only.
 */
import { joined } from './context.ts';
import { type Child, h } from './dom.ts';
import { reportHref } from './router.ts';
import { slaBadges } from './sla.ts';
import { dateTime, day, label, relative, s } from './strings.ts';
import type { Me, ReportView } from './types.ts';

const time = (iso: string) => h('time', { datetime: iso }, dateTime(iso));

/** A term and its description; an empty value reads "Not given". */
function fact(term: string, value: Child, wide = false): HTMLDivElement {
  const given = value !== undefined && value !== '' && value !== null;
  return h(
    'div',
    { class: `facts__item${wide ? ' facts__item--wide' : ''}` },
    h('dt', null, term),
    h('dd', given ? null : { class: 'facts__none' }, given ? value : s('office.field.notGiven')),
  );
}

/** The line under the title: status, urgency, priority, who has it, the reporter's news and the targets. */
export function summary(view: ReportView, now = Date.now()): Child[] {
  return [
    h(
      'p',
      { class: 'report__tags' },
      h('span', { class: `tag tag--status tag--${view.status}` }, label('office.status', view.status)),
      view.urgent && h('span', { class: 'tag tag--urgent' }, s('office.queue.urgent')),
      view.priority &&
        h(
          'span',
          { class: 'tag' },
          `${s('office.field.priority')}: ${label('office.priority', view.priority)}`,
        ),
      h(
        'span',
        { class: 'tag' },
        view.assignee ? s('office.queue.assignee', { name: view.assignee }) : s('office.queue.unassigned'),
      ),
    ),
    view.urgent &&
      view.urgentReasons.length > 0 &&
      h(
        'p',
        { class: 'report__urgent' },
        s('office.report.urgentBecause', {
          reasons: joined(view.urgentReasons.map((reason) => label('office.urgentReason', reason))),
        }),
      ),
    view.reporterUpdatedAt &&
      h(
        'p',
        { class: 'report__updated' },
        s('office.report.reporterUpdated', { time: relative(view.reporterUpdatedAt, now) }),
      ),
    view.outcome && h('p', null, `${s('office.field.outcome')}: ${label('office.outcome', view.outcome)}`),
    slaBadges(view.sla, now),
  ];
}

/** Everything the reporter told the office. */
export function facts(view: ReportView): Child[] {
  const yesNo = (value: boolean) => (value ? s('office.yes') : s('office.no'));
  return [
    fact(s('office.field.categories'), joined(view.categories.map((c) => label('category', c)))),
    fact(s('office.field.childAgeBand'), label('ageBand', view.childAgeBand)),
    fact(s('office.field.immediateDanger'), yesNo(view.immediateDanger)),
    fact(s('office.field.description'), h('span', { class: 'report-text' }, view.description), true),
    fact(s('office.field.location'), view.location && h('span', { class: 'report-text' }, view.location)),
    fact(s('office.field.ongoing'), view.ongoing && label('ongoing', view.ongoing)),
    fact(s('office.field.reporterRole'), label('reporterRole', view.reporterRole)),
    fact(s('office.field.contact'), view.contact && h('span', { class: 'report-text' }, view.contact)),
    fact(s('office.field.language'), label('office.language', view.language)),
  ];
}

/** When each step happened. */
export function dates(view: ReportView): Child[] {
  const at = (iso: string | undefined) => iso && time(iso);
  return [
    fact(s('office.field.createdAt'), at(view.createdAt)),
    fact(s('office.field.acknowledgedAt'), at(view.acknowledgedAt)),
    fact(s('office.field.firstReplyAt'), at(view.firstReplyAt)),
    fact(s('office.field.closedAt'), at(view.closedAt)),
    fact(s('office.field.updatedAt'), at(view.updatedAt)),
  ];
}

/** The thread with the reporter, oldest first; or a line saying there is none. */
export function thread(view: ReportView): Child[] {
  if (view.messages.length === 0) return [h('li', { class: 'thread__empty' }, s('office.thread.empty'))];
  return view.messages.map((message) =>
    h(
      'li',
      { class: `message message--${message.from === 'office' ? 'office' : 'reporter'}` },
      h(
        'p',
        { class: 'message__meta' },
        h(
          'strong',
          null,
          message.from === 'office' ? s('office.thread.office') : s('office.thread.reporter'),
        ),
        message.author && ` (${message.author})`,
        ' · ',
        time(message.sentAt),
      ),
      h('p', { class: 'message__body' }, message.body),
    ),
  );
}

/** Internal notes, oldest first. */
export function notes(view: ReportView): Child[] {
  if (view.notes.length === 0) return [h('li', { class: 'thread__empty' }, s('office.notes.empty'))];
  return view.notes.map((note) =>
    h(
      'li',
      { class: 'note' },
      h('p', { class: 'message__meta' }, h('strong', null, note.author), ' · ', time(note.at)),
      h('p', { class: 'message__body' }, note.body),
    ),
  );
}

/** The agency's name in the page's language, from the member's directory, else its id. */
function agencyName(me: Me, id: string): string {
  const agency = me.agencies.find((a) => a.id === id);
  const lang = document.documentElement.lang;
  return agency ? (agency.name[lang] ?? Object.values(agency.name)[0] ?? id) : id;
}

/** Each referral: to whom, how, when, who to talk to there, and who recorded it. */
export function referrals(view: ReportView, me: Me): Child[] {
  if (view.referrals.length === 0) return [h('p', { class: 'thread__empty' }, s('office.referrals.empty'))];
  return [
    h(
      'ul',
      { class: 'referrals' },
      view.referrals.map((referral) =>
        h(
          'li',
          { class: 'referral' },
          h('p', { class: 'referral__agency' }, agencyName(me, referral.agency)),
          h(
            'p',
            null,
            s('office.referrals.on', {
              method: label('office.referralMethod', referral.method),
              date: day(referral.on),
            }),
          ),
          h('p', null, s('office.referrals.contact', { name: referral.contactPerson })),
          referral.note && h('p', { class: 'message__body' }, referral.note),
          h(
            'p',
            { class: 'message__meta' },
            s('office.referrals.by', { name: referral.by, time: dateTime(referral.at) }),
          ),
        ),
      ),
    ),
  ];
}

/** Links to the report this one duplicates, and to those that duplicate it. */
export function duplicates(view: ReportView): Child[] {
  const link = (ref: string) => h('a', { href: reportHref(ref) }, ref);
  if (!view.duplicateOf && view.duplicates.length === 0)
    return [h('p', { class: 'thread__empty' }, s('office.duplicates.none'))];
  return [
    view.duplicateOf && h('p', null, `${s('office.duplicates.of')}: `, link(view.duplicateOf)),
    view.duplicates.length > 0 &&
      h(
        'div',
        null,
        h('p', null, `${s('office.duplicates.list')}:`),
        h(
          'ul',
          null,
          view.duplicates.map((ref) => h('li', null, link(ref))),
        ),
      ),
  ];
}

/** An audit detail in words: its name, and a known value by its label (an agency by its name). */
function detail(key: string, value: string, me: Me): string {
  const families: Record<string, string> = {
    priority: 'office.priority',
    outcome: 'office.outcome',
    method: 'office.referralMethod',
  };
  const family = families[key];
  const shown =
    key === 'agency'
      ? agencyName(me, value)
      : family
        ? label(family, value)
        : key === 'on'
          ? day(value)
          : value;
  return `${label('office.detail', key)}: ${shown}`;
}

/** The audit trail: who, when, what, and the move it made. */
export function audit(view: ReportView, me: Me): Child[] {
  return view.audit.map((event) =>
    h(
      'li',
      { class: 'audit__event' },
      h('p', { class: 'message__meta' }, time(event.at), ' · ', h('strong', null, event.actor)),
      h(
        'p',
        { class: 'audit__what' },
        // A known action by its label, one added later as it is.
        label('office.audit', event.action),
        event.from &&
          event.to &&
          ` (${s('office.audit.move', { from: label('office.status', event.from), to: label('office.status', event.to) })})`,
      ),
      event.details &&
        Object.keys(event.details).length > 0 &&
        h(
          'ul',
          { class: 'audit__details' },
          Object.entries(event.details).map(([key, value]) => h('li', null, detail(key, value, me))),
        ),
    ),
  );
}
