/** Responses in the API Gateway HTTP API (payload 2.0) shape, with the headers every answer carries. */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** Headers on every API response: nothing cached, nothing leaked to other sites. */
export const apiHeaders: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

/**
 * A JSON response with the API's standard headers.
 * @example jsonResponse(201, { receipt, status: 'received', urgent })
 */
export function jsonResponse(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...apiHeaders, ...headers },
    body: JSON.stringify(body),
  };
}

/** An HTML page from a function (the form path without JavaScript), never cached. */
export function htmlResponse(
  statusCode: number,
  html: string,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'text/html; charset=utf-8', ...apiHeaders, ...headers },
    body: html,
  };
}
