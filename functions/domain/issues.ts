/**
 * Turns schema issues into messages a person can act on, in their language. Pure.
 */
import type * as z from 'zod/mini';
import { fieldLabels } from './labels.ts';
import type { Language } from './languages.ts';
import { issueMessages, ruleIssues } from './messages.ts';

/** One problem with a request, as the API reports it. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

type IssueKind = keyof typeof issueMessages;

function fill(kind: IssueKind, language: Language, values: Record<string, string | number>): string {
  return issueMessages[kind][language].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

function fieldName(path: readonly PropertyKey[], language: Language): string {
  const top = path[0];
  const label = typeof top === 'string' ? fieldLabels[top as keyof typeof fieldLabels] : undefined;
  return label ? label[language] : path.map(String).join('.');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The length a person counted: trimmed, as the schema measured it. */
function lengthOf(value: unknown): number {
  if (typeof value === 'string') return value.trim().length;
  return Array.isArray(value) ? value.length : 0;
}

/** What a body is: a report (the public form's words), or any other request. */
export type Subject = 'report' | 'request';

function describe(
  issue: z.core.$ZodIssue,
  input: unknown,
  language: Language,
  subject: Subject,
): FieldIssue[] {
  const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
  const field = fieldName(issue.path, language);
  const missing = path.length > 0 && valueAt(input, issue.path) === undefined;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: fill(subject === 'report' ? 'unknownField' : 'unknownRequestField', language, {
          field: key,
        }),
      }));
    case 'invalid_type':
      if (path.length === 0)
        return [
          { path, message: fill(subject === 'report' ? 'notAnObject' : 'notARequestObject', language, {}) },
        ];
      return [{ path, message: fill(missing ? 'required' : 'wrongType', language, { field }) }];
    case 'too_small': {
      const count = lengthOf(valueAt(input, issue.path));
      const kind = issue.origin === 'array' ? 'tooFewChoices' : 'textTooShort';
      return [{ path, message: fill(kind, language, { field, min: Number(issue.minimum), count }) }];
    }
    case 'too_big': {
      const count = lengthOf(valueAt(input, issue.path));
      const kind = issue.origin === 'array' ? 'tooManyChoices' : 'textTooLong';
      return [{ path, message: fill(kind, language, { field, max: Number(issue.maximum), count }) }];
    }
    case 'invalid_value':
      return [{ path, message: fill(missing ? 'required' : 'notAnOption', language, { field }) }];
    case 'custom': {
      // A workshop or session rule, said in the person's words rather than the schema's.
      const rule = ruleIssues.get(issue.message);
      if (rule) return [{ path, message: fill(rule, language, { field }) }];
      return [
        {
          path,
          message: fill(issue.message === 'receipt' ? 'receiptFormat' : 'duplicateChoice', language, {
            field,
          }),
        },
      ];
    }
    default:
      return [{ path, message: fill('wrongType', language, { field }) }];
  }
}

/**
 * Describes every schema issue in `language`, one entry per problem, with the field's path.
 * `subject` says what the body is, for the messages about the body as a whole or a field it
 * shouldn't have.
 * @example describeIssues(result.error.issues, body, 'en')
 *   // [{ path: ['description'], message: 'What happened: please write at least 10 characters (you wrote 3).' }]
 */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  language: Language,
  subject: Subject = 'report',
): FieldIssue[] {
  return issues.flatMap((issue) => describe(issue, input, language, subject));
}
