/** GET /api/openapi.json — the API's OpenAPI document, generated from the schemas at cold start. */
import { deployment } from '../config.ts';
import { httpHandler } from '../http/handler.ts';
import { openApiDocument } from '../http/openapi.ts';
import { jsonResponse } from '../http/response.ts';

const document = openApiDocument(deployment.communities.map((community) => community.id));

/** Lambda entry point. */
export const handler = httpHandler(async () => jsonResponse(200, document));
