/**
 * A refused handout change as the API's error, in the caller's language: the review rules'
 * reasons (workshop-refusals.ts), five handouts already, or no such workshop or handout. Pure.
 */
import { HandoutRefusedError } from './errors.ts';
import type { Language } from './languages.ts';
import type { WorkshopView } from './workshop-contract.ts';
import { refusalError, workshopNotFound } from './workshop-refusals.ts';
import type { Refusal } from './workshop-review.ts';

/**
 * The error for a refused change: 403 `forbidden`, 409 `wrong_state` or `stale_version` (with
 * the workshop as it stands), 409 `too_many_handouts`, 404 `not_found`.
 */
export function handoutRefusalError(
  refusal: Refusal | 'too_many_handouts' | 'not_found',
  language: Language,
  current: WorkshopView | undefined,
): Error {
  if (refusal === 'too_many_handouts') return new HandoutRefusedError(refusal, { language });
  if (refusal === 'not_found' || !current) return workshopNotFound(language);
  return refusalError(refusal, language, current);
}
