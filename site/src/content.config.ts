/**
 * Content collections. `pages`: one Markdown file per page and language, under
 * `src/content/pages/<lang>/<path>.md`; the file's path is the page's URL path (`children/6-8/my-body`
 * is served at `/children/6-8/my-body/` and `/en/children/6-8/my-body/`). A file named `index.md`
 * is its folder's page (`learn/index.md` is `/learn/`). Every page says who it is for, what it is
 * about, where its facts come from and when someone last checked them.
 */

import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
import { workshopsLoader } from './lib/workshops/loader.ts';

/** Who a page is written for. */
export const audiences = ['children', 'residents', 'professionals', 'everyone'] as const;

/** The age bands children's pages are written for: the words, length and examples differ. */
export const ageBands = ['6-8', '9-12', '13-17'] as const;

/** Where a page's facts come from, so a safeguarding lead can check them. */
const source = z
  .object({
    /** The source's title as it is cited. */
    title: z.string().min(1),
    /** Where to read it, when it is online. */
    url: z.string().url().optional(),
    /** When someone last read it there; required with a URL, since pages online change. */
    accessed: z.coerce.date().optional(),
  })
  .refine((s) => !s.url || s.accessed, { message: 'a source with a url needs the date it was accessed' });

/** A content page. */
const pages = defineCollection({
  // Ids keep the language's case (`zh-CN/children`), so they match the language tags.
  loader: glob({
    base: './src/content/pages',
    pattern: '**/*.md',
    generateId: ({ entry }) => entry.replace(/(\/index)?\.md$/, ''),
  }),
  schema: z.object({
    /** The page's heading and title. */
    title: z.string().min(1),
    /** One or two sentences: the summary under the title, in section lists, search results and previews. */
    description: z.string().min(1),
    audience: z.enum(audiences),
    /** For children's pages: the age band it is written for. */
    ageBand: z.enum(ageBands).optional(),
    /** What the page is about, as lower-case keys shared by both languages (`body-safety`, `bullying`). */
    topics: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
    /** Where the page sits among its siblings in its section's list; lower first. */
    order: z.number().int().default(100),
    /**
     * The key that pairs a page with its twin in every other language. The same in every
     * language; by convention the page's path (`children/6-8/my-body`).
     */
    translationKey: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$|^home$/),
    /** When a safeguarding lead last checked the page against its sources. */
    lastReviewed: z.coerce.date(),
    /** Every legal or factual claim's source. Pages that make none (a child's "saying no") may have none. */
    sources: z.array(source).default([]),
  }),
});

/**
 * Workshop modules and their upcoming sessions: the shipped curriculum and, when the build is
 * given one, the office's export of published workshops. Validated by the loader with the one
 * workshop schema (functions/domain/workshop.ts), so there is no second schema here.
 */
const workshops = defineCollection({ loader: workshopsLoader() });

/** Every collection of the site. */
export const collections = { pages, workshops };
