/**
 * Trends for the review page: retros per month, and `customer-retro` follow-ups by type, over
 * the last months in the user's calendar. Months are `YYYY-MM` strings.
 */
import { format, parseISO, subMonths } from 'date-fns';
import { createdFollowUpType } from './follow-up-text';

export const TREND_MONTHS = 6;

/**
 * The follow-up kinds of the handbook page; told apart by the labels GitLab teams use, else by
 * the opening sentence the extension writes into a follow-up issue it creates. That sentence,
 * rather than default labels, because the knowledge-base and handbook projects have no agreed
 * type label (their "extra label" options are empty by default), a label the extension invented
 * would be created in projects it does not own, and settings saved before would keep the empty
 * one; the description is there for every follow-up the extension ever created.
 */
export const FOLLOW_UP_TYPES = ['bug', 'feature', 'documentation', 'process', 'other'] as const;
export type FollowUpType = (typeof FOLLOW_UP_TYPES)[number];

const TYPE_LABELS: [FollowUpType, RegExp][] = [
  ['bug', /^(type::bug|bug)$/i],
  ['feature', /^(type::feature|feature|feature proposal)$/i],
  ['documentation', /^(documentation|type::docs?|docs|knowledge base|kb)$/i],
  ['process', /^(handbook|process|support process)$/i],
];

const BY_CREATED_TYPE: Record<string, FollowUpType> = { bug: 'bug', feature: 'feature', 'kb-article': 'documentation', handbook: 'process' };

export function followUpType(labels: readonly string[], description?: string | null): FollowUpType {
  for (const [type, pattern] of TYPE_LABELS) if (labels.some((label) => pattern.test(label.trim()))) return type;
  return BY_CREATED_TYPE[createdFollowUpType(description) ?? ''] ?? 'other';
}

/** The last `count` months, oldest first, ending with the month of `now`. */
export function lastMonths(now: Date, count = TREND_MONTHS): string[] {
  return Array.from({ length: count }, (_, i) => format(subMonths(now, count - 1 - i), 'yyyy-MM'));
}

/** Local `YYYY-MM` of the first day a trend should include (for GitLab's `created_after`). */
export function trendStart(now: Date, count = TREND_MONTHS): Date {
  const start = subMonths(now, count - 1);
  return new Date(start.getFullYear(), start.getMonth(), 1);
}

const monthOf = (iso: string): string | null => {
  const date = parseISO(iso);
  return Number.isNaN(date.getTime()) ? null : format(date, 'yyyy-MM');
};

/** Counts per month, in the order of `months`; instants outside them are left out. */
export function perMonth(createdAt: readonly string[], months: readonly string[]): number[] {
  const index = new Map(months.map((m, i) => [m, i]));
  const counts = months.map(() => 0);
  for (const iso of createdAt) {
    const i = index.get(monthOf(iso) ?? '');
    if (i !== undefined) counts[i]! += 1;
  }
  return counts;
}

export type FollowUpSeries = Record<FollowUpType, number[]>;

export function followUpsByType(items: readonly { createdAt: string; labels: string[]; description?: string | null }[], months: readonly string[]): FollowUpSeries {
  const series = Object.fromEntries(FOLLOW_UP_TYPES.map((type) => [type, months.map(() => 0)])) as FollowUpSeries;
  for (const type of FOLLOW_UP_TYPES) {
    series[type] = perMonth(items.filter((item) => followUpType(item.labels, item.description) === type).map((item) => item.createdAt), months);
  }
  return series;
}
