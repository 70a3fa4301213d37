/**
 * The workshops collection as the pages read it: a language's modules, the audiences they are
 * filtered by, the upcoming sessions with the page each links to, and the static paths of the
 * workshop routes. Build time only.
 */
import { getCollection, getEntry, render } from 'astro:content';
import type { Language } from '../../../../functions/domain/languages.ts';
import {
  type Session,
  type WorkshopAudience,
  workshopAudiences,
} from '../../../../functions/domain/workshop.ts';
import { languageSegment, localePath, siteLanguages } from '../locale.ts';
import { type MarkdownField, markdownParts, type WorkshopEntryData } from './loader.ts';

/** A workshop entry, typed by its loader (the collection declares no second schema). */
export interface WorkshopEntry {
  id: string;
  data: WorkshopEntryData;
}

/** An audience as a URL segment: `children_6_8` → `children-6-8`. */
export function audienceSlug(audience: WorkshopAudience): string {
  return audience.replaceAll('_', '-');
}

/** Every workshop in every language (not the entries holding their rendered Markdown). */
export async function allWorkshops(): Promise<WorkshopEntry[]> {
  return (await getCollection('workshops', (entry) => entry.data.kind === 'workshop')) as WorkshopEntry[];
}

/**
 * A workshop's Markdown field as a component, rendered by the loader without HTML.
 * @example const Handout = await markdownPart(entry, 'handout');
 */
export async function markdownPart(entry: WorkshopEntry, field: MarkdownField) {
  const id = `${entry.id}/${markdownParts[field].part}`;
  const part = await getEntry('workshops', id);
  if (!part) throw new Error(`the workshops collection has no ${id}`);
  return (await render(part)).Content;
}

/**
 * A language's workshops, by audience in the schema's order, then by title.
 * @example await workshopsIn('en', 'parents')
 */
export async function workshopsIn(lang: Language, audience?: WorkshopAudience): Promise<WorkshopEntry[]> {
  return (await allWorkshops())
    .filter((entry) => entry.data.language === lang && (!audience || entry.data.audience === audience))
    .sort(
      (a, b) =>
        workshopAudiences.indexOf(a.data.audience) - workshopAudiences.indexOf(b.data.audience) ||
        a.data.title.localeCompare(b.data.title, lang),
    );
}

/** The language-neutral path of a workshop's page: `/workshops/parents-body-safety-talk/`. */
export function workshopPath(translationKey: string): string {
  return `/workshops/${translationKey}/`;
}

/** An upcoming session with the workshop page it links to, in the reader's language when there is one. */
export interface ListedSession {
  session: Session;
  title: string;
  href: string;
  /** The language of the title and the page linked, when it is not the reader's. */
  linkLang: Language | undefined;
}

/**
 * Upcoming sessions for a reader of `lang`, soonest first, optionally of one audience. A session
 * of a workshop written only in another language links to that language's page.
 */
export async function sessionsFor(lang: Language, audience?: WorkshopAudience): Promise<ListedSession[]> {
  const entries = await allWorkshops();
  const seen = new Map<string, ListedSession>();
  for (const entry of entries) {
    for (const session of entry.data.sessions) {
      if (audience && session.audience !== audience) continue;
      const current = seen.get(session.id);
      if (current && current.linkLang === undefined) continue;
      if (current && entry.data.language !== lang) continue;
      seen.set(session.id, {
        session,
        title: entry.data.title,
        href: localePath(entry.data.language, workshopPath(entry.data.translationKey)),
        linkLang: entry.data.language === lang ? undefined : entry.data.language,
      });
    }
  }
  return [...seen.values()].sort((a, b) =>
    `${a.session.date}${a.session.start}`.localeCompare(`${b.session.date}${b.session.start}`),
  );
}

/** Props of a workshop's page and its handout. */
export interface WorkshopRouteProps {
  lang: Language;
  entry: WorkshopEntry;
  /** Whether the workshop is written in every language; else the language switch goes to the lists. */
  hasTwins: boolean;
}

/** One static path per workshop and language: `[...lang]/workshops/[key]`. */
export async function workshopPaths() {
  const entries = await allWorkshops();
  const ids = new Set(entries.map((entry) => entry.id));
  return entries.map((entry) => {
    const { language: lang, translationKey } = entry.data;
    const hasTwins = siteLanguages.every((other) => ids.has(`${other}/${translationKey}`));
    const props: WorkshopRouteProps = { lang, entry, hasTwins };
    return { params: { lang: languageSegment(lang), key: translationKey }, props };
  });
}

/** Props of an audience's filtered list. */
export interface AudienceRouteProps {
  lang: Language;
  audience: WorkshopAudience;
}

/** One static path per audience and language, whether or not it has workshops yet: `[...lang]/workshops/for/[audience]`. */
export function audiencePaths() {
  return siteLanguages.flatMap((lang) =>
    workshopAudiences.map((audience) => {
      const props: AudienceRouteProps = { lang, audience };
      return { params: { lang: languageSegment(lang), audience: audienceSlug(audience) }, props };
    }),
  );
}

/**
 * Where the site serves a workshop's handout file, in the workshop's language:
 * `/workshops/<key>/files/<id>.pdf`, `/en/workshops/<key>/files/<id>.png`.
 */
export function handoutFileHref(lang: Language, translationKey: string, fileName: string): string {
  return localePath(lang, `${workshopPath(translationKey)}files/${fileName}`);
}

/** Props of a handout file's route. */
export interface HandoutFileRouteProps {
  source: string;
  type: string;
}

/** One static path per handout file: `[...lang]/workshops/[key]/files/[file]`. */
export async function handoutFilePaths() {
  return (await allWorkshops()).flatMap(({ data }) =>
    data.files.map((file) => {
      const props: HandoutFileRouteProps = { source: file.source, type: file.type };
      const params = { lang: languageSegment(data.language), key: data.translationKey, file: file.fileName };
      return { params, props };
    }),
  );
}
