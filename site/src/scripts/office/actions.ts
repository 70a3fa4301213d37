/**
 * The actions panel: shows only the actions the member's role and the report's status allow
 * (the domain's own rules, though the API decides), sends each as one optimistic-locked change
 * with the version on screen, and handles the answers: the new report, a 409 (someone changed it
 * meanwhile: show what and keep the text to send again; or the move isn't allowed: say which
 * are), a 403, a 400 next to the field. Browser only.
 */
import {
  type Action,
  type ActionName,
  actionAllowed,
  leadOnlyActions,
} from '../../../../functions/domain/workflow.ts';
import { find } from '../report/dom.ts';
import type { ErrorBody } from './api.ts';
import { describeConflict } from './conflict.ts';
import { type Context, problem } from './context.ts';
import { fill, h, showError } from './dom.ts';
import { label, s } from './strings.ts';
import type { ReportView } from './types.ts';

/** One action of each kind, to ask the domain whether a status allows it. */
const samples: { [Name in ActionName]: Extract<Action, { action: Name }> } = {
  acknowledge: { action: 'acknowledge', expectedVersion: 1, priority: 'normal' },
  set_priority: { action: 'set_priority', expectedVersion: 1, priority: 'normal' },
  assign: { action: 'assign', expectedVersion: 1, assignee: 'x' },
  note: { action: 'note', expectedVersion: 1, body: 'x' },
  reply: { action: 'reply', expectedVersion: 1, body: 'x' },
  refer: {
    action: 'refer',
    expectedVersion: 1,
    agency: 'x',
    method: 'phone',
    on: '2000-01-01',
    contactPerson: 'x',
  },
  duplicate: { action: 'duplicate', expectedVersion: 1, of: 'x' },
  close: { action: 'close', expectedVersion: 1, outcome: 'other' },
  reopen: { action: 'reopen', expectedVersion: 1, reason: 'x' },
};

/** What the panel needs from the report screen. */
export interface PanelOptions {
  context: () => Context | undefined;
  /** The report on screen, whose version an action is based on. */
  shown: () => ReportView | undefined;
  draw: (view: ReportView) => void;
  reload: () => Promise<void>;
}

/** Today as a `YYYY-MM-DD` day where the member is. */
function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** The form's fields as the action's body: optional ones left out when empty. */
function fieldsOf(form: HTMLFormElement): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const element of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
    '[name]',
  )) {
    if (element.value === '' && !element.required && element.tagName !== 'SELECT') continue;
    fields[element.name] = element.value;
  }
  return fields;
}

