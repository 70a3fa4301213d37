/**
 * GET /api/office/export.csv — the community's last 12 months as CSV, non-identifying fields
 * only: no description, location or contact ever leaves this way.
 */
import { httpHandler } from '../http/handler.ts';
import { acceptedLanguage } from '../http/request.ts';
import { apiHeaders } from '../http/response.ts';
import { requireStaff } from '../http/staff.ts';
import { type MonthRow, recentRows } from '../store/insights.ts';

const columns = [
  'ref',
  'createdAt',
  'status',
  'urgent',
  'categories',
  'childAgeBand',
  'reporterRole',
  'acknowledgedAt',
  'firstReplyAt',
  'closedAt',
  'outcome',
  'referralAgencies',
] as const satisfies readonly (keyof MonthRow)[];

/** A CSV cell: lists joined with `;`, quoted when needed, and never a formula a spreadsheet would run. */
function cell(value: unknown): string {
  const text = Array.isArray(value) ? value.join(';') : value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Lambda entry point. Leads only. */
export const handler = httpHandler(async (event) => {
  const staff = requireStaff(event, ['lead'], acceptedLanguage(event));
  const rows = (await recentRows(staff.community, new Date(), 12)).sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  );
  const csv = [
    columns.join(','),
    ...rows.map((row) => columns.map((column) => cell(row[column])).join(',')),
  ].join('\r\n');
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="hutong-${staff.community}-${new Date().toISOString().slice(0, 10)}.csv"`,
      ...apiHeaders,
    },
    body: `\uFEFF${csv}\r\n`,
  };
});
