/**
 * What every screen of the console shares: the API, the signed-in member, and how to say what
 * went wrong with a call in the page's words. Browser only.
 */
import type { Answer, Api } from './api.ts';
import { s } from './strings.ts';
import type { Me } from './types.ts';

/** The console's shared state while someone is signed in. */
export interface Context {
  api: Api;
  me: Me;
  /** True when the member is a lead: closes, reopens, assigns to others, reads statistics. */
  isLead: boolean;
}

/** A screen of the console: shown for a route, hidden, and emptied on sign-out. */
export interface Screen {
  hide(): void;
  /** Takes every report figure and text off the page. */
  clear(): void;
}

/**
 * What a failed call means, in the page's words: our error's own message when it has one (the
 * API speaks the request's language), else the network or server sentence.
 */
export function problem(answer: Answer<unknown>): string {
  if (answer.ok) return '';
  if (answer.status === 0) return s('office.error.network');
  if (answer.status === 403) return s('office.error.forbidden');
  if (typeof answer.body.error === 'string' && typeof answer.body.message === 'string')
    return answer.body.message;
  return s('office.error.server');
}

/** A list of words joined as the page's language joins them. */
export function joined(words: readonly string[]): string {
  return new Intl.ListFormat(document.documentElement.lang, { type: 'conjunction', style: 'long' }).format(
    words,
  );
}
