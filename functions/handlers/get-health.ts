/** GET /api/health — says the API is up. Touches nothing, so it stays up when all else is down. */
import { httpHandler } from '../http/handler.ts';
import { jsonResponse } from '../http/response.ts';

/** Lambda entry point. */
export const handler = httpHandler(async () => jsonResponse(200, { status: 'ok' }));
