/**
 * The frame of a function-rendered page, in the site's own markup so the site's stylesheet
 * applies: the quick exit script first, the skip link, the sticky quick exit, the header, the
 * page, the footer with the phone lines and the quick exit's announcer. Nothing inline: the
 * CSP holds. Mirrors site/src/layouts/Page.astro and its components.
 */
import { deployment } from '../../config.ts';
import type { Language } from '../../domain/languages.ts';
import { html, type SafeHtml } from './html.ts';
import { type PageKey, say } from './strings.ts';

/** The site's stylesheet at a stable address (the site build copies it there). */
export const stylesheetPath = '/styles/site.css';

/** Where a page lives on the site, in a language: the first language at the root. */
export function sitePath(language: Language, path: string): string {
  return language === deployment.languages[0] ? path : `/${language.toLowerCase()}${path}`;
}

/** A phone number as a `tel:` URL: digits only, so every dialler reads it. */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^0-9+]/g, '')}`;
}

/** "If a child is in danger right now, call 110", the number a `tel:` link. */
export function emergencyCallout(language: Language, key: PageKey = 'emergency.callout'): SafeHtml {
  const { number } = deployment.emergency;
  const [before, after] = say(language, key).split('{number}');
  return html`<p class="callout callout--emergency">${before}<a class="callout__number" href="${telHref(number)}">${number}</a>${after}</p>`;
}

/** The phone lines, the emergency number first. */
export function phoneList(language: Language): SafeHtml {
  const lines = [deployment.emergency, ...deployment.hotlines];
  return html`<ul class="phones">${lines.map(
    (line, index) =>
      html`<li class="phone${index === 0 ? ' phone--emergency' : ''}"><a class="phone__link" href="${telHref(line.number)}"><span class="phone__number">${line.number}</span> <span class="phone__name">${line.name[language]}</span></a><span class="phone__when">${line.when[language]}</span></li>`,
  )}</ul>`;
}

const footerPages: [path: string, key: PageKey][] = [
  ['/', 'nav.home'],
  ['/report/', 'nav.report'],
  ['/follow-up/', 'nav.followUp'],
  ['/children/', 'nav.children'],
  ['/learn/', 'nav.learn'],
  ['/about/staying-safe/', 'nav.stayingSafe'],
];

function header(language: Language): SafeHtml {
  return html`<header class="site-header"><div class="site-header__inner"><a class="site-header__home" href="${sitePath(language, '/')}"><img class="site-header__mark" src="/favicon.svg" alt="" width="40" height="40"><span class="site-header__name">${deployment.name[language]}</span><span class="site-header__tagline">${say(language, 'site.tagline')}</span></a></div></header>`;
}

function footer(language: Language): SafeHtml {
  return html`<footer class="site-footer"><div class="site-footer__inner"><section class="site-footer__phones" aria-labelledby="footer-phones"><h2 class="site-footer__heading" id="footer-phones">${say(language, 'footer.phones')}</h2>${phoneList(language)}</section><nav class="site-footer__pages" aria-labelledby="footer-pages"><h2 class="site-footer__heading" id="footer-pages">${say(language, 'footer.pages')}</h2><ul class="site-footer__links">${footerPages.map(([path, key]) => html`<li><a href="${sitePath(language, path)}">${say(language, key)}</a></li>`)}</ul></nav><p class="site-footer__privacy">${say(language, 'footer.privacy')}</p></div></footer>`;
}

/**
 * A whole page around `main`; `top` goes above the quick exit in the sticky bar.
 * @example page({ language: 'en', title: 'Your report has been received', main: html`<h1>…</h1>` })
 */
export function page(options: { language: Language; title: string; main: SafeHtml; top?: SafeHtml }): string {
  const { language, title, main, top } = options;
  const exit = deployment.quickExit[language];
  const s = (key: PageKey) => say(language, key);
  return `<!doctype html>${html`<html lang="${language}"><head><meta charset="utf-8"><script src="/quick-exit.js" data-exit="${exit}"></script><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><meta name="robots" content="noindex"><meta name="format-detection" content="telephone=no"><title>${title} · ${deployment.name[language]}</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="${stylesheetPath}"></head><body><a class="skip-link" href="#main">${s('skip.main')}</a><div class="top-bar">${top}<div class="quick-exit"><a class="quick-exit__button" href="${exit}" rel="nofollow noreferrer" data-quick-exit><span class="visually-hidden">${s('quickExit.hidden')}</span> ${s('quickExit.label')}</a></div></div>${header(language)}<main class="main" id="main">${main}</main>${footer(language)}<div class="visually-hidden" aria-live="polite" data-quick-exit-status data-press-2="${s('quickExit.press2')}" data-press-1="${s('quickExit.press1')}" data-expired="${s('quickExit.expired')}"></div></body></html>`}`;
}
