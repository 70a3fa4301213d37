/**
 * Wraps a route's logic as a Lambda handler: API errors become their responses in the caller's
 * language, anything unexpected becomes a logged 500 that reveals nothing. Counts the outcomes the
 * catalogue measures from the status and error code alone, and writes the metrics once at the end.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ApiError } from '../domain/errors.ts';
import { log } from './log.ts';
import { count, recorded, withMetrics } from './metrics.ts';
import { acceptedLanguage } from './request.ts';
import { jsonResponse } from './response.ts';

/** A Lambda handler for the HTTP API. */
export type HttpHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

const followUpRoutes = new Set(['POST /api/followup', 'POST /api/followup/messages']);

/**
 * Counts a report stored or refused, and a reporter's follow-up, from what the route answered.
 * A report handler that counted its own outcome (a decoy receipt, a form page it rendered) is left
 * as it counted it. A 5xx other than 503 is a bug, counted by the 5xx alarm, not as a refusal.
 */
function countOutcome(route: string, status: number, replayed: boolean, code?: string): void {
  if (route === 'POST /api/reports') {
    if (recorded('reportsAccepted') || recorded('reportsRefused')) return;
    if (status === 201 && !replayed) count('reportsAccepted');
    else if (code && (status < 500 || status === 503)) count('reportsRefused', { Reason: code });
  } else if (followUpRoutes.has(route) && status < 300) {
    count('followUps');
  }
}

/**
 * Builds a handler from a route's logic.
 * @example export const handler = httpHandler(async (event) => jsonResponse(200, { ok: true }));
 */
export function httpHandler(logic: HttpHandler): HttpHandler {
  return (event) => withMetrics(() => respond(logic, event));
}

async function respond(logic: HttpHandler, event: APIGatewayProxyEventV2) {
  const route = event.routeKey;
  try {
    const result = await logic(event);
    const replayed = result.headers?.['idempotent-replayed'] === 'true';
    countOutcome(route, result.statusCode ?? 200, replayed);
    return result;
  } catch (error) {
    if (error instanceof ApiError) {
      error.language ??= acceptedLanguage(event);
      const level = error.statusCode >= 500 ? 'error' : 'info';
      const errorName = error.cause instanceof Error ? `${error.name}:${error.cause.name}` : error.name;
      log(level, 'request refused', { route, status: error.statusCode, code: error.code, errorName });
      countOutcome(route, error.statusCode, false, error.code);
      return jsonResponse(error.statusCode, error.toJSON(), error.headers);
    }
    log('error', 'request failed', {
      route,
      status: 500,
      errorName: error instanceof Error ? error.name : 'unknown',
    });
    const internal = new ApiError(500, 'internal_error', { language: acceptedLanguage(event) });
    return jsonResponse(500, internal.toJSON());
  }
}
