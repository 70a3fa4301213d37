/** Validation at the boundary, once: a schema failure becomes a 400 with readable issues. */
import type * as z from 'zod/mini';
import { InvalidRequestError } from '../domain/errors.ts';
import { describeIssues } from '../domain/issues.ts';
import type { Language } from '../domain/languages.ts';

/**
 * Parses `value` with `schema`, or throws a 400 listing every problem in `language`: the code is
 * `invalid_report` for a report, `invalid_request` for anything else.
 * @example const report = parseOrThrow(schema, body, language, 'invalid_report');
 */
export function parseOrThrow<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  language: Language,
  code: 'invalid_report' | 'invalid_request' = 'invalid_request',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidRequestError(code, {
    issues: describeIssues(
      result.error.issues,
      value,
      language,
      code === 'invalid_report' ? 'report' : 'request',
    ),
    language,
  });
}
