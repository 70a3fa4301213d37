/**
 * The trainer console's refusals as the API's errors, in the caller's language: the review
 * rules' reasons (workshop-review.ts), a workshop that isn't there, and request problems the
 * schema can't see. Pure.
 */
import {
  ConflictError,
  ForbiddenError,
  InvalidRequestError,
  NotFoundError,
  OwnWorkshopError,
} from './errors.ts';
import type { FieldIssue } from './issues.ts';
import type { Language } from './languages.ts';
import { issueMessages } from './messages.ts';
import type { WorkshopView } from './workshop-contract.ts';
import type { Refusal } from './workshop-review.ts';

/**
 * The error for a refused step: 403 `forbidden` or `own_workshop`; 409 `stale_version` or
 * `wrong_state`, carrying the workshop as it stands now so the console can show it.
 */
export function refusalError(refusal: Refusal, language: Language, current: WorkshopView): Error {
  switch (refusal) {
    case 'forbidden':
      return new ForbiddenError(language);
    case 'own_workshop':
      return new OwnWorkshopError(language);
    case 'stale_version':
    case 'wrong_state':
      return new ConflictError(refusal, { language, current });
  }
}

/** 404 in the caller's language: no workshop with this id in their community, said as if none. */
export function workshopNotFound(language: Language): NotFoundError {
  const error = new NotFoundError();
  error.language = language;
  return error;
}

/** 400 naming each field that may not change once a workshop exists and was changed. */
export function fixedFieldsError(
  before: { language: string; translationKey: string },
  after: { language: string; translationKey: string },
  language: Language,
): InvalidRequestError | undefined {
  const issues: FieldIssue[] = (['language', 'translationKey'] as const)
    .filter((name) => before[name] !== after[name])
    .map((name) => ({
      path: ['workshop', name],
      message: issueMessages.fixedAfterCreate[language].replace('{field}', `workshop.${name}`),
    }));
  return issues.length ? new InvalidRequestError('invalid_request', { language, issues }) : undefined;
}
