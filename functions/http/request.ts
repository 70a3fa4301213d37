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

/** The media type of the body, without parameters, lower-cased. */
export function mediaType(event: APIGatewayProxyEventV2): string | undefined {
  return header(event, 'content-type')?.split(';')[0]?.trim().toLowerCase();
}

/** The body's bytes, refusing more than 64 KB (413). */
function rawBody(event: APIGatewayProxyEventV2): Buffer {
  const raw = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (raw.byteLength > maxBodyBytes) throw new PayloadTooLargeError();
  return raw;
}

/**
 * Reads a JSON body, refusing other content types (415), bodies over 64 KB (413) and text that
 * is not JSON (400). Returns the parsed value and the language to answer in.
 */
export function readJsonBody(event: APIGatewayProxyEventV2): { body: unknown; language: Language } {
  const fallback = acceptedLanguage(event);
  const raw = rawBody(event);
  if (mediaType(event) !== 'application/json') throw new UnsupportedMediaTypeError();
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw new InvalidRequestError('invalid_json', { language: fallback });
  }
  return { body, language: bodyLanguage(body) ?? fallback };
}

/**
 * Reads an HTML form post (`application/x-www-form-urlencoded`) as the JSON body the same schema
 * validates: fields listed in `arrays` become arrays, checkboxes in `booleans` become true when
 * sent and false when not, and empty answers are left out. Invalid UTF-8 becomes U+FFFD, as
 * browsers never send it.
 */
export function readFormBody(
  event: APIGatewayProxyEventV2,
  shape: { arrays: readonly string[]; booleans: readonly string[] },
): { fields: Record<string, string | string[] | boolean>; language: Language } {
  const params = new URLSearchParams(rawBody(event).toString('utf8'));
  const fields: Record<string, string | string[] | boolean> = Object.create(null);
  for (const name of shape.booleans) fields[name] = false;
  for (const [name, value] of params) {
    if (shape.booleans.includes(name)) fields[name] = value !== '' && value !== 'false';
    else if (shape.arrays.includes(name))
      fields[name] = [...((fields[name] as string[] | undefined) ?? []), value];
    else if (value !== '') fields[name] = value;
  }
  return { fields: { ...fields }, language: bodyLanguage(fields) ?? acceptedLanguage(event) };
}
