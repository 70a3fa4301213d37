/**
 * /styles/print.css, from src/styles/print.css as written. A stylesheet of its own address,
 * linked with media="print": were it bundled, it would become a second hashed stylesheet,
 * which the site's build allows only one of (integrations/stable-stylesheet.mjs).
 */
import type { APIRoute } from 'astro';
import css from '../../styles/print.css?raw';

/** The print stylesheet, served as a static file. */
export const GET: APIRoute = () =>
  new Response(css, { headers: { 'content-type': 'text/css; charset=utf-8' } });
