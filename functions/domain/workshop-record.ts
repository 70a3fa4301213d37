/**
 * A trainer's workshop as it is kept (docs/workshop-publishing.md, "Storage"), and how the console
 * sees it. Pure: the store adds the keys and index attributes.
 */

import type { Session, Workshop } from './workshop.ts';
import type { HandoutType, WorkshopSummary, WorkshopView } from './workshop-contract.ts';
import type { ReviewState, WorkshopStatus } from './workshop-review.ts';

/** A handout file as kept: `key` says where its bytes are (`workshops/<id>/<handout id>.<ext>`). */
export interface StoredHandout {
  id: string;
  name: string;
  type: HandoutType;
  bytes: number;
  key: string;
}

/** A copy of a workshop: the working copy, or the snapshot that is live. */
export interface WorkshopCopy {
  workshop: Workshop;
  sessions: Session[];
  handouts: StoredHandout[];
}

/** The published snapshot: what the site build exports. */
export interface LiveCopy extends WorkshopCopy {
  /** The workshop's version when it was published. */
  version: number;
  publishedAt: string;
  publishedBy: string;
}

/** One step of the audit trail. `version` is the workshop's version the step made. */
export interface WorkshopAuditEntry {
  at: string;
  by: string;
  action: string;
  comment?: string;
  version: number;
}

/** A workshop, its working copy and its live snapshot. */
export interface WorkshopRecord {
  id: string;
  community: string;
  status: WorkshopStatus;
  version: number;
  draft: WorkshopCopy;
  live?: LiveCopy;
  authorName: string;
  editors: string[];
  createdAt: string;
  updatedAt: string;
  /** The step that made this version: written to the audit trail after the change, or on the next read. */
  lastEvent?: WorkshopAuditEntry;
}

/** What the review rules need of a record. */
export function reviewStateOf(record: WorkshopRecord): ReviewState {
  const { status, version, editors } = record;
  return { status, version, editors, live: record.live !== undefined };
}

/** A handout without where it is stored. */
const publicHandout = ({ id, name, type, bytes }: StoredHandout) => ({ id, name, type, bytes });

/** The console's view of a workshop and its audit trail (oldest first). */
export function workshopView(record: WorkshopRecord, audit: readonly WorkshopAuditEntry[]): WorkshopView {
  const steps = [...audit].sort((a, b) => a.at.localeCompare(b.at) || a.version - b.version);
  return {
    id: record.id,
    status: record.status,
    version: record.version,
    workshop: record.draft.workshop,
    sessions: record.draft.sessions,
    handouts: (record.draft.handouts ?? []).map(publicHandout),
    authorName: record.authorName,
    editors: record.editors,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    live: record.live
      ? {
          version: record.live.version,
          publishedAt: record.live.publishedAt,
          publishedBy: record.live.publishedBy,
        }
      : null,
    comments: steps.flatMap(({ at, by, comment }) => (comment ? [{ at, by, text: comment }] : [])),
    audit: steps.map(({ at, by, action, comment }) => ({ at, by, action, ...(comment ? { comment } : {}) })),
  };
}

/** The attributes the `workshops` index projects, as the store keeps them on the item. */
export interface WorkshopListRow {
  id: string;
  title: string;
  language: WorkshopSummary['language'];
  audience: WorkshopSummary['audience'];
  status: WorkshopStatus;
  version: number;
  updatedAt: string;
  authorName: string;
  liveVersion?: number;
}

/** One row of the list, from what the index projects. */
export function summaryOf(row: WorkshopListRow): WorkshopSummary {
  const { id, title, language, audience, status, version, updatedAt, authorName } = row;
  return {
    id,
    title,
    language,
    audience,
    status,
    version,
    updatedAt,
    authorName,
    live: row.liveVersion !== undefined,
  };
}
