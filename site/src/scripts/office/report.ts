/**
 * The report screen: loads one report (each view is audited by the API, so it is never polled),
 * draws every part of it, and hands it to the actions panel, which draws it again with the answer
 * of every action. Browser only.
 */
import { find } from '../report/dom.ts';
import { actionsPanel } from './actions.ts';
import { type Context, problem, type Screen } from './context.ts';
import { fill } from './dom.ts';
import { audit, dates, duplicates, facts, notes, referrals, summary, thread } from './report-parts.ts';
import { s } from './strings.ts';
import type { ReportView } from './types.ts';

/** The report screen, wired to the page's markup. */
export function reportScreen(context: () => Context | undefined) {
  const screen = find(document, '[data-screen="report"]');
  const title = find(screen, '[data-report-title]');
  const status = find(screen, '[data-report-status]');
  const body = find(screen, '[data-report-body]');
  const part = (name: string) => find(screen, `[data-report-${name}]`);

  let shown: ReportView | undefined;
  let wanted = '';

  const draw = (view: ReportView) => {
    const current = context();
    if (!current) return;
    shown = view;
    fill(part('summary'), summary(view));
    fill(part('facts'), facts(view));
    fill(part('thread'), thread(view));
    fill(part('notes'), notes(view));
    fill(part('referrals'), referrals(view, current.me));
    fill(part('duplicates'), duplicates(view));
    fill(part('dates'), dates(view));
    fill(part('audit'), audit(view, current.me));
    actions.offer(view, current);
    body.hidden = false;
  };

  const load = async (ref: string) => {
    const current = context();
    if (!current) return;
    wanted = ref;
    // A copy already on screen stays readable while the fresh one comes, marked as being replaced.
    body.setAttribute('aria-busy', 'true');
    const answer = await current.api.get<ReportView>(`/api/office/reports/${encodeURIComponent(ref)}`);
    if (wanted !== ref || screen.hidden) return;
    body.setAttribute('aria-busy', 'false');
    if (answer.ok) {
      status.textContent = '';
      draw(answer.body);
      return;
    }
    body.hidden = true;
    if (answer.status === 401) return;
    status.textContent =
      answer.status === 404
        ? s('office.report.notFound', { ref })
        : s('office.report.failed', { detail: problem(answer) });
  };

  find(screen, '[data-report-reload]').addEventListener('click', () => {
    if (shown) void load(shown.ref);
  });

  const actions = actionsPanel({
    context,
    shown: () => shown,
    draw,
    reload: () => (shown ? load(shown.ref) : Promise.resolve()),
  });

  return {
    show(ref: string) {
      screen.hidden = false;
      if (shown?.ref !== ref) {
        shown = undefined;
        body.hidden = true;
        actions.reset();
      }
      title.textContent = s('office.report.heading', { ref });
      status.textContent = s('office.report.loading', { ref });
      void load(ref);
    },
    hide() {
      screen.hidden = true;
      wanted = '';
    },
    clear() {
      shown = undefined;
      wanted = '';
      body.hidden = true;
      title.textContent = '';
      status.textContent = '';
      for (const name of [
        'summary',
        'facts',
        'thread',
        'notes',
        'referrals',
        'duplicates',
        'dates',
        'audit',
      ]) {
        part(name).replaceChildren();
      }
      actions.reset();
    },
  } satisfies Screen & { show(ref: string): void };
}
