/**
 * The parts of a workshop's screen both trainers and reviewers see: where it stands (status,
 * live version, who wrote and changed it), the reviewers' comments, and the audit trail. Every
 * text goes in as text. Browser only.
 */
import { joined } from './context.ts';
import { type Child, h } from './dom.ts';
import { dateTime, label, relative, s } from './strings.ts';
import type { WorkshopView } from './workshop-types.ts';

const time = (iso: string) => h('time', { datetime: iso }, dateTime(iso));

/**
 * A workshop's status as a tag, and the "live version" marker when a version is on the site
 * while the working copy is a new draft or in review (a published one says so itself).
 */
export function statusTags(status: string, live: boolean): Child[] {
  return [
    h('span', { class: `tag tag--status tag--${status}` }, label('office.workshopStatus', status)),
    live && status !== 'published' && h('span', { class: 'tag tag--live' }, s('office.workshops.live')),
  ];
}

/** The lines under the title: status, live version, author, editors, last change. */
export function summary(view: WorkshopView, now = Date.now()): Child[] {
  const others = view.editors.filter((name) => name !== view.authorName);
  return [
    h('p', { class: 'report__tags' }, statusTags(view.status, view.live !== null)),
    view.live &&
      h(
        'p',
        null,
        s('office.workshop.liveSince', {
          time: dateTime(view.live.publishedAt),
          name: view.live.publishedBy,
        }),
      ),
    h(
      'p',
      { class: 'queue-item__meta' },
      s('office.workshops.by', { name: view.authorName }),
      others.length > 0 && ` · ${s('office.workshop.editors', { names: joined(others) })}`,
      ' · ',
      s('office.workshops.changed', { time: relative(view.updatedAt, now) }),
    ),
  ];
}

/** The reviewers' comments, newest first. */
export function comments(view: WorkshopView): HTMLLIElement[] {
  return [...view.comments]
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((comment) =>
      h(
        'li',
        { class: 'note' },
        h('p', { class: 'message__meta' }, h('strong', null, comment.by), ' · ', time(comment.at)),
        h('p', { class: 'report-text' }, comment.text),
      ),
    );
}

/** Every step, oldest first: who, what, when, and the comment with it. */
export function audit(view: WorkshopView): HTMLLIElement[] {
  return view.audit.map((event) =>
    h(
      'li',
      { class: 'audit__event' },
      h('p', null, time(event.at), ' · ', event.by, ' · ', label('office.workshopAudit', event.action)),
      event.comment && h('p', { class: 'audit__details report-text' }, event.comment),
    ),
  );
}
