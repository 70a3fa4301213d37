/**
 * The console's screens by address: `#/queue`, `#/report/<ref>`, `#/alerts`, `#/dashboard`, and
 * for trainers and reviewers `#/workshops`, `#/workshop/<id>` and `#/workshop/new`. The hash never
 * reaches the server, and a reference or a workshop's id is all it ever holds. Browser only.
 */

/** Where the console is. */
export type Route =
  | { screen: 'queue' }
  | { screen: 'report'; ref: string }
  | { screen: 'alerts' }
  | { screen: 'dashboard' }
  | { screen: 'workshops' }
  | { screen: 'workshop'; id: string };

/**
 * Reads a route from a hash; anything unknown is the queue (main.ts sends staff without access
 * to reports to their workshops instead).
 * @example parseRoute('#/report/LT-7K3M') // { screen: 'report', ref: 'LT-7K3M' }
 * @example parseRoute('#/workshop/new') // { screen: 'workshop', id: 'new' }
 */
export function parseRoute(hash: string): Route {
  const [, screen = '', ref = ''] = hash.replace(/^#/, '').split('/');
  if ((screen === 'report' || screen === 'workshop') && ref) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(ref);
    } catch {
      return { screen: screen === 'report' ? 'queue' : 'workshops' };
    }
    return screen === 'report' ? { screen, ref: decoded } : { screen, id: decoded };
  }
  if (screen === 'alerts' || screen === 'dashboard' || screen === 'workshops') return { screen };
  return { screen: 'queue' };
}

/** The hash of a report's screen. */
export function reportHref(ref: string): string {
  return `#/report/${encodeURIComponent(ref)}`;
}

/** The hash of a workshop's screen; `new` opens an empty editor. */
export function workshopHref(id: string): string {
  return `#/workshop/${encodeURIComponent(id)}`;
}
