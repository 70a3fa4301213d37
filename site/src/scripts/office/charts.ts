/**
 * Charts as inline SVG built in the DOM (no chart library, no inline style: colours come from
 * office.css classes), each paired with a table of the same figures. The SVG is hidden from
 * screen readers, which read the table instead. Browser only.
 */
import { type Child, h, svg } from './dom.ts';
import { s } from './strings.ts';

/** One series of a stacked chart: its key, label and colour class. */
export interface Series {
  key: string;
  label: string;
}

/** One column of a stacked chart: its label and a value per series key. */
export interface Column {
  label: string;
  values: Record<string, number>;
}

const width = 400;
const height = 200;
const pad = { top: 12, right: 8, bottom: 28, left: 30 };

/** A round upper bound for an axis, so gridlines fall on whole numbers. */
function niceMax(value: number): number {
  if (value <= 4) return 4;
  const step = 10 ** Math.floor(Math.log10(value));
  const top = Math.ceil(value / step) * step;
  // Even, so the middle gridline is a whole number too.
  return top % 2 === 0 ? top : top + step;
}

/** A legend with each series' colour beside its name. */
function legend(series: readonly Series[], colourOf: (index: number) => string): HTMLUListElement {
  return h(
    'ul',
    { class: 'chart__legend', 'aria-hidden': 'true' },
    series.map((one, index) =>
      h('li', null, h('span', { class: `chart__swatch ${colourOf(index)}` }), one.label),
    ),
  );
}

/** Stacked columns, e.g. reports per week by category; only series with any value are drawn. */
export function stackedColumns(columns: readonly Column[], allSeries: readonly Series[]): Child[] {
  const series = allSeries.filter((one) => columns.some((column) => (column.values[one.key] ?? 0) > 0));
  const colourOf = (index: number) => `chart-c${index % 10}`;
  const totals = columns.map((column) => series.reduce((sum, one) => sum + (column.values[one.key] ?? 0), 0));
  const top = niceMax(Math.max(0, ...totals));
  const plotWidth = width - pad.left - pad.right;
  const plotHeight = height - pad.top - pad.bottom;
  const slot = plotWidth / Math.max(1, columns.length);
  const y = (value: number) => pad.top + plotHeight - (value / top) * plotHeight;
  const grid = [0, top / 2, top].map((value) => [
    svg('line', { class: 'chart__grid', x1: pad.left, x2: width - pad.right, y1: y(value), y2: y(value) }),
    svg(
      'text',
      { class: 'chart__axis', x: pad.left - 6, y: y(value) + 4, 'text-anchor': 'end' },
      String(value),
    ),
  ]);
  const bars = columns.map((column, index) => {
    let base = 0;
    const x = pad.left + index * slot + slot * 0.15;
    return series.map((one, seriesIndex) => {
      const value = column.values[one.key] ?? 0;
      const rect = svg('rect', {
        class: colourOf(seriesIndex),
        x,
        y: y(base + value),
        width: slot * 0.7,
        height: Math.max(0, y(base) - y(base + value)),
      });
      base += value;
      return value > 0 ? rect : null;
    });
  });
  // First, middle and last labels: enough to read the time axis at phone width.
  const labelled = new Set([0, Math.floor((columns.length - 1) / 2), columns.length - 1]);
  const labels = columns.map((column, index) =>
    labelled.has(index)
      ? svg(
          'text',
          {
            class: 'chart__axis',
            x: pad.left + index * slot + slot / 2,
            y: height - 8,
            'text-anchor': 'middle',
          },
          column.label,
        )
      : null,
  );
  return [
    svg(
      'svg',
      { class: 'chart__svg', viewBox: `0 0 ${width} ${height}`, 'aria-hidden': 'true', focusable: 'false' },
      grid,
      bars,
      labels,
    ),
    series.length > 0 && legend(series, colourOf),
  ];
}

/** A label cut to fit beside the bars; the table beside the chart has it whole. */
function fitted(text: string, max = 16): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Horizontal bars, one per row, with its value at the end. */
export function horizontalBars(rows: readonly { label: string; value: number }[]): Child {
  const rowHeight = 30;
  const labelWidth = 150;
  const chartHeight = Math.max(1, rows.length) * rowHeight + 8;
  const top = niceMax(Math.max(0, ...rows.map((row) => row.value)));
  const barSpace = width - labelWidth - 40;
  return svg(
    'svg',
    {
      class: 'chart__svg',
      viewBox: `0 0 ${width} ${chartHeight}`,
      'aria-hidden': 'true',
      focusable: 'false',
    },
    rows.map((row, index) => {
      const y = 4 + index * rowHeight;
      const barWidth = (row.value / top) * barSpace;
      return [
        svg(
          'text',
          { class: 'chart__axis', x: labelWidth - 8, y: y + 19, 'text-anchor': 'end' },
          fitted(row.label),
        ),
        svg('rect', { class: 'chart-c0', x: labelWidth, y: y + 5, width: barWidth, height: rowHeight - 10 }),
        svg('text', { class: 'chart__value', x: labelWidth + barWidth + 6, y: y + 19 }, String(row.value)),
      ];
    }),
  );
}

/** A table of figures: a header row, then one row per entry with its first cell as row header. */
export function figuresTable(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly (string | number)[])[],
) {
  return h(
    'table',
    { class: 'figures-table' },
    h('caption', { class: 'visually-hidden' }, caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        head.map((cell) => h('th', { scope: 'col' }, cell)),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map(([first, ...rest]) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, first ?? ''),
          rest.map((cell) => h('td', null, cell)),
        ),
      ),
    ),
  );
}

/** The words for a chart with nothing to show. */
export function nothing(text = s('office.stats.noneYet')): HTMLParagraphElement {
  return h('p', { class: 'thread__empty' }, text);
}
