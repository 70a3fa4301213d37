/**
 * Hostile calls to any route of the API, public or staff, shared by the property test and the
 * benchmark: the path's parameters, the query string, a few headers and, for POST and PUT, the
 * body, each generated. A parameter is sometimes the name of something real (a report, a
 * workshop, a handout), so a call can get past "not found" to the handler's own validation.
 */
import fc from 'fast-check';
import { actionSchema } from '../../functions/domain/workflow.ts';
import { reviewActions } from '../../functions/domain/workshop-review.ts';
import type { Route } from '../../functions/routes.ts';
import { type Answer, type HostileRequest, hostileRequest, hostileText } from './hostile.ts';
import { sampleSession, sampleWorkshop } from './workshops.ts';

/** Real things a call may name: `{ref}`, `{id}` and `{handout}` values that exist. */
export type RealTargets = Record<string, string>;

/** One generated call, ready to send. */
export interface HostileCall {
  kind: string;
  method: Route['method'];
  /** The path with its parameters filled in, as it goes on the wire. */
  path: string;
  /** The query string, without `?`; empty for none. */
  query: string;
  headers: Record<string, string>;
  /**
   * True when the call may legitimately succeed and write: every path parameter names something
   * real, and the body (if any) is shaped for the route rather than generic junk.
   */
  maySucceed: boolean;
  body?: HostileRequest;
}

/** `encodeURIComponent`, except that a lone surrogate goes on the wire as it is, percent-mangled. */
const encode = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return escape(text);
  }
};

const malformedSegment = fc.constantFrom(
  '%',
  '%E0%A4%A',
  '%zz',
  '%00',
  '%C0%AF',
  '%2e%2e',
  '..%2F..%2Fetc%2Fpasswd',
  '%F0%9F%98',
  '%25%32%65',
  '__proto__',
  'constructor',
);

/** A path parameter: the real one, one nearly like it, or anything at all. */
function segment(real: string | undefined): fc.Arbitrary<{ value: string; real: boolean }> {
  const fake = fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }).map(encode) },
    { weight: 2, arbitrary: malformedSegment },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 3_000 }).map((n) => 'A'.repeat(n)) },
    ...(real
      ? [
          {
            weight: 2,
            arbitrary: fc
              .constantFrom(real.toLowerCase(), `${real} `, `${real}x`, real.slice(1), `${real}%00`)
              .map(encode),
          },
        ]
      : []),
  );
  const named = fake.map((value) => ({ value, real: false }));
  if (!real) return named;
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant({ value: encode(real), real: true }) },
    { weight: 6, arbitrary: named },
  );
}

/** Query keys some route reads, and ones no route should trust. */
const queryKeys = [
  'status',
  'category',
  'ageBand',
  'cursor',
  'limit',
  'for',
  'name',
  'month',
  'community',
  'language',
  '__proto__',
  'constructor',
];
const queryValue = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom('new', 'closed', 'neglect', '0-7', '0', '-1', '999', '1e9', 'NaN', '[]', 'true'),
  hostileText,
);
const query = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...queryKeys), fc.string({ maxLength: 12 })), queryValue), {
        maxLength: 6,
      })
      .map((pairs) => new URLSearchParams(pairs).toString()),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '%',
      'limit=%E0%A4%A',
      '&&&=',
      'cursor=%00%ff',
      'status=new&status=closed',
      '==',
    ),
  },
);

const headers = fc.record(
  {
    'accept-language': fc.oneof(
      fc.constantFrom('en', 'zh-CN', 'fr;q=2', '*', ''),
      fc.string({ maxLength: 40 }),
    ),
    'idempotency-key': fc.oneof(fc.uuid(), fc.string({ maxLength: 100 })),
  },
  { requiredKeys: [] },
);

/** A JSON value where one field of `valid` is replaced, removed or joined by another. */
function mutated(
  valid: Record<string, unknown>,
  extraKeys: string[] = [],
): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      fc.constantFrom(...Object.keys(valid), ...extraKeys, 'unexpected'),
      fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileText, fc.constant(undefined)),
    )
    .map(([key, value]) => {
      const copy: Record<string, unknown> = { ...valid };
      if (value === undefined) delete copy[key];
      else copy[key] = value;
      return copy;
    });
}

/** Every action's name, from the schema the handler validates with. */
const officeActions = actionSchema._zod.def.options.map((option) =>
  String(option._zod.def.shape.action._zod.def.values[0]),
);
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileText, fc.nat({ max: 5 }));
const officeAction = fc
  .record({
    action: fc.oneof(fc.constantFrom(...officeActions), fc.string({ maxLength: 12 })),
    expectedVersion: fc.oneof(fc.integer({ min: -1, max: 4 }), fc.jsonValue()),
  })
  .chain((base) =>
    fc
      .dictionary(
        fc.constantFrom(
          'priority',
          'assignee',
          'body',
          'agency',
          'method',
          'on',
          'contactPerson',
          'of',
          'outcome',
          'reason',
          'x',
        ),
        anyValue,
        { maxKeys: 4 },
      )
      .map((fields) => ({ ...fields, ...base })),
  );
