/**
 * The trainer API's bodies as the console reads them (docs/workshop-publishing.md): types only,
 * from the contract's schemas and the one workshop schema, so nothing of zod reaches the bundle
 * through here.
 */
import type * as z from 'zod/mini';
import type { Session, Workshop } from '../../../../functions/domain/workshop.ts';
import type { handoutSchema } from '../../../../functions/domain/workshop-contract.ts';
import type { ReviewAction, WorkshopStatus } from '../../../../functions/domain/workshop-review.ts';

export type { SiteBuild } from '../../../../functions/domain/site-build.ts';
export type {
  WorkshopSummary,
  WorkshopView,
} from '../../../../functions/domain/workshop-contract.ts';
export type { Session, Workshop, WorkshopStatus };

/** A session as the editor sends it: its workshop is the workshop's key, its id kept once given. */
export type SessionInput = Omit<Session, 'workshop' | 'id'> & { id?: string };

/** A handout file of a workshop. */
export type Handout = z.output<typeof handoutSchema>;

/** What a trainer (submit) or a reviewer does to a workshop. */
export type WorkshopAction = ReviewAction;
