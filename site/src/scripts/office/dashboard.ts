/**
 * The lead's statistics: reports per week by category and by status, the median times, what is
 * overdue and referrals by agency, each as a chart with its table, and the CSV export.
 * Browser only.
 */
import { find } from '../report/dom.ts';
import { type Column, figuresTable, horizontalBars, nothing, type Series, stackedColumns } from './charts.ts';
import { type Context, problem, type Screen } from './context.ts';
import { fill, showError } from './dom.ts';
import { downloadCsv } from './export.ts';
import { duration, label, s, valuesOf } from './strings.ts';
import type { Stats } from './types.ts';

const shortDay = new Intl.DateTimeFormat(document.documentElement.lang, { month: 'numeric', day: 'numeric' });

function weekLabel(weekStart: string): string {
  const date = new Date(`${weekStart}T00:00:00`);
  return Number.isNaN(date.getTime()) ? weekStart : shortDay.format(date);
}

/** Series for a family of labels, in the strings' order, plus any key the figures hold beyond them. */
function seriesOf(prefix: string, seen: readonly Record<string, number>[]): Series[] {
  const known = valuesOf(prefix);
  const extra = [...new Set(seen.flatMap((values) => Object.keys(values)))].filter(
    (key) => !known.includes(key),
  );
  return [...known, ...extra].map((key) => ({ key, label: label(prefix, key) }));
}

/** The lead's dashboard screen, wired to the page's markup. */
export function dashboardScreen(context: () => Context | undefined) {
  const screen = find(document, '[data-screen="dashboard"]');
  const error = find(screen, '[data-stats-error]');
  const chart = (name: string) => find(screen, `[data-chart="${name}"]`);
  const table = (name: string) => find(screen, `[data-table="${name}"]`);
  const lang = document.documentElement.lang;

  const weekly = (stats: Stats, name: 'byCategory' | 'byStatus', prefix: string, title: string) => {
    const columns: Column[] = stats.weeks.map((week) => ({
      label: weekLabel(week.weekStart),
      values: week[name],
    }));
    const series = seriesOf(
      prefix,
      columns.map((column) => column.values),
    ).filter((one) => columns.some((column) => (column.values[one.key] ?? 0) > 0));
    fill(chart(name), stackedColumns(columns, series));
    fill(
      table(name),
      figuresTable(
        title,
        [s('office.stats.week'), ...series.map((one) => one.label), s('office.stats.total')],
        stats.weeks.map((week) => [
          weekLabel(week.weekStart),
          ...series.map((one) => week[name][one.key] ?? 0),
          week.total,
        ]),
      ),
    );
  };

  const draw = (stats: Stats, { me }: Context) => {
    find(screen, '[data-stats-intro]').textContent = s('office.stats.intro', {
      community: me.community.name[lang] ?? me.community.id,
    });
    const median = (value: number | null) => (value === null ? s('office.stats.noneYet') : duration(value));
    find(screen, '[data-median="acknowledge"]').textContent = median(stats.medianMinutesToAcknowledge);
    find(screen, '[data-median="firstReply"]').textContent = median(
      stats.medianHoursToFirstReply === null ? null : stats.medianHoursToFirstReply * 60,
    );
    weekly(stats, 'byCategory', 'category', s('office.stats.byCategory'));
    weekly(stats, 'byStatus', 'office.status', s('office.stats.byStatus'));

    const overdue = (['acknowledge', 'firstReply', 'outcome'] as const).map((target) => ({
      label: s(`office.sla.${target}`),
      value: stats.overdue[target],
    }));
    fill(chart('overdue'), horizontalBars(overdue));
    fill(
      table('overdue'),
      figuresTable(
        s('office.stats.overdue'),
        [s('office.stats.target'), s('office.stats.count')],
        overdue.map((row) => [row.label, row.value]),
      ),
    );

    const agencyName = (id: string) => {
      const agency = me.agencies.find((one) => one.id === id);
      return agency ? (agency.name[lang] ?? id) : id;
    };
    const referrals = Object.entries(stats.referralsByAgency)
      .map(([id, value]) => ({ label: agencyName(id), value }))
      .sort((a, b) => b.value - a.value);
    fill(
      chart('referrals'),
      referrals.length ? horizontalBars(referrals) : nothing(s('office.stats.noReferrals')),
    );
    fill(
      table('referrals'),
      referrals.length > 0 &&
        figuresTable(
          s('office.stats.referrals'),
          [s('office.stats.agency'), s('office.stats.referralCount')],
          referrals.map((row) => [row.label, row.value]),
        ),
    );
  };

  const load = async () => {
    const current = context();
    if (!current) return;
    const answer = await current.api.get<Stats>('/api/office/stats');
    if (screen.hidden) return;
    if (!answer.ok) {
      if (answer.status !== 401) showError(error, s('office.stats.failed', { detail: problem(answer) }));
      return;
    }
    showError(error, undefined);
    draw(answer.body, current);
  };

  const exportButton = find<HTMLButtonElement>(screen, '[data-export]');
  exportButton.addEventListener('click', () => {
    const current = context();
    if (current) void downloadCsv(current, exportButton, find(screen, '[data-export-status]'));
  });

  return {
    show() {
      screen.hidden = false;
      void load();
    },
    hide() {
      screen.hidden = true;
    },
    clear() {
      for (const element of screen.querySelectorAll('[data-chart], [data-table]')) element.replaceChildren();
      for (const element of screen.querySelectorAll('[data-median]')) element.textContent = '–';
      find(screen, '[data-stats-intro]').textContent = '';
      find(screen, '[data-export-status]').textContent = '';
    },
  } satisfies Screen & { show(): void };
}
