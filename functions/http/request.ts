/** Reading API Gateway HTTP API (payload 2.0) requests: headers, the JSON body and its language. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { InvalidRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../domain/errors.ts';
import { isLanguage, type Language, pickLanguage } from '../domain/languages.ts';

/** The largest body the API reads. */
const maxBodyBytes = 64 * 1024;

/** A header's value; API Gateway lower-cases names in payload 2.0. */
export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  return event.headers?.[name.toLowerCase()];
}

/** The language the caller reads, from their `Accept-Language`; used before a body is read. */
export function acceptedLanguage(event: APIGatewayProxyEventV2): Language {
  return pickLanguage(header(event, 'accept-language'));
}

/** The `language` a body asks for, when it names one we speak. */
function bodyLanguage(body: unknown): Language | undefined {
  const language = body && typeof body === 'object' ? (body as { language?: unknown }).language : undefined;
  return isLanguage(language) ? language : undefined;
}

function isJson(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/**
 * Reads a JSON body, refusing other content types (415), bodies over 64 KB (413) and text that
 * is not JSON (400). Returns the parsed value and the language to answer in.
 */
export function readJsonBody(event: APIGatewayProxyEventV2): { body: unknown; language: Language } {
  const fallback = acceptedLanguage(event);
  const raw = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (raw.byteLength > maxBodyBytes) throw new PayloadTooLargeError();
  if (!isJson(header(event, 'content-type'))) throw new UnsupportedMediaTypeError();
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw new InvalidRequestError('invalid_json', { language: fallback });
  }
  return { body, language: bodyLanguage(body) ?? fallback };
}