const workshopDraft = fc.uuid().chain((uuid) =>
  fc.record({
    workshop: mutated(sampleWorkshop('en', `fuzz-${uuid.slice(0, 8)}`)),
    sessions: fc.oneof(
      fc.constant([sampleSession()]),
      fc.array(mutated(sampleSession()), { maxLength: 2 }),
      anyValue,
    ),
  }),
);
const workshopSave = fc
  .record({ version: fc.oneof(fc.integer({ min: 0, max: 4 }), anyValue) })
  .chain((base) => workshopDraft.map((draft) => ({ ...base, ...draft })));
const workshopAction = fc.record(
  {
    action: fc.oneof(fc.constantFrom(...reviewActions), fc.string({ maxLength: 10 })),
    version: fc.oneof(fc.integer({ min: 0, max: 4 }), anyValue),
    comment: anyValue,
    language: fc.oneof(fc.constantFrom('en', 'zh-CN'), anyValue),
  },
  { requiredKeys: ['action'] },
);
/** A file that claims a handout's type: its magic bytes, then anything. */
const handoutFile = fc
  .tuple(
    fc.constantFrom<[string, number[]]>(
      ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
      ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
      ['image/jpeg', [0xff, 0xd8, 0xff, 0xe0]],
      ['image/gif', [0x47, 0x49, 0x46, 0x38]],
    ),
    fc.boolean(),
    fc.uint8Array({ maxLength: 3_000 }),
  )
  .map(
    ([[contentType, magic], withMagic, rest]): HostileRequest => ({
      kind: 'handout-shaped bytes',
      contentType,
      body: Uint8Array.from([...(withMagic ? magic : []), ...rest]),
    }),
  );

const asJson = (kind: string, value: fc.Arbitrary<unknown>) =>
  value.map(
    (v): HostileRequest => ({
      kind,
      contentType: 'application/json',
      body: new TextEncoder().encode(JSON.stringify(v)),
    }),
  );

const shapedKinds = new Set([
  'office action',
  'workshop draft',
  'workshop save',
  'review step',
  'handout-shaped bytes',
]);

/** Bodies shaped for the route, beside the generic hostile ones. */
function shapedBody(route: Pick<Route, 'method' | 'path'>): fc.Arbitrary<HostileRequest> | undefined {
  const key = `${route.method} ${route.path}`;
  if (key.endsWith('/api/office/reports/{ref}/actions')) return asJson('office action', officeAction);
  if (key === 'POST /api/trainer/workshops') return asJson('workshop draft', workshopDraft);
  if (key === 'PUT /api/trainer/workshops/{id}') return asJson('workshop save', workshopSave);
  if (key.endsWith('/{id}/actions')) return asJson('review step', workshopAction);
  if (key.endsWith('/{id}/handouts')) return handoutFile;
  return undefined;
}

/**
 * Calls to `route`: its path parameters from `targets` or generated, a generated query string,
 * headers, and a body for POST and PUT.
 * @example fc.sample(hostileCall(route, { ref: 'ABCDE-FGHJK' }), 100)
 */
export function hostileCall(
  route: Pick<Route, 'method' | 'path'>,
  targets: RealTargets,
): fc.Arbitrary<HostileCall> {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  const shaped = shapedBody(route);
  const body =
    route.method === 'POST' || route.method === 'PUT'
      ? shaped
        ? fc.oneof({ weight: 3, arbitrary: hostileRequest }, { weight: 1, arbitrary: shaped })
        : hostileRequest
      : fc.constant(undefined);
  return fc
    .record({
      params: fc.tuple(...names.map((name) => segment(targets[name]))),
      query,
      headers,
      body,
    })
    .map(({ params, query, headers, body }) => {
      let i = 0;
      const path = route.path.replace(/\{\w+\}/g, () => params[i++]?.value ?? '');
      return {
        kind: body?.kind ?? (query ? 'query string' : 'path'),
        method: route.method,
        path,
        query,
        headers,
        maySucceed: params.every((p) => p.real) && (!body || shapedKinds.has(body.kind)),
        ...(body ? { body } : {}),
      };
    });
}

/** Sends one call with `token` as the staff member's bearer token, if given; status 0 if nothing answered. */
export async function sendCall(baseUrl: string, call: HostileCall, token?: string): Promise<Answer> {
  let response: Response;
  try {
    response = await send(baseUrl, call, token);
  } catch {
    // No answer at all (the connection closed or was refused): status 0, which no tally accepts.
    return { status: 0, contentType: '', body: '' };
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

function send(baseUrl: string, call: HostileCall, token?: string): Promise<Response> {
  return fetch(`${baseUrl}${call.path}${call.query ? `?${call.query}` : ''}`, {
    method: call.method,
    headers: {
      ...call.headers,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(call.body?.contentType ? { 'content-type': call.body.contentType } : {}),
    },
    ...(call.body ? { body: call.body.body } : {}),
  });
}
