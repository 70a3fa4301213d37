/**
 * The site's sections, in the order a visitor meets them: the footer, the home page and the
 * search page (which offers them when search can't run) all list these. Build time only.
 */
import type { UiKey } from '../../i18n/t.ts';

/** One section of the site: where it is, its name and one line on what is there. */
export interface SiteSection {
  /** Its language-neutral path, e.g. `/learn/`. */
  path: string;
  /** Its name, as a link. */
  label: UiKey;
  /** One sentence on what it holds, for lists that describe each section. */
  text: UiKey;
}

/** Every section, children's first. */
export const siteSections: readonly SiteSection[] = [
  { path: '/children/', label: 'nav.children', text: 'home.entry.children.text' },
  { path: '/learn/', label: 'nav.learn', text: 'nav.learn.text' },
  { path: '/professionals/', label: 'nav.professionals', text: 'nav.professionals.text' },
  { path: '/rights/', label: 'nav.rights', text: 'nav.rights.text' },
  { path: '/workshops/', label: 'nav.workshops', text: 'nav.workshops.text' },
  { path: '/help/', label: 'nav.help', text: 'nav.help.text' },
  { path: '/about/', label: 'nav.about', text: 'nav.about.text' },
];

/** The search page, listed after the sections wherever they are listed. */
export const searchSection: SiteSection = { path: '/search/', label: 'nav.search', text: 'nav.search.text' };
