/** The outbox screen: the community's urgent alerts and reminders, exactly as sent. Browser only. */
import { find } from '../report/dom.ts';
import { type Context, problem, type Screen } from './context.ts';
import { fill, h, showError } from './dom.ts';
import { reportHref } from './router.ts';
import { dateTime, s } from './strings.ts';
import type { Alerts } from './types.ts';

/** The alerts screen, wired to the page's markup. */
export function alertsScreen(context: () => Context | undefined) {
  const screen = find(document, '[data-screen="alerts"]');
  const list = find(screen, '[data-alerts]');
  const empty = find(screen, '[data-alerts-empty]');
  const error = find(screen, '[data-alerts-error]');

  const load = async () => {
    const current = context();
    if (!current) return;
    list.setAttribute('aria-busy', 'true');
    const answer = await current.api.get<Alerts>('/api/office/alerts');
    if (screen.hidden) return;
    list.setAttribute('aria-busy', 'false');
    if (!answer.ok) {
      if (answer.status !== 401) showError(error, s('office.alerts.failed', { detail: problem(answer) }));
      return;
    }
    showError(error, undefined);
    const items = [...answer.body.items].sort((a, b) => b.sentAt.localeCompare(a.sentAt));
    fill(
      list,
      items.map((alert) =>
        h(
          'li',
          { class: `alert-item alert-item--${alert.kind}` },
          h(
            'p',
            { class: 'message__meta' },
            h(
              'strong',
              null,
              s(alert.kind === 'reminder' ? 'office.alerts.reminder' : 'office.alerts.alert'),
            ),
            ' · ',
            h('time', { datetime: alert.sentAt }, dateTime(alert.sentAt)),
          ),
          h('p', { class: 'message__body' }, alert.message),
          h('p', null, h('a', { href: reportHref(alert.ref) }, s('office.alerts.open', { ref: alert.ref }))),
        ),
      ),
    );
    empty.hidden = items.length > 0;
  };

  return {
    show() {
      screen.hidden = false;
      void load();
    },
    hide() {
      screen.hidden = true;
    },
    clear() {
      list.replaceChildren();
      empty.hidden = true;
      showError(error, undefined);
    },
  } satisfies Screen & { show(): void };
}
