/**
 * /workshops/calendar.ics: every upcoming session as one iCalendar file, whichever language the
 * reader browses in. One file rather than one per language, because each session is run in one
 * language and says so (`SUMMARY;LANGUAGE=…`), and both languages' lists link here. Built with
 * the site, so past sessions leave it on the next build.
 */
import type { APIRoute } from 'astro';
import { deployment } from '../../../../functions/config.ts';
import { t } from '../../i18n/t.ts';
import { rootLanguage } from '../../lib/locale.ts';
import { allWorkshops } from '../../lib/workshops/entries.ts';
import { type CalendarEvent, formatCalendar } from '../../lib/workshops/ics.ts';
import { sessionEnd, sessionStart } from '../../lib/workshops/loader.ts';

/** The calendar, served as a static file. */
export const GET: APIRoute = async () => {
  const workshops = await allWorkshops();
  const events = new Map<string, CalendarEvent>();
  for (const { data } of workshops) {
    for (const session of data.sessions) {
      // Each session once, in the language it is run in when its workshop is written in it.
      if (events.has(session.id) && data.language !== session.language) continue;
      const lang = data.language;
      const signUp =
        session.signUp.method === 'phone'
          ? `${t(lang, 'workshops.session.signUpPhone')}${session.signUp.phone}`
          : `${t(lang, 'workshops.session.signUpPlace')}${session.signUp.place}`;
      events.set(session.id, {
        uid: `workshop-session-${session.id}@hutong`,
        start: sessionStart(session),
        end: sessionEnd(session),
        summary: data.title,
        description: [
          data.summary,
          `${t(lang, 'workshops.session.audience')}: ${t(lang, `workshops.audience.${session.audience}`)}`,
          `${t(lang, 'workshops.session.capacity')}: ${t(lang, 'workshops.session.capacityValue', { count: session.capacity })}`,
          `${t(lang, 'workshops.session.signUp')}: ${signUp}`,
        ].join('\n'),
        location: session.place,
        language: lang,
      });
    }
  }
  const sorted = [...events.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
  const name = `${deployment.name[rootLanguage]} · ${t(rootLanguage, 'workshops.title')}`;
  return new Response(formatCalendar({ name, events: sorted, now: new Date() }), {
    headers: { 'content-type': 'text/calendar; charset=utf-8' },
  });
};
