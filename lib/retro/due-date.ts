/**
 * GitLab due dates are calendar dates (`YYYY-MM-DD`), not instants. Everything here works
 * on the user's local calendar; `toISOString()` would shift the day near midnight (case C13).
 */
import { addDays, differenceInCalendarDays, formatISO } from 'date-fns';

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The retro-actions rule: today in the user's calendar, plus 7 days. */
export function dueDateOneWeekFrom(now: Date): string {
  return formatISO(addDays(now, 7), { representation: 'date' });
}

/** Local midnight of a real calendar date; null for anything else (2025-02-30, 2025-1-5). */
export function parseCalendarDate(ymd: string): Date | null {
  const parts = ymd.match(YMD);
  if (!parts) return null;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, month - 1, day); // setFullYear: years 0–99 stay literal
  date.setHours(0, 0, 0, 0);
  const roundTrips = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
  return roundTrips ? date : null;
}

export function isCalendarDate(s: string): boolean {
  return parseCalendarDate(s) !== null;
}

/**
 * "16 Mar 2025" (en-GB). Formatted as a UTC date in UTC so that no time zone can move the
 * day; an invalid date is shown as given rather than hidden.
 */
export function formatCalendarDate(ymd: string, locale?: string): string {
  const parsed = parseCalendarDate(ymd);
  if (!parsed) return ymd;
  const utc = new Date(Date.UTC(2000, 0, 1));
  utc.setUTCFullYear(parsed.getFullYear(), parsed.getMonth(), parsed.getDate());
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(locale, options).format(utc);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(utc); // unknown locale tag
  }
}

/** Calendar days from `now`'s local date to `ymd`: 0 today, negative when past, NaN if invalid. */
export function daysUntil(ymd: string, now: Date): number {
  const due = parseCalendarDate(ymd);
  return due ? differenceInCalendarDays(due, now) : Number.NaN;
}
