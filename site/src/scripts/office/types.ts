/**
 * The office API's bodies as the console reads them: types only, taken from the schemas in
 * functions/domain, so nothing of zod reaches the bundle through here.
 */
import type * as z from 'zod/mini';
import type {
  alertsSchema,
  conflictSchema,
  countsSchema,
  meSchema,
  officeConfigSchema,
  queueItemSchema,
  queuePageSchema,
  reportViewSchema,
  statsSchema,
} from '../../../../functions/domain/office-contract.ts';

export type OfficeConfig = z.output<typeof officeConfigSchema>;
export type Me = z.output<typeof meSchema>;
export type QueueItem = z.output<typeof queueItemSchema>;
export type QueuePage = z.output<typeof queuePageSchema>;
export type Counts = z.output<typeof countsSchema>;
export type ReportView = z.output<typeof reportViewSchema>;
export type Conflict = z.output<typeof conflictSchema>;
export type Alerts = z.output<typeof alertsSchema>;
export type Stats = z.output<typeof statsSchema>;
export type Sla = ReportView['sla'];
