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
import {
  alertsSchema,
  conflictSchema,
  countsSchema,
  meSchema,
  officeConfigSchema,
  queuePageSchema,
  reportViewSchema,
  statsSchema,
  transparencySchema,
} from '../domain/office-contract.ts';
import { reportRequestSchema } from '../domain/report.ts';
import { siteBuildSchema } from '../domain/site-build.ts';
import { actionSchema } from '../domain/workflow.ts';
import {
  handoutSchema,
  workshopConflictSchema,
  workshopListSchema,
  workshopViewSchema,
} from '../domain/workshop-contract.ts';
import {
  createWorkshopSchema,
  saveWorkshopSchema,
  workshopActionSchema,
} from '../domain/workshop-requests.ts';
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

const staff = [{ staffToken: [] }];
const staffErrors = {
  '401': { description: 'No valid access token (the JWT authorizer answers `{"message":"Unauthorized"}`).' },
  '403': error('The role may not do this.'),
};
const refParameter = { name: 'ref', in: 'path', required: true, schema: { type: 'string' } };
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

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
  'GET /api/transparency': {
    operationId: 'transparency',
    description:
      'Aggregates only, for the last 12 months; every count under 5 is `{ "fewerThan": 5 }`. ' +
      'The one public answer a shared cache may keep (Cache-Control: public, max-age=3600).',
    responses: { '200': { description: 'The figures.', content: content('Transparency') } },
  },
  'GET /api/office/config': {
    operationId: 'officeConfig',
    responses: {
      '200': {
        description: 'The issuer and the console client id.',
        headers,
        content: content('OfficeConfig'),
      },
    },
  },
  'GET /api/office/me': {
    operationId: 'me',
    security: staff,
    responses: {
      '200': { description: 'Who is signed in.', headers, content: content('Me') },
      ...staffErrors,
    },
  },
  'GET /api/office/reports': {
    operationId: 'queue',
    security: staff,
    parameters: ['status', 'category', 'ageBand', 'cursor', 'limit'].map((name) => ({
      name,
      in: 'query',
      required: false,
      schema: { type: 'string' },
    })),
    responses: {
      '200': { description: 'A page of the queue.', headers, content: content('QueuePage') },
      ...staffErrors,
    },
  },
  'GET /api/office/counts': {
    operationId: 'counts',
    security: staff,
    responses: {
      '200': { description: 'Reports per status.', headers, content: content('Counts') },
      ...staffErrors,
    },
  },
  'GET /api/office/reports/{ref}': {
    operationId: 'report',
    security: staff,
    parameters: [refParameter],
    responses: {
      '200': {
        description: 'The report; this view is recorded in its audit trail.',
        headers,
        content: content('ReportView'),
      },
      ...staffErrors,
      '404': error("No report with this reference in the caller's community."),
    },
  },
  'POST /api/office/reports/{ref}/actions': {
    operationId: 'act',
    security: staff,
    parameters: [refParameter],
    requestBody: { required: true, content: content('Action') },
    responses: {
      '200': { description: 'Done: the report as it now stands.', headers, content: content('ReportView') },
      ...staffErrors,
      '400': error('Not a valid action.'),
      '404': error("No report with this reference in the caller's community."),
      '409': {
        description: 'Not allowed from this status, or changed meanwhile.',
        headers,
        content: content('Conflict'),
      },
    },
  },
  'GET /api/office/alerts': {
    operationId: 'alerts',
    security: staff,
    responses: { '200': { description: 'The outbox.', headers, content: content('Alerts') }, ...staffErrors },
  },
  'GET /api/office/stats': {
    operationId: 'stats',
    security: staff,
    responses: {
      '200': { description: "The lead's dashboard.", headers, content: content('Stats') },
      ...staffErrors,
    },
  },
  'GET /api/office/export.csv': {
    operationId: 'exportCsv',
    security: staff,
    responses: {
      '200': {
        description: 'CSV, non-identifying fields only.',
        headers,
        content: { 'text/csv': { schema: { type: 'string' } } },
      },
      ...staffErrors,
    },
  },
  'GET /api/trainer/workshops': {
    operationId: 'workshops',
    security: staff,
    description: 'Trainers and reviewers; `office` and `lead` get 403.',
    responses: {
      '200': { description: "The community's workshops.", headers, content: content('WorkshopList') },
      ...staffErrors,
    },
  },
  'POST /api/trainer/workshops': {
    operationId: 'createWorkshop',
    security: staff,
    description:
      "Trainers. A session's `workshop` is the workshop's `translationKey`; leave a new session's `id` out.",
    requestBody: { required: true, content: content('WorkshopCreate') },
    responses: {
      '201': {
        description: 'Started as a draft; `Location` names it.',
        headers,
        content: content('WorkshopView'),
      },
      ...staffErrors,
      '400': error('Not a valid workshop or session; nothing was written.'),
      '409': {
        description: '`translation_key_taken`: the curriculum or another workshop has this language and key.',
        headers,
        content: content('WorkshopConflict'),
      },
      '413': error('The body is over 64 KB.'),
      '415': error('The body is not application/json.'),
    },
  },
  'GET /api/trainer/workshops/{id}': {
    operationId: 'workshop',
    security: staff,
    parameters: [idParameter],
    responses: {
      '200': { description: 'The workshop.', headers, content: content('WorkshopView') },
      ...staffErrors,
      '404': error("No workshop with this id in the caller's community."),
    },
  },
  'PUT /api/trainer/workshops/{id}': {
    operationId: 'saveWorkshop',
    security: staff,
    description:
      'Trainers. Allowed in `draft` and `published` (which makes a new draft; the live version stays up). ' +
      'A session keeps its `id`; `language` and `translationKey` cannot change.',
    parameters: [idParameter],
    requestBody: { required: true, content: content('WorkshopSave') },
    responses: {
      '200': {
        description: 'Saved: the workshop as it now stands.',
        headers,
        content: content('WorkshopView'),
      },
      ...staffErrors,
      '400': error('Not a valid workshop or session; nothing was written.'),
      '404': error("No workshop with this id in the caller's community."),
      '409': {
        description: '`wrong_state` (in review) or `stale_version`, with the workshop as it stands now.',
        headers,
        content: content('WorkshopConflict'),
      },
    },
  },
  'POST /api/trainer/workshops/{id}/actions': {
    operationId: 'reviewWorkshop',
    security: staff,
    description:
      '`submit` (trainers), `return` (reviewers, `comment` required), `publish` and `unpublish` (reviewers). ' +
      'A reviewer who wrote or edited the workshop cannot return or publish it (403 `own_workshop`). ' +
      'Publishing and unpublishing ask for a rebuild of the public site.',
    parameters: [idParameter],
    requestBody: { required: true, content: content('WorkshopAction') },
    responses: {
      '200': {
        description: 'Done: the workshop as it now stands.',
        headers,
        content: content('WorkshopView'),
      },
      ...staffErrors,
      '400': error('Not a valid step; nothing was written.'),
      '404': error("No workshop with this id in the caller's community."),
      '409': {
        description: '`wrong_state` or `stale_version`, with the workshop as it stands now.',
        headers,
        content: content('WorkshopConflict'),
      },
    },
  },
  'POST /api/trainer/workshops/{id}/handouts': {
    operationId: 'addHandout',
    security: staff,
    description:
      'Trainers. The body is the file itself, PDF, JPEG or PNG, at most 4 MB, checked by its signature; its ' +
      'metadata is removed before it is stored (PDF information and XMP; JPEG EXIF, XMP, IPTC, comments; ' +
      'PNG text, time and EXIF chunks). A workshop keeps at most 5; a published one becomes a draft again.',
    parameters: [
      idParameter,
      {
        name: 'name',
        in: 'query',
        required: false,
        description: 'The file name to show; paths and control characters are dropped, 120 characters kept.',
        schema: { type: 'string' },
      },
    ],
    requestBody: {
      required: true,
      content: Object.fromEntries(
        ['application/pdf', 'image/jpeg', 'image/png'].map((type) => [
          type,
          { schema: { type: 'string', format: 'binary' } },
        ]),
      ),
    },
    responses: {
      '201': { description: 'Stored without its metadata.', headers, content: content('Handout') },
      ...staffErrors,
      '404': error("No workshop with this id in the caller's community."),
      '409': {
        description: '`too_many_handouts`; or `wrong_state` (in review), with the workshop as it stands now.',
        headers,
        content: {
          'application/json': {
            schema: {
              oneOf: ['Error', 'WorkshopConflict'].map((ref) => ({ $ref: `#/components/schemas/${ref}` })),
            },
          },
        },
      },
      '413': error('`too_large`: over 4 MB.'),
      '415': error('`unsupported_type`: not PDF, JPEG or PNG, or the bytes are not what the type says.'),
      '422': error('`unreadable_file`: the file cannot be read as its type.'),
    },
  },
  'DELETE /api/trainer/workshops/{id}/handouts/{handout}': {
    operationId: 'removeHandout',
    security: staff,
    description: 'Trainers. Its file is deleted unless the live version still shows it.',
    parameters: [idParameter, { name: 'handout', in: 'path', required: true, schema: { type: 'string' } }],
    responses: {
      '200': {
        description: 'Removed: the workshop as it now stands.',
        headers,
        content: content('WorkshopView'),
      },
      ...staffErrors,
      '404': error("No workshop with this id in the caller's community, or no such handout in its draft."),
      '409': {
        description: '`wrong_state` (in review), with the workshop as it stands now.',
        headers,
        content: content('WorkshopConflict'),
      },
    },
  },
  'GET /api/trainer/site-build': {
    operationId: 'siteBuild',
    security: staff,
    description: 'Trainers and reviewers. The console shows it after a publish or an unpublish.',
    responses: {
      '200': { description: "Where the site's rebuild is.", headers, content: content('SiteBuild') },
      ...staffErrors,
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
      securitySchemes: {
        staffToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito access token (locally, the same shape from the local OpenID provider).',
        },
      },
      schemas: {
        ReportRequest: jsonSchema(reportRequestSchema(communityIds), 'input'),
        ReportAccepted: jsonSchema(reportAcceptedSchema),
        Challenge: jsonSchema(challengeSchema),
        FollowupRequest: jsonSchema(followupRequestSchema, 'input'),
        Followup: jsonSchema(followupSchema),
        MessageRequest: jsonSchema(messageRequestSchema, 'input'),
        MessageAccepted: jsonSchema(messageAcceptedSchema),
        Transparency: jsonSchema(transparencySchema),
        OfficeConfig: jsonSchema(officeConfigSchema),
        Me: jsonSchema(meSchema),
        QueuePage: jsonSchema(queuePageSchema),
        Counts: jsonSchema(countsSchema),
        ReportView: jsonSchema(reportViewSchema),
        Action: jsonSchema(actionSchema, 'input'),
        Conflict: jsonSchema(conflictSchema),
        Alerts: jsonSchema(alertsSchema),
        Stats: jsonSchema(statsSchema),
        WorkshopList: jsonSchema(workshopListSchema),
        WorkshopCreate: jsonSchema(createWorkshopSchema, 'input'),
        WorkshopSave: jsonSchema(saveWorkshopSchema, 'input'),
        WorkshopAction: jsonSchema(workshopActionSchema, 'input'),
        WorkshopView: jsonSchema(workshopViewSchema),
        WorkshopConflict: jsonSchema(workshopConflictSchema),
        Handout: jsonSchema(handoutSchema),
        SiteBuild: jsonSchema(siteBuildSchema),
        Health: jsonSchema(healthSchema),
        Error: jsonSchema(errorBodySchema),
      },
    },
  };
}
