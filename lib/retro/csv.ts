/** CSV export of the review list: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
import { staleReason } from './staleness';
import type { RetroItem } from './retro-item';

/** Cells starting with = + - @ (or tab/CR) are formulas to Excel and Sheets: prefix a quote. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

// No "retro-actions applied at": the review reads no label events (one request per retro), so it would always be empty.
export const REVIEW_CSV_HEADER = ['reference', 'title', 'assignees', 'due date', 'stale', 'updated at', 'labels', 'url'];

export function reviewCsv(items: readonly RetroItem[], now: Date): string {
  return toCsv([
    REVIEW_CSV_HEADER,
    ...items.map((item) => [
      item.key,
      item.title,
      item.assignees.join(' '), // no leading @: that would read as a formula
      item.dueDate ?? '',
      staleReason(item, now) ?? '',
      item.updatedAt,
      item.labels.join(', '), // labels may contain spaces ("feature proposal")
      item.webUrl,
    ]),
  ]);
}
