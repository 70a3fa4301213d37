/**
 * Workshops the office publishes reach the site through the same loader: the site is built into
 * a temporary folder with HUTONG_PUBLISHED_WORKSHOPS naming an export that holds a published
 * English-only workshop, a session next month and one last month. The upcoming session shows on
 * the lists and in /workshops/calendar.ics; the past one nowhere. The workshop's handout files (a
 * PDF and a PNG, their bytes beside the export) are listed on its page with their names, types
 * and sizes, and served as they were. Invalid data fails the build naming the file and the field.
 * The calendar is parsed back by the RFC 5545 rules. A second workshop, and a session of it,
 * carry script and markup payloads (test/support/markup-payloads.ts) in every text field: its
 * pages, the lists and the calendar show them as text, and Chromium, served the build with the
 * site's headers (its CSP), opens no dialog, runs none and reports no CSP violation (issue 8).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'parse5';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionLimits, workshopLimits } from '../../functions/domain/workshop.ts';
import { AstroBuildError, astroBuild } from '../../infra/astro-build.ts';
import { contentSecurityPolicy } from '../../infra/security-headers.ts';
import { siteDist } from '../../infra/site-build.ts';
import { launchBrowser, skipBrowser } from '../e2e/browser.ts';
import { allPayloads, markupPayloads } from '../support/markup-payloads.ts';
import { all, attr, type Element, elements, one, text } from './built-pages.ts';
import { builtSiteOrigin, serveBuiltSite } from './serve-built-site.ts';

const work = mkdtempSync(join(tmpdir(), 'hutong-workshops-'));
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const upcoming = { id: 'upcoming-1', date: day(30) };
const past = { id: 'past-1', date: day(-30) };
const hostileSession = { id: 'hostile-1', date: day(31) };

/** The handouts' bytes: a one-page PDF's first and last lines, and a PNG's signature and header. */
const pdfBytes = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const pngBytes = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  Buffer.alloc(1_500_000, 7),
]);
const handouts = [
  {
    id: 'map-1',
    name: 'Estate map.pdf',
    type: 'application/pdf',
    bytes: pdfBytes.length,
    path: 'files/en/safer-stairwells-walk-round/map-1.pdf',
    content: pdfBytes,
  },
  {
    id: 'poster-2',
    name: 'Stairwell poster.png',
    type: 'image/png',
    bytes: pngBytes.length,
    path: 'files/en/safer-stairwells-walk-round/poster-2.png',
    content: pngBytes,
  },
];

/** Every payload as typed; each fits one list item or agenda line (workshopLimits.item). */
const payloads = markupPayloads.map((p) => p.text);
const hostileKey = 'markup-in-every-field';

/**
 * A workshop with payloads in every text field the schema has. The title holds only the first
 * payload short enough for it (80 characters) and the summary the payloads cut at 300; the
 * translationKey and the session's id and phone can't hold markup (the schema's patterns refuse
 * it), and the numbers and enums are not text. The Markdown fields (the notes and the handout)
 * hold every payload: none is a Markdown link or picture (the `javascript:` link is raw HTML,
 * which is escaped), so the schema's link rule passes them.
 */
const hostile = {
  title: payloads.find((p) => p.length <= workshopLimits.title) ?? '',
  summary: allPayloads(workshopLimits.summary),
  language: 'en',
  translationKey: hostileKey,
  audience: 'mandated_reporters',
  groupSize: { min: 2, max: 20 },
  durationMinutes: payloads.length * 10,
  objectives: payloads,
  agenda: payloads.map((activity) => ({ minutes: 10, activity })),
  materials: payloads,
  facilitatorNotes: allPayloads(workshopLimits.notes),
  safeguardingNotes: allPayloads(workshopLimits.notes),
  handout: allPayloads(workshopLimits.handout),
};

