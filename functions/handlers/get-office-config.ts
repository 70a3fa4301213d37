/** GET /api/office/config — where the console signs staff in: the OpenID issuer and its client id. */
import { httpHandler } from '../http/handler.ts';
import { jsonResponse } from '../http/response.ts';
import { requireEnv } from '../store/env.ts';

const config = { issuer: requireEnv('OIDC_ISSUER'), clientId: requireEnv('OIDC_CLIENT_ID') };

/** Lambda entry point. */
export const handler = httpHandler(async () => jsonResponse(200, config));
