/**
 * Draws a report as its reporter sees it: the current step and the day each was reached, and the
 * thread of messages. Every text from the API goes in with textContent, never as HTML.
 * Browser only.
 */
import { find } from '../report/dom.ts';

/** A reporter-facing status. */
export type Status = 'received' | 'in_progress' | 'closed';

/** One message in the thread, as the API sends it. */
export interface ThreadMessage {
  from: 'office' | 'reporter';
  body: string;
  /** `YYYY-MM-DD`. */
  sentOn: string;
}

/** A report as `POST /api/followup` answers it. */
export interface ReportState {
  status: Status;
  statusChangedOn: string;
  timeline: { status: Status; on: string }[];
  messages: ThreadMessage[];
}

const order: readonly Status[] = ['received', 'in_progress', 'closed'];

/** A `YYYY-MM-DD` day as the page's language writes dates, read as the UTC day it names. */
function longDate(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(document.documentElement.lang, {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
}

/** Marks the current step, dates the steps reached, and says when the status last changed. */
export function renderStatus(view: HTMLElement, state: ReportState): void {
  const steps = find(view, '[data-steps]');
  const since = steps.dataset.since ?? '{date}';
  const current = order.indexOf(state.status);
  for (const step of steps.querySelectorAll<HTMLElement>('[data-step]')) {
    const index = order.indexOf(step.dataset.step as Status);
    // The last day each step was reached: a reopened report has been "being handled" twice.
    const reached = state.timeline.filter((entry) => entry.status === step.dataset.step).pop();
    const isCurrent = index === current;
    step.classList.toggle('is-current', isCurrent);
    step.classList.toggle('is-done', index < current);
    if (isCurrent) step.setAttribute('aria-current', 'step');
    else step.removeAttribute('aria-current');
    find(step, '[data-step-now]').hidden = !isCurrent;
    find(step, '[data-step-date]').textContent =
      reached && index <= current ? since.replace('{date}', longDate(reached.on)) : '';
  }
  const changed = find(view, '[data-status-changed]');
  changed.textContent = (changed.dataset.template ?? '{date}').replace(
    '{date}',
    longDate(state.statusChangedOn),
  );
}

/** Adds one message at the end of the thread. */
export function appendMessage(view: HTMLElement, message: ThreadMessage): void {
  const thread = find(view, '[data-thread]');
  const item = document.createElement('li');
  item.className = `message message--${message.from === 'office' ? 'office' : 'reporter'}`;
  const meta = document.createElement('p');
  meta.className = 'message__meta';
  const who = document.createElement('strong');
  who.textContent = (message.from === 'office' ? thread.dataset.office : thread.dataset.reporter) ?? '';
  const when = document.createElement('time');
  when.dateTime = message.sentOn;
  when.textContent = longDate(message.sentOn);
  meta.append(who, ' · ', when);
  const body = document.createElement('p');
  body.className = 'message__body';
  body.textContent = message.body;
  item.append(meta, body);
  thread.append(item);
  find(view, '[data-thread-empty]').hidden = true;
}

/** Draws the whole thread afresh. */
export function renderThread(view: HTMLElement, messages: readonly ThreadMessage[]): void {
  find(view, '[data-thread]').textContent = '';
  find(view, '[data-thread-empty]').hidden = messages.length > 0;
  for (const message of messages) appendMessage(view, message);
}

/** Takes everything the report showed off the page. */
export function clearView(view: HTMLElement): void {
  renderThread(view, []);
  find(view, '[data-status-changed]').textContent = '';
  for (const date of view.querySelectorAll('[data-step-date]')) date.textContent = '';
}
