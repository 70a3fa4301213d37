/** The performance budgets of DESIGN.md, as numbers the benchmark compares against. */
export const budgets = {
  /** A content page: HTML + CSS + JS, compressed. */
  contentPageBytes: 30 * 1024,
  /** The report page, including its scripts, compressed. */
  reportPageBytes: 60 * 1024,
  /** JavaScript on a content page beyond nothing: the quick exit only. */
  quickExitBytes: 2 * 1024,
  /** Each Lambda bundle, minified. */
  bundleBytes: 400 * 1024,
  /** A cold `import()` of a bundle on this machine. */
  coldImportMs: 60,
  /** DynamoDB writes per report submission. */
  writesPerSubmission: 2,
} as const;

/** "within" or "OVER" with the margin, for a figure against its budget. */
export function verdict(value: number, budget: number): string {
  const share = Math.round((value / budget) * 100);
  return value <= budget ? `within (${share}% of budget)` : `**OVER** (${share}% of budget)`;
}
