/**
 * The hourly caps on reports, counted without reading a report: `Select: COUNT` queries on the
 * `hourly` index, per clock hour. A soft limit: two reports racing at the edge may both pass.
 */
import { TooManyReportsError } from '../domain/errors.ts';
import type { Language } from '../domain/languages.ts';
import { queryPages } from './client.ts';
import { hourOf } from './keys.ts';
import type { Channel } from './reports.ts';

/** The caps, as the deployment configures them. */
export interface Caps {
  reportsPerHourPerCommunity: number;
  reportsPerHour: number;
  formReportsPerHourPerCommunity: number;
}

async function count(hour: string, prefix?: string): Promise<number> {
  let total = 0;
  for await (const page of queryPages({
    IndexName: 'hourly',
    Select: 'COUNT',
    KeyConditionExpression: prefix
      ? 'hourlyPk = :hour AND begins_with(hourlySk, :prefix)'
      : 'hourlyPk = :hour',
    ExpressionAttributeValues: { ':hour': hour, ...(prefix ? { ':prefix': prefix } : {}) },
  })) {
    total += page.Count ?? 0;
  }
  return total;
}

/** Throws 429 with the seconds until the next hour when a report now would pass a cap. */
export async function enforceCaps(
  community: string,
  channel: Channel,
  caps: Caps,
  options: { now: Date; language: Language },
): Promise<void> {
  const hour = hourOf(options.now);
  const checks: [Promise<number>, number][] = [
    [count(hour, `${community}#`), caps.reportsPerHourPerCommunity],
    [count(hour), caps.reportsPerHour],
    ...(channel === 'form'
      ? ([[count(hour, `${community}#form#`), caps.formReportsPerHourPerCommunity]] as [
          Promise<number>,
          number,
        ][])
      : []),
  ];
  const counts = await Promise.all(checks.map(([counted]) => counted));
  if (counts.some((counted, i) => counted >= (checks[i]?.[1] ?? 0))) {
    const nextHour = Math.ceil((options.now.getTime() + 1) / 3600_000) * 3600_000;
    throw new TooManyReportsError(
      options.language,
      Math.max(1, Math.ceil((nextHour - options.now.getTime()) / 1000)),
    );
  }
}
