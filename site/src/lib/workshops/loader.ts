/**
 * The one content loader for workshops, used by the `workshops` collection, by `npm start`'s
 * rebuilds and by the AWS build job alike. It reads two sources through the same code path:
 *
 * 1. the curriculum that ships: `site/src/content/workshops/<lang>/<translationKey>.yaml`;
 * 2. when the environment variable `HUTONG_PUBLISHED_WORKSHOPS` names a JSON file, the workshops,
 *    sessions and handout files the trainers' console exports once a reviewer has published them:
 *    `{ "workshops": [Workshop, …], "sessions": [Session, …], "files": [File, …] }`
 *    (infra/published-workshops.ts writes it, and the files' bytes beside it).
 *
 * Every workshop is validated with `workshopSchema` and every session with `sessionSchema`
 * (functions/domain/workshop.ts); the first invalid one fails the build, naming its file and
 * field; a file with `exportedFileSchema` (files.ts), and its bytes must be where it says. Notes and handouts are rendered as Markdown without HTML. Sessions that have ended are
 * dropped, so past sessions leave the site on the next build. One entry per workshop and
 * language, `<lang>/<translationKey>`, carrying the upcoming sessions of its translation key,
 * and one per rendered Markdown field, `<lang>/<translationKey>/<part>` (see `markdownParts`).
 */
import { join } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import {
  type Session,
  sessionSchema,
  type Workshop,
  workshopSchema,
} from '../../../../functions/domain/workshop.ts';
import { exportedFileSchema, type HandoutFile, handoutFile } from './files.ts';
import { demoteHeadings, escapeHtml, unsafeParts } from './markdown.ts';
import { publishedSourceVariable, type RawRecord, readCurriculum, readPublished } from './sources.ts';

/**
 * The Markdown fields of a workshop, each stored as an entry of its own, `<lang>/<key>/<part>`,
 * so a page renders it with Astro's `render()` (the site never sets HTML from a string).
 * The notes sit under the workshop page's own `<h2>`, so their headings move down a level.
 */
export const markdownParts = {
  facilitatorNotes: { part: 'facilitator-notes', demote: 1 },
  safeguardingNotes: { part: 'safeguarding-notes', demote: 1 },
  handout: { part: 'handout', demote: 0 },
} as const;

/** A Markdown field of a workshop. */
export type MarkdownField = keyof typeof markdownParts;

/** The entry holding one rendered Markdown field of a workshop. */
export interface WorkshopPartData {
  kind: 'part';
  /** The workshop's entry id, `<lang>/<translationKey>`. */
  workshop: string;
  field: MarkdownField;
}

/** A workshop as the site stores it: the validated fields and its upcoming sessions. */
export interface WorkshopEntryData extends Workshop {
  kind: 'workshop';
  /** Upcoming sessions of this workshop in any language, soonest first. */
  sessions: Session[];
  /** Its handout files (PDF, JPEG, PNG) as the trainers uploaded them; none for the curriculum. */
  files: HandoutFile[];
  /** Where it came from: the repository's curriculum, or the trainers' console. */
  source: 'curriculum' | 'published';
}

/** Options for tests and other callers; the defaults are what the build uses. */
export interface WorkshopsLoaderOptions {
  /** The curriculum's folder; by default `src/content/workshops` under the site's root. */
  curriculumDir?: string;
  /** The published export; by default `$HUTONG_PUBLISHED_WORKSHOPS`, when set. */
  publishedFile?: string;
  /** The build's clock, for dropping sessions that have ended. */
  now?: () => Date;
}

/** A validation issue as zod reports it. */
type Issue = { path: PropertyKey[]; message: string; input?: unknown } & Record<string, unknown>;

/** Validates one record or throws an error naming its file, its place in the file and the field. */
function validate<T>(
  schema: {
    safeParse(
      data: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } };
  },
  record: RawRecord,
): T {
  const result = schema.safeParse(record.data);
  if (result.success) return result.data;
  const problems = result.error.issues.map(({ path, message, input: _, ...detail }: Issue) => {
    const field = [record.at, ...path.map(String)].filter(Boolean).join('.') || '(root)';
    // zod/mini says only "Invalid input"; the code and limits say what to fix.
    return `  ${field}: ${message} ${JSON.stringify(detail)}`;
  });
  throw new Error(`${record.file}: invalid workshop data\n${problems.join('\n')}`);
}

/** When a session starts, as an instant: its date and start time in China Standard Time. */
export function sessionStart(session: Session): Date {
  return new Date(`${session.date}T${session.start}:00+08:00`);
}

/** When a session ends, as an instant: its date and end time in China Standard Time. */
export function sessionEnd(session: Session): Date {
  return new Date(`${session.date}T${session.end}:00+08:00`);
}

