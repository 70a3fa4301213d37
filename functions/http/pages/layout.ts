/**
 * The frame of a function-rendered page, mirroring the site's: the quick exit script first, the
 * skip link, the quick exit button, the header, the page and the footer with the phone lines.
 * Styles come from the site's stable stylesheet; nothing inline, so the CSP holds.
 */
import { deployment } from '../../config.ts';
import type { Language } from '../../domain/languages.ts';
import { html, type SafeHtml } from './html.ts';
import { pageStrings as s } from './strings.ts';

/** The site's stylesheet at a stable address, for pages the site did not build. */
export const stylesheetPath = '/styles/site.css';

/** Where a page lives on the site, in a language. */
export function sitePath(language: Language, path: string): string {
  return language === deployment.languages[0] ? path : `/${language}${path}`;
}

function footer(language: Language): SafeHtml {
  const lines = [deployment.emergency, ...deployment.hotlines];
  return html`<footer class="site-footer"><ul class="phone-list">${lines.map(
    (line) =>
      html`<li><a href="tel:${line.number.replace(/[^0-9]/g, '')}">${line.number}</a> ${line.name[language]} — ${line.when[language]}</li>`,
  )}</ul></footer>`;
}

/** A whole page around `main`. */
export function page(options: { language: Language; title: string; main: SafeHtml }): string {
  const { language, title, main } = options;
  const exit = deployment.quickExit[language];
  return `<!doctype html>${html`<html lang="${language}"><head><meta charset="utf-8"><script src="/quick-exit.js" data-exit="${exit}"></script><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><meta name="robots" content="noindex"><title>${title} · ${deployment.name[language]}</title><link rel="stylesheet" href="${stylesheetPath}"></head><body><a class="skip-link" href="#main">${s.skipToMain[language]}</a><div class="top-bar"><a class="quick-exit" href="${exit}" rel="nofollow noreferrer" data-quick-exit><span class="visually-hidden">${s.quickExitHidden[language]} </span>${s.quickExit[language]}</a></div><header class="site-header"><a class="site-name" href="${sitePath(language, '/')}">${deployment.name[language]}</a></header><main class="main" id="main">${main}</main>${footer(language)}</body></html>`}`;
}
