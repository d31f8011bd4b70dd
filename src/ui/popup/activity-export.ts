// The activity log as a file the person keeps: every entry the filters let
// through, as JSON or as a spreadsheet-safe CSV. Pure functions (the page
// fetching is handed in), so they are easy to test.
import type { ActivityEntry } from '../../shared/activity';

export type ExportFormat = 'json' | 'csv';

export interface ActivityPage {
  entries: ActivityEntry[];
  nextBefore: number | null;
}

export const EXPORT_PAGE_SIZE = 500;

export const EXPORT_FILES: Record<ExportFormat, { name: string; type: string }> = {
  json: { name: 'atsign-wallet-activity.json', type: 'application/json' },
  csv: { name: 'atsign-wallet-activity.csv', type: 'text/csv' },
};

/** Reads page after page until the log says there is no more. */
export async function collectAll(
  fetchPage: (before: number | undefined) => Promise<ActivityPage>,
  onProgress?: (count: number) => void,
): Promise<ActivityEntry[]> {
  const all: ActivityEntry[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await fetchPage(before);
    all.push(...page.entries);
    onProgress?.(all.length);
    // A cursor that does not move would loop for ever.
    if (page.nextBefore === null || page.nextBefore === before) return all;
    before = page.nextBefore;
  }
}

// A spreadsheet runs a cell that starts with one of these as a formula
// (tab and carriage return too, as OWASP's CSV-injection advice adds).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: a formula is made plain text with a leading quote, then the cell is quoted. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function activityToCsv(entries: readonly ActivityEntry[]): string {
  const rows = entries.map((entry) =>
    [new Date(entry.at).toISOString(), entry.kind, entry.origin, entry.fields.join(' ')].map(csvCell).join(','),
  );
  return ['time,kind,origin,fields', ...rows].join('\n') + '\n';
}

export function activityToJson(entries: readonly ActivityEntry[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}
