/** The month index's rows: every report and kept statistic of a community, by the month it arrived. No text. */
import { queryPages } from './client.ts';

/** A row of the month index: what the dashboard, the export and the transparency figures read. */
export interface MonthRow {
  ref: string;
  status: string;
  urgent: boolean;
  categories: string[];
  childAgeBand: string;
  reporterRole: string;
  createdAt: string;
  acknowledgedAt?: string;
  firstReplyAt?: string;
  closedAt?: string;
  outcome?: string;
  referralAgencies?: string[];
}

/** `YYYY-MM` of the `count` months up to and including `now`'s, oldest first. */
export function lastMonths(now: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1 - i), 1));
    return date.toISOString().slice(0, 7);
  });
}

/** Every row of a community's month. */
export async function monthRows(community: string, month: string): Promise<MonthRow[]> {
  const rows: MonthRow[] = [];
  for await (const page of queryPages({
    IndexName: 'by-month',
    KeyConditionExpression: 'monthPk = :month',
    ExpressionAttributeValues: { ':month': `${community}#${month}` },
  })) {
    rows.push(...((page.Items ?? []) as MonthRow[]));
  }
  return rows;
}

/** Every row of a community's last `count` months. */
export async function recentRows(community: string, now: Date, count: number): Promise<MonthRow[]> {
  const months = await Promise.all(lastMonths(now, count).map((month) => monthRows(community, month)));
  return months.flat();
}