const published = {
  files: handouts.map(({ content: _, ...file }) => ({
    ...file,
    workshop: 'safer-stairwells-walk-round',
    language: 'en',
  })),
  workshops: [
    {
      title: 'Safer stairwells: a walk-round for volunteers',
      summary: 'Volunteers walk the estate, noting where children play unseen; commas, semicolons; a \\ too.',
      language: 'en',
      translationKey: 'safer-stairwells-walk-round',
      audience: 'committee_and_volunteers',
      groupSize: { min: 4, max: 12 },
      durationMinutes: 60,
      objectives: ['Volunteers know where children play unseen.'],
      agenda: [
        { minutes: 45, activity: 'The walk.' },
        { minutes: 15, activity: 'Back together.' },
      ],
      materials: ['A map of the estate.'],
      facilitatorNotes: 'Walk it first. <script>alert(1)</script><b>bold</b>',
      safeguardingNotes: 'If a child discloses abuse, listen, and call 110 if they are in danger now.',
      handout: '- 110\n- 12345\n- 12355\n- /en/report/',
    },
    hostile,
  ],
  sessions: [
    {
      ...upcoming,
      workshop: 'parents-body-safety-talk',
      start: '09:30',
      end: '11:00',
      place: 'Community centre, room 2; Lane 5, a very long address that has to be folded over lines',
      capacity: 20,
      language: 'zh-CN',
      audience: 'parents',
      signUp: { method: 'phone', phone: '0571-8888 1234' },
    },
    {
      ...past,
      workshop: 'parents-body-safety-talk',
      start: '09:30',
      end: '11:00',
      place: 'The old hall',
      capacity: 20,
      language: 'zh-CN',
      audience: 'parents',
      signUp: { method: 'place', place: 'The residents’ committee office' },
    },
    {
      ...hostileSession,
      workshop: hostileKey,
      start: '14:00',
      end: '15:30',
      place: allPayloads(sessionLimits.place),
      capacity: 20,
      language: 'en',
      audience: 'mandated_reporters',
      signUp: { method: 'place', place: allPayloads(sessionLimits.place) },
    },
  ],
};

/** `astro build` of the site into `outDir` with `file` as the published export; its exit code and output. */
async function build(file: string, outDir: string): Promise<{ code: number | null; output: string }> {
  try {
    // A cache of its own, so this build never shares a data store with one building site/dist.
    await astroBuild({ outDir, cacheDir: `${outDir}-cache`, publishedFile: file });
    return { code: 0, output: '' };
  } catch (error) {
    if (error instanceof AstroBuildError) return { code: error.code, output: error.output };
    throw error;
  }
}

/** An iCalendar stream's content lines, each checked for CRLF and 75 octets, then unfolded. */
function contentLines(ics: string): { name: string; params: Record<string, string>; value: string }[] {
  if (!ics.endsWith('\r\n')) throw new Error('the stream does not end in CRLF');
  const physical = ics.slice(0, -2).split('\r\n');
  for (const line of physical) {
    if (/[\r\n]/.test(line)) throw new Error(`a bare CR or LF in ${JSON.stringify(line)}`);
    if (Buffer.byteLength(line) > 75) throw new Error(`longer than 75 octets: ${line}`);
  }
  const unfolded = physical
    .join('\r\n')
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n');
  return unfolded.map((line) => {
    const match = /^([A-Z0-9-]+)((?:;[A-Z0-9-]+=[^;:]*)*):(.*)$/.exec(line);
    if (!match) throw new Error(`not a content line: ${line}`);
    const params = Object.fromEntries(
      (match[2] ?? '')
        .split(';')
        .slice(1)
        .map((p) => p.split('=') as [string, string]),
    );
    return { name: match[1] ?? '', params, value: match[3] ?? '' };
  });
}

/** A TEXT value unescaped; an unescaped `,` or `;` or a stray backslash is an error. */
function unescapeText(value: string): string {
  if (/(^|[^\\])(\\\\)*[,;]/.test(value)) throw new Error(`unescaped , or ; in ${value}`);
  return value.replace(/\\(.)/g, (_, c: string) => {
    if (c === 'n' || c === 'N') return '\n';
    if (c === '\\' || c === ',' || c === ';') return c;
    throw new Error(`\\${c} is not an escape`);
  });
}

