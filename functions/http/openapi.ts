/**
 * Generates the OpenAPI 3.1 document from the route table and the domain's schemas, so the
 * published contract can't drift from what the handlers validate.
 */
import * as z from 'zod/mini';
import { errorBodySchema, healthSchema, reportAcceptedSchema } from '../domain/contract.ts';
import { reportSchema } from '../domain/report.ts';
import { routeKey, routes } from '../routes.ts';
import { apiHeaders } from './response.ts';

type Json = Record<string, unknown>;

const jsonSchema = (schema: z.ZodMiniType, io: 'input' | 'output' = 'output'): Json => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io }) as Json;
  return rest;
};

const content = (ref: string) => ({
  'application/json': { schema: { $ref: `#/components/schemas/${ref}` } },
});

const headers = Object.fromEntries(
  Object.entries(apiHeaders).map(([name, value]) => [name, { schema: { type: 'string', const: value } }]),
);

const error = (description: string) => ({ description, headers, content: content('Error') });

/** What each route's operation says beyond its summary. Every route must have an entry. */
const operations: Record<string, Json> = {
  'POST /api/reports': {
    operationId: 'createReport',
    parameters: [
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'A UUID chosen by the client. A retry with the same key and body returns the same receipt.',
        schema: { type: 'string', format: 'uuid' },
      },
    ],
    requestBody: { required: true, content: content('Report') },
    responses: {
      '201': {
        description: 'Received. The receipt is shown only this once.',
        headers,
        content: content('ReportAccepted'),
      },
      '400': error('The body is not valid JSON, or not a valid report; nothing was written.'),
      '413': error('The body is over 64 KB.'),
      '415': error('The body is not application/json.'),
      '422': error('The Idempotency-Key was used before with a different body.'),
      '503': error('The report could not be stored; send it again with the same Idempotency-Key.'),
    },
  },
  'GET /api/health': {
    operationId: 'health',
    responses: { '200': { description: 'The API is up.', headers, content: content('Health') } },
  },
  'GET /api/openapi.json': {
    operationId: 'openApi',
    responses: {
      '200': {
        description: 'This document.',
        headers,
        content: { 'application/json': { schema: { type: 'object' } } },
      },
    },
  },
};

/** The OpenAPI document for a deployment's communities. */
export function openApiDocument(communityIds: readonly string[]): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const operation = operations[routeKey(route)];
    if (!operation) throw new Error(`No OpenAPI operation for ${routeKey(route)}`);
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: { summary: route.summary, ...operation },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hutong API',
      version: '1.0.0',
      description:
        'Anonymous concern reports for the community child protection office. Every response carries ' +
        '`Cache-Control: no-store` and `Referrer-Policy: no-referrer`; no caller address is read or stored.',
    },
    paths,
    components: {
      schemas: {
        Report: jsonSchema(reportSchema(communityIds), 'input'),
        ReportAccepted: jsonSchema(reportAcceptedSchema),
        Health: jsonSchema(healthSchema),
        Error: jsonSchema(errorBodySchema),
      },
    },
  };
}
