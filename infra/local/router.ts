/**
 * The local API: a router built from functions/routes.ts that hands each handler the event API
 * Gateway would send. Unknown paths and methods answer with the API's error shape. Staff routes
 * pass the JWT authorizer first, and a refused request never reaches its function.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  type ApiError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
} from '../../functions/domain/errors.ts';
import { pickLanguage } from '../../functions/domain/languages.ts';
import { type Access, routeKey, routeName, routes } from '../../functions/routes.ts';
import { securityHeaders } from '../security-headers.ts';
import { repoRoot } from '../site-build.ts';
import { sendResult, toEvent } from './events.ts';
import type { Authorization } from './identity/authorizer.ts';

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/** API Gateway HTTP APIs refuse payloads over 10 MB before any function runs. */
const gatewayMaxBytes = 10 * 1024 * 1024;

/** A route ready to serve: its matcher, who may call it, and its imported handler. */
export interface CompiledRoute {
  method: string;
  routeKey: string;
  access: Access;
  pattern: RegExp;
  params: string[];
  handler: Handler;
}

function compile(path: string): { pattern: RegExp; params: string[] } {
  const params: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      params.push(param);
      return '([^/]+)';
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), params };
}

/** Imports every route's handler, as Lambda would at cold start; a broken handler fails here. */
export async function loadRoutes(): Promise<CompiledRoute[]> {
  return Promise.all(
    routes.map(async (route) => {
      const file = join(repoRoot, 'functions', 'handlers', `${routeName(route)}.ts`);
      const module = (await import(pathToFileURL(file).href)) as { handler?: Handler };
      if (typeof module.handler !== 'function') throw new Error(`${file} does not export a handler`);
      return {
        method: route.method,
        routeKey: routeKey(route),
        access: route.access,
        ...compile(route.path),
        handler: module.handler,
      };
    }),
  );
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= gatewayMaxBytes) chunks.push(chunk);
    });
    request.on('end', () => done(size > gatewayMaxBytes ? undefined : Buffer.concat(chunks)));
    request.on('error', fail);
  });
}

function refuse(request: IncomingMessage, response: ServerResponse, error: ApiError): void {
  error.language = pickLanguage(request.headers['accept-language']);
  sendResult(response, {
    statusCode: error.statusCode,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...securityHeaders,
      ...error.headers,
    },
    body: JSON.stringify(error.toJSON()),
  });
}

/**
 * What API Gateway answers when its JWT authorizer refuses a request, byte for byte in the body:
 * `401 {"message":"Unauthorized"}`, with `www-authenticate` saying why when a token was sent.
 */
function unauthorized(response: ServerResponse, refusal: { description?: string }): void {
  const challenge: Record<string, string> = refusal.description
    ? {
        'www-authenticate': `Bearer scope="" error="invalid_token" error_description="${refusal.description.replace(/["\\]/g, '')}"`,
      }
    : {};
  sendResult(response, {
    statusCode: 401,
    headers: {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      ...securityHeaders,
      ...challenge,
    },
    body: '{"message":"Unauthorized"}',
  });
}

/** The path's parameters, decoded; undefined when one is not valid percent-encoded UTF-8. */
function decodedParameters(
  names: string[],
  match: RegExpExecArray | null | undefined,
): Record<string, string> | undefined {
  try {
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match?.[i + 1] ?? '')]));
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
}

/**
 * Builds the request listener for `/api/*`. `authorize` is the JWT authorizer every route whose
 * access is not `'public'` passes first (see identity/authorizer.ts).
 */
export function apiRouter(
  compiled: CompiledRoute[],
  authorize: (authorizationHeader: string | undefined) => Promise<Authorization>,
) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://local').pathname;
    const matches = compiled
      .map((route) => ({ route, match: route.pattern.exec(path) }))
      .filter((entry) => entry.match !== null);
    const found = matches.find((entry) => entry.route.method === request.method);
    const body = await readBody(request);
    if (!found) {
      const allowed = matches.map((entry) => entry.route.method);
      return refuse(
        request,
        response,
        allowed.length ? new MethodNotAllowedError(allowed) : new NotFoundError(),
      );
    }
    if (!body) return refuse(request, response, new PayloadTooLargeError());
    // As in AWS: the authorizer checks the token; roles and communities are the function's to check.
    const verdict =
      found.route.access === 'public' ? undefined : await authorize(request.headers.authorization);
    if (verdict && !verdict.ok) return unauthorized(response, verdict);
    const pathParameters = decodedParameters(found.route.params, found.match);
    // A name that isn't valid percent-encoded UTF-8 can't name anything.
    if (!pathParameters) return refuse(request, response, new NotFoundError());
    const event = toEvent(request, body, {
      routeKey: found.route.routeKey,
      ...(found.route.params.length ? { pathParameters } : {}),
      ...(verdict?.ok ? { authorizer: verdict.authorizer } : {}),
    });
    const result = await found.route.handler(event);
    // CloudFront's response headers policy adds these to /api/* too; so does the local runtime.
    sendResult(response, { ...result, headers: { ...result.headers, ...securityHeaders } });
  };
}