/** The actions panel, wired to the page's forms. */
export function actionsPanel(options: PanelOptions) {
  const panel = find(document, '[data-actions]');
  const status = find(panel, '[data-actions-status]');
  const none = find(panel, '[data-actions-none]');
  const leadNote = find(panel, '[data-lead-note]');
  const all = [...panel.querySelectorAll<HTMLDetailsElement>('[data-action]')];
  let choicesFor: string | undefined;

  const nameOf = (details: HTMLElement) => details.dataset.action as ActionName;

  const setDefaults = () => {
    find<HTMLInputElement>(panel, '#refer-on').value = today();
  };

  const clearProblems = (form: HTMLFormElement) => {
    showError(find(form, '[data-action-error]'), undefined);
    for (const error of form.querySelectorAll<HTMLElement>('[data-field-error]')) showError(error, undefined);
    for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
  };

  const say = (content: Node | string, isError: boolean) => {
    fill(status, content);
    status.classList.toggle('console-message--error', isError);
    status.focus();
  };

  /** The people to assign to (only oneself, unless a lead) and the community's agencies. */
  const fillChoices = ({ me, isLead }: Context) => {
    if (choicesFor === me.username) return;
    choicesFor = me.username;
    const lang = document.documentElement.lang;
    const colleagues = isLead
      ? me.colleagues.filter(
          (c) => c.username !== me.username && c.roles.some((role) => role === 'office' || role === 'lead'),
        )
      : [];
    fill(
      find(panel, '#assign-assignee'),
      h('option', { value: me.username }, s('office.action.assign.me', { name: me.username })),
      colleagues.map((c) => h('option', { value: c.username }, c.username)),
    );
    fill(
      find(panel, '#refer-agency'),
      me.agencies.map((agency) =>
        h(
          'option',
          { value: agency.id },
          `${agency.name[lang] ?? Object.values(agency.name)[0] ?? agency.id} (${label('office.agencyKind', agency.kind)})`,
        ),
      ),
    );
  };

  const permitted = (name: ActionName, view: ReportView, context: Context) =>
    actionAllowed(samples[name], view.status) && (context.isLead || !leadOnlyActions.includes(name));

  const send = async (details: HTMLDetailsElement, form: HTMLFormElement) => {
    const context = options.context();
    const before = options.shown();
    if (!context || !before) return;
    const name = nameOf(details);
    const button = find<HTMLButtonElement>(form, 'button[type="submit"]');
    const idle = button.textContent ?? '';
    clearProblems(form);
    status.textContent = '';
    button.disabled = true;
    button.textContent = s('office.actions.sending');
    const answer = await context.api.post<ReportView>(
      `/api/office/reports/${encodeURIComponent(before.ref)}/actions`,
      {
        action: name,
        expectedVersion: before.version,
        ...fieldsOf(form),
      },
    );
    button.disabled = false;
    button.textContent = idle;
    if (options.shown()?.ref !== before.ref || answer.status === 401) return;
    if (answer.ok) {
      form.reset();
      setDefaults();
      details.open = false;
      options.draw(answer.body);
      say(s('office.actions.saved', { action: find(details, 'summary').textContent ?? name }), false);
      return;
    }
    if (answer.status === 409) return conflict(answer.body, before);
    if (answer.status === 400 && showIssues(form, answer.body)) return;
    const message =
      answer.status === 404 ? s('office.report.notFound', { ref: before.ref }) : problem(answer);
    const error = find(form, '[data-action-error]');
    showError(error, message);
    error.focus();
  };

  /** Puts each problem next to its field; false when none names a field of this form. */
  const showIssues = (form: HTMLFormElement, body: ErrorBody): boolean => {
    let first: HTMLElement | undefined;
    for (const issue of body.issues ?? []) {
      const field = form.querySelector<HTMLElement>(`[data-field="${String(issue.path?.[0] ?? '')}"]`);
      if (!field || !issue.message) continue;
      showError(find(field, '[data-field-error]'), issue.message);
      const input = find(field, 'input, select, textarea');
      input.setAttribute('aria-invalid', 'true');
      first ??= input;
    }
    first?.focus();
    return first !== undefined;
  };

  const conflict = async (body: ErrorBody, before: ReportView) => {
    if (body.error === 'stale_version' && body.current) {
      const current = body.current as ReportView;
      options.draw(current);
      say(describeConflict(before, current), true);
      return;
    }
    await options.reload();
    const now = options.shown() ?? before;
    say(describeConflict(before, now, body.allowed ?? []), true);
  };

  for (const details of all) {
    const form = find<HTMLFormElement>(details, 'form');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void send(details, form);
    });
  }
  setDefaults();

  return {
    /** Shows the actions `context`'s member may take on `view` now. */
    offer(view: ReportView, context: Context) {
      fillChoices(context);
      let any = false;
      for (const details of all) {
        const allowed = permitted(nameOf(details), view, context);
        details.hidden = !allowed;
        any ||= allowed;
      }
      none.hidden = any;
      leadNote.hidden =
        context.isLead || !leadOnlyActions.some((name) => actionAllowed(samples[name], view.status));
    },
    /** Empties every form and message: nothing typed for one report may be sent to another. */
    reset() {
      for (const details of all) {
        const form = find<HTMLFormElement>(details, 'form');
        form.reset();
        clearProblems(form);
        details.open = false;
      }
      setDefaults();
      status.textContent = '';
      choicesFor = undefined;
    },
  };
}
