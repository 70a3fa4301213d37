/**
 * /workshops/<translationKey>/files/<handout id>.<ext>: a published workshop's handout file (PDF,
 * JPEG or PNG), copied into the site as the trainer uploaded it, its metadata already stripped.
 */
import { readFile } from 'node:fs/promises';
import type { APIRoute } from 'astro';
import { type HandoutFileRouteProps, handoutFilePaths } from '../../../../../lib/workshops/entries.ts';

export const getStaticPaths = handoutFilePaths;

/** The file's bytes, served as a static file. */
export const GET: APIRoute<HandoutFileRouteProps> = async ({ props }) =>
  new Response(await readFile(props.source), { headers: { 'content-type': props.type } });
