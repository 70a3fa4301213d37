/**
 * Content collections. `pages`: one Markdown file per page and language, under
 * `src/content/pages/<lang>/<path>.md`, each with its sources and when it was last reviewed.
 */

import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

/** Where a page's facts come from, so a safeguarding lead can check them. */
const source = z.object({
  /** The source's title as it is cited. */
  title: z.string(),
  /** Where to read it, when it is online. */
  url: z.string().url().optional(),
});

/** A plain content page. */
const pages = defineCollection({
  // Ids keep the language's case (`zh-CN/children`), so they match the language tags.
  loader: glob({
    base: './src/content/pages',
    pattern: '**/*.md',
    generateId: ({ entry }) => entry.replace(/\.md$/, ''),
  }),
  schema: z.object({
    /** The page's heading and title. */
    title: z.string(),
    /** One sentence for search results and link previews. */
    description: z.string(),
    /** When a safeguarding lead last checked the page against its sources. */
    lastReviewed: z.coerce.date(),
    sources: z.array(source).default([]),
  }),
});

/** Every collection of the site. */
export const collections = { pages };
