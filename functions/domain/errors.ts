/**
 * Every error the functions answer with. Each has an explicit name (minifiers can't mangle it),
 * an HTTP status, an API error code, and a `toJSON()` that speaks the request's language.
 */

import type { FieldIssue } from './issues.ts';
import { defaultLanguage, type Language } from './languages.ts';
import { type ErrorCode, errorMessages } from './messages.ts';

/** An error that becomes an API response with the standard error body. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  readonly headers: Record<string, string>;
  /** The language of the message; set where it is known, else by the handler wrapper. */
  language: Language | undefined;

  constructor(
    statusCode: number,
    code: ErrorCode,
    options: {
      issues?: FieldIssue[];
      headers?: Record<string, string>;
      language?: Language;
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.code = code;
    this.issues = options.issues;
    this.headers = options.headers ?? {};
    this.language = options.language;
  }

  /** The error body: `{ error, message, issues? }`. */
  toJSON(): { error: ErrorCode; message: string; issues?: FieldIssue[] } {
    const message = errorMessages[this.code][this.language ?? defaultLanguage];
    return this.issues ? { error: this.code, message, issues: this.issues } : { error: this.code, message };
  }
}

/** 400: the request can be read but is not acceptable; nothing was written. */
export class InvalidRequestError extends ApiError {
  constructor(
    code: 'invalid_report' | 'invalid_json' | 'invalid_idempotency_key' | 'invalid_request',
    options: { issues?: FieldIssue[]; language?: Language } = {},
  ) {
    super(400, code, options);
    this.name = 'InvalidRequestError';
  }
}

/** 400: the proof of work is missing, malformed, expired, reused or wrong; nothing was written. */
export class ProofOfWorkError extends ApiError {
  constructor(language: Language) {
    super(400, 'proof_of_work', { language });
    this.name = 'ProofOfWorkError';
  }
}

/** 404: no report for this receipt. Said the same way whether or not it ever existed. */
export class ReceiptNotFoundError extends ApiError {
  constructor(language: Language) {
    super(404, 'receipt_not_found', { language });
    this.name = 'ReceiptNotFoundError';
  }
}

/** 429: a deployment-wide cap on reports per hour is reached; `Retry-After` says when it resets. */
export class TooManyReportsError extends ApiError {
  constructor(language: Language, retryAfterSeconds: number) {
    super(429, 'too_many_reports', { language, headers: { 'retry-after': String(retryAfterSeconds) } });
    this.name = 'TooManyReportsError';
  }
}

/** 401: no signed-in staff member (the JWT authorizer normally answers this before any function). */
export class UnauthorizedError extends ApiError {
  constructor(language: Language) {
    super(401, 'unauthorized', { language });
    this.name = 'UnauthorizedError';
  }
}

/** 403: signed in, but the role may not do this. */
export class ForbiddenError extends ApiError {
  constructor(language: Language) {
    super(403, 'forbidden', { language });
    this.name = 'ForbiddenError';
  }
}

/** 403: a reviewer may not send back or publish a workshop they wrote or edited themselves. */
export class OwnWorkshopError extends ApiError {
  constructor(language: Language) {
    super(403, 'own_workshop', { language });
    this.name = 'OwnWorkshopError';
  }
}

/**
 * 409: the move isn't allowed from the report's status (with the moves that are); the report or
 * workshop changed since the caller read it (with how it stands now, so the console can show what
 * changed); a workshop's step isn't open in its state; or a workshop's translation key is taken.
 */
export class ConflictError extends ApiError {
  readonly allowed: readonly string[] | undefined;
  readonly current: unknown;

  constructor(
    code: 'invalid_transition' | 'stale_version' | 'wrong_state' | 'translation_key_taken',
    options: { language: Language; allowed?: readonly string[]; current?: unknown },
  ) {
    super(409, code, { language: options.language });
    this.name = 'ConflictError';
    this.allowed = options.allowed;
    this.current = options.current;
  }

  override toJSON() {
    return {
      ...super.toJSON(),
      ...(this.allowed ? { allowed: [...this.allowed] } : {}),
      ...(this.current !== undefined ? { current: this.current } : {}),
    };
  }
}

/** 422: an Idempotency-Key was sent again with a different body. */
export class IdempotencyConflictError extends ApiError {
  constructor(language: Language) {
    super(422, 'idempotency_key_reused', { language });
    this.name = 'IdempotencyConflictError';
  }
}

/**
 * A handout file refused: 413 `too_large` (over 4 MB), 415 `unsupported_type` (not PDF, JPEG or
 * PNG), 422 `unreadable_file` (its bytes are not what its type says), 409 `too_many_handouts`.
 */
export class HandoutRefusedError extends ApiError {
  constructor(
    code: 'too_large' | 'unsupported_type' | 'unreadable_file' | 'too_many_handouts',
    options: { language: Language; cause?: unknown },
  ) {
    const status = { too_large: 413, unsupported_type: 415, unreadable_file: 422, too_many_handouts: 409 };
    super(status[code], code, options);
    this.name = 'HandoutRefusedError';
  }
}

/**
 * A file's bytes break the rules of the format they claim (a JPEG segment running past the end,
 * a PNG chunk with a wrong CRC, a PDF without a catalog); the upload answers 422 `unreadable_file`.
 */
export class MalformedFileError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'MalformedFileError';
  }
}

/** 413: the body is over the size limit. */
export class PayloadTooLargeError extends ApiError {
  constructor() {
    super(413, 'payload_too_large');
    this.name = 'PayloadTooLargeError';
  }
}

/** 415: the body is not JSON. */
export class UnsupportedMediaTypeError extends ApiError {
  constructor() {
    super(415, 'unsupported_media_type');
    this.name = 'UnsupportedMediaTypeError';
  }
}

/** 404: nothing here, or nothing this caller may know exists. */
export class NotFoundError extends ApiError {
  constructor() {
    super(404, 'not_found');
    this.name = 'NotFoundError';
  }
}

/** 405: the path exists but not with this method. */
export class MethodNotAllowedError extends ApiError {
  constructor(allowed: readonly string[]) {
    super(405, 'method_not_allowed', { headers: { allow: allowed.join(', ') } });
    this.name = 'MethodNotAllowedError';
  }
}

/** 503: the database refused or could not be reached; nothing was acknowledged. */
export class StoreUnavailableError extends ApiError {
  constructor(cause: unknown) {
    super(503, 'service_unavailable', { headers: { 'retry-after': '5' }, cause });
    this.name = 'StoreUnavailableError';
  }
}