/** The calendar's components, each with its properties; components must nest and close. */
function parseCalendar(ics: string): { calendar: Map<string, string>; events: Map<string, string>[] } {
  const stack: string[] = [];
  const calendar = new Map<string, string>();
  const events: Map<string, string>[] = [];
  for (const { name, params, value } of contentLines(ics)) {
    if (name === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') events.push(new Map());
    } else if (name === 'END') {
      if (stack.pop() !== value) throw new Error(`END:${value} closes nothing`);
    } else {
      const text = ['SUMMARY', 'DESCRIPTION', 'LOCATION', 'X-WR-CALNAME'].includes(name)
        ? unescapeText(value)
        : value;
      const lang = params.LANGUAGE ? `;${params.LANGUAGE}` : '';
      (stack.at(-1) === 'VEVENT' ? events.at(-1) : calendar)?.set(`${name}${lang}`, text);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed ${stack.join(', ')}`);
  return { calendar, events };
}

const outDir = join(work, 'dist');
const read = (url: string) => readFileSync(join(outDir, url, url.endsWith('/') ? 'index.html' : ''), 'utf8');
const doc = (url: string) => parse(read(url));

// Built once for every suite below; the Chromium suite opens the same build.
beforeAll(async () => {
  const file = join(work, 'published.json');
  writeFileSync(file, JSON.stringify(published));
  for (const { path, content } of handouts) {
    mkdirSync(join(work, path, '..'), { recursive: true });
    writeFileSync(join(work, path), content);
  }
  const { code, output } = await build(file, outDir);
  if (code !== 0) throw new Error(`the build failed:\n${output}`);
}, 180_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('published workshops', () => {
  it('list the upcoming session on /workshops/ in every language and on its audience’s page, not the past one', () => {
    for (const [url, expected] of [
      ['/workshops/', [upcoming.id, hostileSession.id]],
      ['/en/workshops/', [upcoming.id, hostileSession.id]],
      ['/en/workshops/for/parents/', [upcoming.id]],
      ['/workshops/parents-body-safety-talk/', [upcoming.id]],
    ] as const) {
      // Act
      const sessions = all(doc(url), 'li', (li) => attr(li, 'data-session') !== undefined).map((li) =>
        attr(li, 'data-session'),
      );
      // Assess
      expect(sessions, url).toEqual(expected);
    }
    expect(read('/en/workshops/for/teens-13-17/')).not.toContain('data-session=');
  });

  it('serve the upcoming session in the calendar, in China Standard Time as UTC, and not the past one', () => {
    // Act
    const { calendar, events } = parseCalendar(read('/workshops/calendar.ics'));
    // Assess
    expect(calendar.get('VERSION')).toBe('2.0');
    expect(calendar.get('PRODID')).toBeTruthy();
    expect(events.map((e) => e.get('UID')?.includes(upcoming.id))).toEqual([true, false]);
    const [event] = events;
    expect(event?.get('UID')).toContain(upcoming.id);
    expect(event?.get('DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(event?.get('DTSTART')).toBe(`${upcoming.date.replaceAll('-', '')}T013000Z`);
    expect(event?.get('DTEND')).toBe(`${upcoming.date.replaceAll('-', '')}T030000Z`);
    expect(event?.get('LOCATION;zh-CN')).toBe(published.sessions[0]?.place);
    expect(event?.get('DESCRIPTION;zh-CN')).toContain('0571-8888 1234');
  });

  it('build the published workshop’s page, its language switch going to the other language’s list', () => {
    // Act
    const page = doc('/en/workshops/safer-stairwells-walk-round/');
    const switchLink = one(page, 'a', (a) => attr(a, 'class') === 'language-switch__link');
    // Assess
    expect(text(one(page, 'h1'))).toBe(published.workshops[0]?.title);
    expect(attr(switchLink, 'href')).toBe('/workshops/');
    expect(read('/en/workshops/safer-stairwells-walk-round/handout/')).toContain('12355');
  });

  it('list the workshop’s handout files with their names, types and sizes, and serve them as uploaded', () => {
    // Act
    const page = doc('/en/workshops/safer-stairwells-walk-round/');
    const items = all(page, 'li', (li) => attr(li, 'data-file') !== undefined);
    // Assess
    expect(items.map((li) => text(li).replace(/\s+/g, ' ').trim())).toEqual([
      'Estate map.pdf (PDF document, 1 kB)',
      'Stairwell poster.png (PNG image, 1.5 MB)',
    ]);
    for (const [i, handout] of handouts.entries()) {
      const href = attr(one(items[i] as Element, 'a'), 'href') ?? '';
      expect(href).toBe(`/en/workshops/safer-stairwells-walk-round/files/${handout.path.split('/').at(-1)}`);
      expect(readFileSync(join(outDir, href)).equals(handout.content)).toBe(true);
    }
    expect(read('/en/workshops/parents-body-safety-talk/')).not.toContain('data-file=');
  });

  it('render a trainer’s HTML in the notes as text, never as markup', () => {
    // Act
    const page = doc('/en/workshops/safer-stairwells-walk-round/');
    const notes = one(page, 'div', (d) => attr(d, 'data-facilitator-notes') !== undefined);
    // Assess
    expect(all(notes, 'script')).toEqual([]);
    expect(all(notes, 'b')).toEqual([]);
    expect(text(notes)).toContain('<script>alert(1)</script><b>bold</b>');
  });

  it('fail the build, naming the file and the field, when a session is invalid', async () => {
    // Prepare
    const file = join(work, 'invalid.json');
    const broken = { ...published, sessions: [{ ...published.sessions[0], capacity: 0 }] };
    writeFileSync(file, JSON.stringify(broken));
    // Act
    const { code, output } = await build(file, join(work, 'invalid-dist'));
    // Assess
    expect(code).not.toBe(0);
    expect(output).toContain(file);
    expect(output).toContain('sessions[0].capacity');
  }, 120_000);
});

/** The pages the hostile workshop or its session shows on. */
const hostilePages = [
  `/en/workshops/${hostileKey}/`,
  `/en/workshops/${hostileKey}/handout/`,
  '/en/workshops/',
  '/workshops/',
  '/en/workshops/for/mandated-reporters/',
];

/** What the payloads would have made of a page had it parsed them: each element found, described. */
function payloadMarkup(page: ReturnType<typeof doc>): string[] {
  const found: string[] = [];
  for (const el of elements(page)) {
    const where = `<${el.tagName}>`;
    if (['iframe', 'details', 'style'].includes(el.tagName)) found.push(where);
    if (el.tagName === 'img' && attr(el, 'src') === 'x') found.push('<img src="x">');
    if (el.tagName === 'circle' && attr(el, 'r') === '1') found.push('<svg><circle r="1">');
    if (el.tagName === 'script' && attr(el, 'src') === undefined) found.push('an inline <script>');
    if (attr(el, 'id') === 'xss-bold' || attr(el, 'data-xss') !== undefined) found.push(where);
    for (const { name, value } of el.attrs) {
      if (name.startsWith('on')) found.push(`${where} ${name}=`);
      if (/^\s*javascript:/i.test(value)) found.push(`${where} ${name}="${value}"`);
    }
  }
  return found;
}

/**
 * A page's script files, in order, and how many pictures and drawings it has: the site's own, to
 * compare with a page of the same kind without payloads.
 */
const ownAssets = (page: ReturnType<typeof doc>) => ({
  scripts: all(page, 'script').map((s) => attr(s, 'src')),
  img: all(page, 'img').length,
  svg: all(page, 'svg').length,
});

describe('a published workshop with markup in every field', () => {
  it('shows every payload as text on its page and its handout, and nothing the payloads would create', () => {
    for (const url of hostilePages.slice(0, 2)) {
      // Act
      const page = doc(url);
      // Markdown fields are typeset: their straight quotes come out curly, which is still text.
      const shown = text(page).replace(/\s+/g, ' ').replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
      // Assess
      for (const payload of payloads) expect(shown, url).toContain(payload);
      expect(payloadMarkup(page), url).toEqual([]);
      expect(ownAssets(page), url).toEqual(ownAssets(doc('/en/workshops/safer-stairwells-walk-round/')));
    }
  });

  it('shows its title and its session’s place as text on the lists, and nothing the payloads would create', () => {
    const reference = ownAssets(doc('/en/workshops/for/parents/'));
    for (const url of hostilePages.slice(2)) {
      // Act
      const page = doc(url);
      const shown = text(page).replace(/\s+/g, ' ');
      // Assess
      expect(shown, url).toContain(hostile.title);
      expect(shown, url).toContain(published.sessions[2]?.place);
      expect(payloadMarkup(page), url).toEqual([]);
      expect(ownAssets(page), url).toEqual(reference);
    }
  });

  it('puts its session in the calendar with the payloads as text', () => {
    // Act
    const { events } = parseCalendar(read('/workshops/calendar.ics'));
    const event = events.find((e) => e.get('UID')?.includes(hostileSession.id));
    // Assess
    expect(event?.get('LOCATION;en')).toBe(published.sessions[2]?.place);
    expect(event?.get('SUMMARY;en')).toContain(hostile.title);
  });
});

describe.skipIf(skipBrowser)('a published workshop with markup in every field, in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const cspMessages: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext();
    await serveBuiltSite(context, outDir);
    // A string, as it runs in the page, from before its first script: every CSP violation it sees.
    await context.addInitScript({
      content:
        'window.__csp = []; document.addEventListener("securitypolicyviolation", (e) => ' +
        'window.__csp.push(e.violatedDirective + " " + e.blockedURI));',
    });
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) cspMessages.push(message.text());
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(hostilePages)('%s opens no dialog, runs no payload and breaks no CSP rule', async (url) => {
    // Act
    const response = await page.goto(`${builtSiteOrigin}${url}`, { waitUntil: 'load' });
    const ran = await page.evaluate(() => {
      const record = globalThis as unknown as { __xss?: string; __csp: string[] };
      return { xss: record.__xss ?? null, csp: record.__csp };
    });
    // Assess
    expect(response?.headers()['content-security-policy']).toBe(contentSecurityPolicy);
    expect(await page.getByText(hostile.title).first().isVisible()).toBe(true);
    for (const { text: typed, wouldCreate } of markupPayloads) {
      if (wouldCreate) expect(await page.locator(wouldCreate).count(), typed).toBe(0);
    }
    expect(ran).toEqual({ xss: null, csp: [] });
    expect(dialogs).toEqual([]);
    expect(cspMessages).toEqual([]);
  });
});

describe('the calendar without published sessions', () => {
  it('is a valid, empty VCALENDAR', () => {
    // Act
    const { calendar, events } = parseCalendar(
      readFileSync(join(siteDist, 'workshops', 'calendar.ics'), 'utf8'),
    );
    // Assess
    expect(calendar.get('VERSION')).toBe('2.0');
    expect(events).toEqual([]);
  });
});
