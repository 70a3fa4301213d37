/**
 * The routes whose body is a file, not JSON: the handout uploads (`POST` routes that use
 * `uploads`). They take more than the API's 64 KB, so the edge's size rule lets them through and
 * their handler enforces its own limit. Derived from the route table, never listed by hand.
 */
import type { Route } from '../../functions/routes.ts';

/** The routes that accept a file as their body. */
export function fileUploadRoutes(routes: readonly Route[]): Route[] {
  return routes.filter((route) => route.method === 'POST' && (route.uses ?? []).includes('uploads'));
}

/**
 * One anchored regular expression that matches exactly the paths of those routes, each `{param}`
 * standing for one path segment; undefined when there are none.
 * @example fileUploadPathPattern(routes) // '^(?:/api/trainer/workshops/[^/]+/handouts)$'
 */
export function fileUploadPathPattern(routes: readonly Route[]): string | undefined {
  const paths = fileUploadRoutes(routes).map((route) =>
    route.path
      .split(/(\{[^}]+\})/)
      .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
      .join(''),
  );
  return paths.length > 0 ? `^(?:${paths.join('|')})$` : undefined;
}
