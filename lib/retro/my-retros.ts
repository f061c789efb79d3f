/**
 * "My retros" rules shared by the popup and the toolbar badge: what counts as overdue, the
 * order they are listed in, and the number the badge shows. Calendar dates in local time (C13).
 */
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { daysUntil } from './due-date';
import type { RetroItem } from './retro-item';

/** Past its due date in the user's calendar; due today is not overdue yet. */
export function isOverdue(item: Pick<RetroItem, 'dueDate'>, now: Date): boolean {
  return item.dueDate !== null && daysUntil(item.dueDate, now) < 0;
}

/** Overdue first (most overdue on top), then by due date, then no due date; ties by reference. */
export function sortMyRetros<T extends Pick<RetroItem, 'dueDate' | 'key'>>(items: readonly T[], now: Date): T[] {
  const rank = (item: T) => (isOverdue(item, now) ? 0 : item.dueDate ? 1 : 2);
  return [...items].sort((a, b) =>
    rank(a) - rank(b) ||
    (a.dueDate ?? '').localeCompare(b.dueDate ?? '') ||
    a.key.localeCompare(b.key));
}

export function overdueCount(items: readonly Pick<RetroItem, 'dueDate'>[], now: Date): number {
  return items.filter((item) => isOverdue(item, now)).length;
}

/** Badge text: nothing when nothing is overdue, and never wider than the badge. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** Whole calendar days from an ISO instant to `now`, in local time; null when unknown. */
export function daysSince(iso: string | null, now: Date): number | null {
  if (!iso) return null;
  const date = parseISO(iso);
  return Number.isNaN(date.getTime()) ? null : differenceInCalendarDays(now, date);
}

/** Merges pages of several label queries: an issue with both labels is listed once. */
export function mergeByKey<T extends { key: string }>(...lists: readonly (readonly T[])[]): T[] {
  const seen = new Map<string, T>();
  for (const list of lists) for (const item of list) seen.set(item.key, item);
  return [...seen.values()];
}
