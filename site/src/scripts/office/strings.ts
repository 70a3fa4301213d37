/**
 * The console's words, from the JSON the page hands over (office.* UI strings and report
 * option labels in the page's language), and dates and durations as that language writes them.
 * Browser only.
 */
import type { UiKey } from '../../i18n/t.ts';
import { find } from '../report/dom.ts';

/** A key the page hands the console: an `office.*` UI string, a workshop audience or a report option label. */
export type ConsoleKey =
  | Extract<UiKey, `office.${string}` | `workshops.audience.${string}`>
  | `category.${string}`
  | `ageBand.${string}`
  | `reporterRole.${string}`
  | `ongoing.${string}`;

const root = find(document, '[data-console]');
const table = JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>;

/** The page's language, as the API and Intl take it. */
export const lang = document.documentElement.lang || 'zh-CN';

/**
 * The string `key` with its `{placeholders}` filled; an unknown key reads as itself, so a
 * missing string shows up plainly instead of as a blank.
 * @example s('office.report.heading', { ref: 'LT-7K3M' }) // 'Report LT-7K3M'
 */
export function s(key: ConsoleKey, values: Record<string, string | number> = {}): string {
  const text = table[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A label from a family of keys, e.g. `s('office.status.' + status)`, or the raw value when unknown. */
export function label(prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return table[key] ?? value;
}

/** True when the page has a string for `key`. */
export function has(key: string): boolean {
  return key in table;
}

const dateTimeFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
const relativeFormat = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' });

/** An instant as a date and time in the staff member's own time zone. */
export function dateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

/** A `YYYY-MM-DD` day (or an instant's day) as the language writes dates. */
export function day(value: string): string {
  const date = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  return Number.isNaN(date.getTime()) ? value : dayFormat.format(date);
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** How long ago or ahead an instant is, e.g. "3 hr. ago", "in 2 days". */
export function relative(iso: string, now = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  if (Number.isNaN(diff)) return iso;
  for (const [unit, size] of units) {
    if (Math.abs(diff) >= size || unit === 'minute')
      return relativeFormat.format(Math.round(diff / size), unit);
  }
  return iso;
}

/** A length of time in minutes, in the largest unit that reads naturally. */
export function duration(minutes: number): string {
  const round = (value: number) => Math.round(value * 10) / 10;
  if (minutes < 90) return s('office.duration.minutes', { count: Math.round(minutes) });
  if (minutes < 48 * 60) return s('office.duration.hours', { count: round(minutes / 60) });
  return s('office.duration.days', { count: round(minutes / 1440) });
}

/** `<time>` attributes and text for an instant. */
export function timeOf(iso: string): { datetime: string; text: string } {
  return { datetime: iso, text: dateTime(iso) };
}

/**
 * The values of a family of keys, in the order the strings list them.
 * @example valuesOf('office.status') // ['new', 'triaged', …]
 */
export function valuesOf(prefix: string): string[] {
  return Object.keys(table)
    .filter((key) => key.startsWith(`${prefix}.`))
    .map((key) => key.slice(prefix.length + 1));
}
