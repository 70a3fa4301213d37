/**
 * Wraps a route's logic as a Lambda handler: API errors become their responses in the caller's
 * language, anything unexpected becomes a logged 500 that reveals nothing.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ApiError } from '../domain/errors.ts';
import { log } from './log.ts';
import { acceptedLanguage } from './request.ts';
import { jsonResponse } from './response.ts';

/** A Lambda handler for the HTTP API. */
export type HttpHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * Builds a handler from a route's logic.
 * @example export const handler = httpHandler(async (event) => jsonResponse(200, { ok: true }));
 */
export function httpHandler(logic: HttpHandler): HttpHandler {
  return async (event) => {
    const route = event.routeKey;
    try {
      return await logic(event);
    } catch (error) {
      if (error instanceof ApiError) {
        error.language ??= acceptedLanguage(event);
        const level = error.statusCode >= 500 ? 'error' : 'info';
        const errorName = error.cause instanceof Error ? `${error.name}:${error.cause.name}` : error.name;
        log(level, 'request refused', { route, status: error.statusCode, code: error.code, errorName });
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
  };
}