/** One Markdown field as checked HTML, or an error naming the file and field. */
async function renderField(
  workshop: Workshop,
  field: MarkdownField,
  record: RawRecord,
  renderMarkdown: LoaderContext['renderMarkdown'],
): Promise<string> {
  const rendered = (await renderMarkdown(escapeHtml(workshop[field]))).html;
  const unsafe = unsafeParts(rendered);
  if (unsafe.length > 0) {
    const at = [record.at, field].filter(Boolean).join('.');
    throw new Error(`${record.file}: ${at} renders ${unsafe.join(', ')}, which Markdown here may not`);
  }
  return demoteHeadings(rendered, markdownParts[field].demote);
}

/**
 * The workshops collection's loader.
 * @example defineCollection({ loader: workshopsLoader() })
 */
export function workshopsLoader(options: WorkshopsLoaderOptions = {}): Loader {
  return {
    name: 'hutong-workshops',
    load: async ({ store, config, logger, renderMarkdown, generateDigest }) => {
      const siteRoot = config.root.pathname;
      const repoRoot = join(siteRoot, '..');
      const curriculumDir = options.curriculumDir ?? join(siteRoot, 'src/content/workshops');
      const publishedFile = options.publishedFile ?? process.env[publishedSourceVariable];
      const now = (options.now ?? (() => new Date()))();

      const published = publishedFile
        ? readPublished(publishedFile)
        : { workshops: [], sessions: [], files: [] };
      const sources = [
        ...readCurriculum(curriculumDir, repoRoot).map((record) => ({
          record,
          source: 'curriculum' as const,
        })),
        ...published.workshops.map((record) => ({ record, source: 'published' as const })),
      ];
      const workshops = new Map<
        string,
        { workshop: Workshop; record: RawRecord; source: 'curriculum' | 'published' }
      >();
      for (const { record, source } of sources) {
        const workshop = validate<Workshop>(workshopSchema, record);
        const id = `${workshop.language}/${workshop.translationKey}`;
        const earlier = workshops.get(id);
        if (earlier)
          throw new Error(
            `${record.file}: ${record.at || 'this file'} repeats ${id}, already in ${earlier.record.file}`,
          );
        workshops.set(id, { workshop, record, source });
      }

      const keys = new Set([...workshops.values()].map(({ workshop }) => workshop.translationKey));
      const sessions = new Map<string, Session[]>();
      const sessionIds = new Set<string>();
      for (const record of published.sessions) {
        const session = validate<Session>(sessionSchema, record);
        if (!keys.has(session.workshop))
          throw new Error(`${record.file}: ${record.at}.workshop: no workshop ${session.workshop}`);
        if (sessionIds.has(session.id))
          throw new Error(`${record.file}: ${record.at}.id: ${session.id} is repeated`);
        sessionIds.add(session.id);
        if (sessionEnd(session) <= now) continue;
        sessions.set(session.workshop, [...(sessions.get(session.workshop) ?? []), session]);
      }
      for (const list of sessions.values())
        list.sort((a, b) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`));

      const files = new Map<string, HandoutFile[]>();
      for (const record of published.files) {
        const listed = validate(exportedFileSchema, record);
        const id = `${listed.language}/${listed.workshop}`;
        if (workshops.get(id)?.source !== 'published')
          throw new Error(`${record.file}: ${record.at}.workshop: no published workshop ${id}`);
        const file = handoutFile(record, listed);
        if (files.get(id)?.some((other) => other.id === file.id))
          throw new Error(`${record.file}: ${record.at}.id: ${file.id} is repeated`);
        files.set(id, [...(files.get(id) ?? []), file]);
      }

      store.clear();
      for (const [id, { workshop, record, source }] of workshops) {
        const data: WorkshopEntryData = {
          kind: 'workshop',
          ...workshop,
          sessions: sessions.get(workshop.translationKey) ?? [],
          files: files.get(id) ?? [],
          source,
        };
        store.set({ id, data: { ...data }, digest: generateDigest({ ...data }) });
        for (const field of Object.keys(markdownParts) as MarkdownField[]) {
          const html = await renderField(workshop, field, record, renderMarkdown);
          const part: WorkshopPartData = { kind: 'part', workshop: id, field };
          store.set({
            id: `${id}/${markdownParts[field].part}`,
            data: { ...part },
            rendered: { html },
            digest: generateDigest({ ...part, html }),
          });
        }
      }
      logger.info(
        `${workshops.size} workshops, ${sessionIds.size} sessions (${[...sessions.values()].flat().length} upcoming), ${published.files.length} handout files${publishedFile ? ` with ${publishedFile}` : ''}`,
      );
    },
  };
}
