/**
 * Hostile input for the public API, shared by the property test (a few thousand cases) and the
 * benchmark (tens of thousands): random JSON, wrong types, huge strings, deep nesting, invalid
 * UTF-8, prototype keys, wrong content types and truncated bodies.
 */
import fc from 'fast-check';
import { categories, reportFields } from '../../functions/domain/report.ts';
import { markupPayloads } from './markup-payloads.ts';

/** One request body as it goes on the wire. */
export interface HostileRequest {
  kind: string;
  contentType: string | undefined;
  body: Uint8Array;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const json = (kind: string, value: fc.Arbitrary<unknown>) =>
  value.map(
    (v): HostileRequest => ({
      kind,
      contentType: 'application/json',
      body: utf8(JSON.stringify(v) ?? 'null'),
    }),
  );

/** Fields any public route knows, so objects look almost right. */
const knownKeys = [
  ...reportFields,
  'receipt',
  'body',
  'altcha',
  'website',
  '__proto__',
  'constructor',
  'prototype',
];

const nearlyRight = fc.dictionary(fc.constantFrom(...knownKeys), fc.jsonValue({ maxDepth: 2 }), {
  maxKeys: 12,
});

const wrongTypes = fc.record({
  categories: fc.oneof(fc.constant(categories), fc.jsonValue()),
  reporterRole: fc.jsonValue(),
  childAgeBand: fc.jsonValue(),
  immediateDanger: fc.jsonValue(),
  description: fc.jsonValue(),
  receipt: fc.oneof(fc.string(), fc.nat(), fc.constant('0000 0000 0000 0000')),
  body: fc.jsonValue(),
  language: fc.oneof(fc.constantFrom('zh-CN', 'en', 'fr'), fc.jsonValue()),
  altcha: fc.oneof(fc.string(), fc.base64String(), fc.jsonValue()),
});

const huge = fc
  .tuple(
    fc.constantFrom('description', 'body', 'receipt', 'altcha', 'location'),
    fc.integer({ min: 5_000, max: 80_000 }),
  )
  .map(([key, length]) => ({ [key]: '长'.repeat(length), language: 'en' }));

const deep = fc.integer({ min: 50, max: 5_000 }).map(
  (depth): HostileRequest => ({
    kind: 'deep nesting',
    contentType: 'application/json',
    body: utf8(`${'['.repeat(depth)}${']'.repeat(depth)}`),
  }),
);

const protoKeys = fc.constantFrom(
  '{"__proto__":{"polluted":true},"language":"en"}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"categories":{"__proto__":[]},"language":"zh-CN"}',
  '{"__proto__":null}',
);

const invalidUtf8 = fc.uint8Array({ minLength: 1, maxLength: 2_000 }).map(
  (bytes): HostileRequest => ({
    kind: 'invalid UTF-8',
    contentType: 'application/json',
    body: Uint8Array.from([0x7b, 0x22, 0xc3, 0x28, ...bytes]),
  }),
);

const wrongType = fc
  .tuple(
    fc.constantFrom(
      undefined,
      'text/plain',
      'application/xml',
      'multipart/form-data; boundary=x',
      'application/jsonx',
      'image/png',
    ),
    fc.string({ maxLength: 500 }),
  )
  .map(
    ([contentType, text]): HostileRequest => ({ kind: 'wrong content type', contentType, body: utf8(text) }),
  );

const truncated = fc
  .tuple(
    fc.record({
      description: fc.string(),
      receipt: fc.string(),
      categories: fc.array(fc.string()),
      language: fc.constant('en'),
    }),
    fc.nat(),
  )
  .map(([value, cut]): HostileRequest => {
    const text = JSON.stringify(value);
    return {
      kind: 'truncated body',
      contentType: 'application/json',
      body: utf8(text.slice(0, cut % Math.max(1, text.length - 1))),
    };
  });

/**
 * Text that is hostile somewhere, at most a few hundred characters: markup and script, control
 * characters, bidirectional overrides, lone surrogates, anything.
 */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...markupPayloads.map((payload) => payload.text)),
  fc.constantFrom('\u0000', '\u202eevil\u202c', '\ud800', '\r\n\r\nX-Injected: 1', '   ', '０１２３'),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

/** Every kind of hostile body, weighted evenly. */
export const hostileRequest: fc.Arbitrary<HostileRequest> = fc.oneof(
  json('random JSON', fc.jsonValue()),
  json('nearly right', nearlyRight),
  json('wrong types', wrongTypes),
  json('huge strings', huge),
  deep,
  protoKeys.map(
    (text): HostileRequest => ({ kind: 'prototype keys', contentType: 'application/json', body: utf8(text) }),
  ),
  invalidUtf8,
  wrongType,
  truncated,
);

/** What the API answered, as the property needs it. */
export interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/** Sends one hostile request. */
export async function sendHostile(url: string, request: HostileRequest): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: request.contentType ? { 'content-type': request.contentType } : {},
    body: request.body,
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

/**
 * True when an answer is what bad input must get: a 4xx, and the API's error shape
 * (`{ error, message, issues? }`), or, for a form post, an HTML page.
 */
export function isProperRefusal(answer: Answer): boolean {
  if (answer.status < 400 || answer.status > 499) return false;
  if (answer.contentType.startsWith('text/html')) return answer.body.includes('<html');
  try {
    const body = JSON.parse(answer.body) as { error?: unknown; message?: unknown };
    return typeof body.error === 'string' && typeof body.message === 'string' && body.message.length > 0;
  } catch {
    return false;
  }
}
