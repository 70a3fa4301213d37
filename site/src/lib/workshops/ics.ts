/**
 * iCalendar (RFC 5545) for the upcoming sessions: CRLF line endings, lines folded at 75 octets
 * without splitting a character, TEXT values escaped, and times in UTC (China keeps UTC+8 all
 * year, so no VTIMEZONE is needed and every calendar shows the right local time). Pure.
 */

/** One event of the calendar. */
export interface CalendarEvent {
  /** Globally unique and stable, so a subscribed calendar updates the event rather than adding one. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string;
  /** The language its text is written in, as a BCP 47 tag. */
  language: string;
}

const encoder = new TextEncoder();

/**
 * A TEXT value escaped: backslash, semicolon, comma and line breaks (§3.3.11).
 * @example escapeText('a, b; c\nd') // 'a\\, b\\; c\\nd'
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A content line folded so no line is longer than 75 octets, each continuation starting with a
 * space (§3.1); a multi-byte character is never split.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > 75) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** A UTC DATE-TIME: `20250614T013000Z`. */
export function utcDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * The calendar as an iCalendar stream, ending in CRLF. With no events it is still a valid,
 * empty VCALENDAR.
 * @example formatCalendar({ name: 'Workshops', events: [], now: new Date() })
 */
export function formatCalendar(calendar: { name: string; events: CalendarEvent[]; now: Date }): string {
  const stamp = utcDateTime(calendar.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Hutong//Workshops//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...calendar.events.flatMap((event) => [
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcDateTime(event.start)}`,
      `DTEND:${utcDateTime(event.end)}`,
      `SUMMARY;LANGUAGE=${event.language}:${escapeText(event.summary)}`,
      `DESCRIPTION;LANGUAGE=${event.language}:${escapeText(event.description)}`,
      `LOCATION;LANGUAGE=${event.language}:${escapeText(event.location)}`,
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
