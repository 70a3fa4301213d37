/**
 * Generates the OpenAPI 3.1 document from the route table and the domain's schemas, so the
 * published contract can't drift from what the handlers validate.
 */
import * as z from 'zod/mini';
import {
  challengeSchema,
  errorBodySchema,
  followupSchema,
  healthSchema,
  messageAcceptedSchema,
  reportAcceptedSchema,
} from '../domain/contract.ts';
import { followupRequestSchema, messageRequestSchema } from '../domain/followup.ts';
import { reportRequestSchema } from '../domain/report.ts';
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

const altchaNote =
  "The proof of work: the base64 payload altcha's solvers produce for a challenge from `GET /api/challenge`. " +
  'Missing, expired, reused or wrong, it gets 400 `proof_of_work`.';

/** What each route's operation says beyond its summary. Every route must have an entry. */
const operations: Record<string, Json> = {
  'POST /api/reports': {
    operationId: 'createReport',
    description:
      "As JSON (the site's script): `altcha` is required, from a challenge bound to the Idempotency-Key " +
      '(`GET /api/challenge?for=<binding>`). As a plain HTML form post (no JavaScript): no proof of work, a ' +
      'tighter hourly cap, and an HTML page back. `website` is a honeypot: leave it empty. ' +
      altchaNote,
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
    requestBody: {
      required: true,
      content: {
        ...content('ReportRequest'),
        'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/ReportRequest' } },
      },
    },
    responses: {
      '201': {
        description: 'Received. The receipt is shown only this once (an HTML page for a form post).',
        headers,
        content: { ...content('ReportAccepted'), 'text/html': { schema: { type: 'string' } } },
      },
      '400': error('Not valid JSON, not a valid report, or no valid proof of work; nothing was written.'),
      '413': error('The body is over 64 KB.'),
      '415': error('The body is neither application/json nor a form post.'),
      '422': error('The Idempotency-Key was used before with a different body.'),
      '429': error(
        'An hourly cap on reports is reached; `Retry-After` says when it resets. If a child is in danger, call 110.',
      ),
      '503': error('The report could not be stored; send it again with the same Idempotency-Key.'),
    },
  },
  'GET /api/challenge': {
    operationId: 'getChallenge',
    parameters: [
      {
        name: 'for',
        in: 'query',
        required: false,
        description:
          'Binds the challenge to one report submission: base64url SHA-256 of its Idempotency-Key (lower-case).',
        schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' },
      },
    ],
    responses: {
      '200': {
        description: 'A signed altcha v2 challenge that expires in 30 minutes.',
        headers,
        content: content('Challenge'),
      },
      '400': error('`for` is not a binding.'),
    },
  },
  'POST /api/followup': {
    operationId: 'followUp',
    description: `The receipt travels only in this body, never in a URL. ${altchaNote}`,
    requestBody: { required: true, content: content('FollowupRequest') },
    responses: {
      '200': {
        description: 'What the reporter may see of the report.',
        headers,
        content: content('Followup'),
      },
      '400': error('Not a 16-digit receipt, or no valid proof of work.'),
      '404': error('No report for this receipt. The same answer whether or not it ever existed.'),
      '413': error('The body is over 64 KB.'),
      '415': error('The body is not application/json.'),
    },
  },
  'POST /api/followup/messages': {
    operationId: 'sendMessage',
    description: `Adds information, or answers the office. A retry with the same proof of work adds the message once. ${altchaNote}`,
    requestBody: { required: true, content: content('MessageRequest') },
    responses: {
      '201': {
        description: 'Sent; the office sees the report as updated.',
        headers,
        content: content('MessageAccepted'),
      },
      '400': error('Not a 16-digit receipt, an empty or too long message, or no valid proof of work.'),
      '404': error('No report for this receipt.'),
      '413': error('The body is over 64 KB.'),
      '415': error('The body is not application/json.'),
      '503': error('The message could not be stored; send it again with the same proof of work.'),
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
        ReportRequest: jsonSchema(reportRequestSchema(communityIds), 'input'),
        ReportAccepted: jsonSchema(reportAcceptedSchema),
        Challenge: jsonSchema(challengeSchema),
        FollowupRequest: jsonSchema(followupRequestSchema, 'input'),
        Followup: jsonSchema(followupSchema),
        MessageRequest: jsonSchema(messageRequestSchema, 'input'),
        MessageAccepted: jsonSchema(messageAcceptedSchema),
        Health: jsonSchema(healthSchema),
        Error: jsonSchema(errorBodySchema),
      },
    },
  };
}
