/**
 * GET /api/transparency — per community, per month, how concerns were handled: received,
 * acknowledged within target, closed. Aggregates only, every count under 5 withheld, so the
 * answer is public and a shared cache may keep it for an hour.
 */
import { deployment } from '../config.ts';
import { transparencyMonth } from '../domain/insights.ts';
import { httpHandler } from '../http/handler.ts';
import { jsonResponse } from '../http/response.ts';
import { routes } from '../routes.ts';
import { lastMonths, monthRows } from '../store/insights.ts';

const cacheSeconds = routes.find((route) => route.path === '/api/transparency')?.sharedCacheSeconds ?? 0;

/**
 * A community's figures, one month after another. Twelve queries at once per request, times a few
 * requests at once, queue past the client's 3 s timeout on the one-machine database (which
 * answers one query at a time) and turn into 503s; in sequence each query waits behind few.
 */
async function monthsOf(community: string, months: readonly string[]) {
  const figures: ReturnType<typeof transparencyMonth>[] = [];
  for (const month of months) {
    figures.push(transparencyMonth(month, await monthRows(community, month), deployment.sla));
  }
  return figures;
}

/** Lambda entry point. */
export const handler = httpHandler(async () => {
  const now = new Date();
  const months = lastMonths(now, 12);
  const communities = await Promise.all(
    deployment.communities.map(async (community) => ({
      id: community.id,
      name: community.name,
      months: await monthsOf(community.id, months),
    })),
  );
  return jsonResponse(
    200,
    { generatedAt: now.toISOString(), communities },
    { 'cache-control': `public, max-age=${cacheSeconds}` },
  );
});
