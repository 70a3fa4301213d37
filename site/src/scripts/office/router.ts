/**
 * The console's screens by address: `#/queue`, `#/report/<ref>`, `#/alerts`, `#/dashboard`. The
 * hash never reaches the server, and a report's reference is all it ever holds. Browser only.
 */

/** Where the console is. */
export type Route =
  | { screen: 'queue' }
  | { screen: 'report'; ref: string }
  | { screen: 'alerts' }
  | { screen: 'dashboard' };

/**
 * Reads a route from a hash; anything unknown is the queue.
 * @example parseRoute('#/report/LT-7K3M') // { screen: 'report', ref: 'LT-7K3M' }
 */
export function parseRoute(hash: string): Route {
  const [, screen = '', ref = ''] = hash.replace(/^#/, '').split('/');
  if (screen === 'report' && ref) {
    try {
      return { screen, ref: decodeURIComponent(ref) };
    } catch {
      return { screen: 'queue' };
    }
  }
  if (screen === 'alerts' || screen === 'dashboard') return { screen };
  return { screen: 'queue' };
}

/** The hash of a report's screen. */
export function reportHref(ref: string): string {
  return `#/report/${encodeURIComponent(ref)}`;
}
