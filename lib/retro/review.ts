/** The review page's grouping: open retros with actions by assignee, stale first, with counts. */
import { hasLabel } from './labels';
import { sortMyRetros } from './my-retros';
import { isStale } from './staleness';
import type { RetroItem } from './retro-item';

export const UNASSIGNED = '(unassigned)';

export interface AssigneeGroup {
  assignee: string;
  items: RetroItem[];
  staleCount: number;
}

/** Stale before fresh; within each, the popup's order (overdue, then by due date). */
export function sortStaleFirst(items: readonly RetroItem[], now: Date): RetroItem[] {
  const stale = items.filter((item) => isStale(item, now));
  const fresh = items.filter((item) => !isStale(item, now));
  return [...sortMyRetros(stale, now), ...sortMyRetros(fresh, now)];
}

/** An issue with two assignees counts for both: each of them owns moving it forward. */
export function groupByAssignee(items: readonly RetroItem[], now: Date): AssigneeGroup[] {
  const byName = new Map<string, RetroItem[]>();
  for (const item of items) {
    for (const name of item.assignees.length ? item.assignees : [UNASSIGNED]) {
      const list = byName.get(name) ?? [];
      list.push(item);
      byName.set(name, list);
    }
  }
  return [...byName]
    .map(([assignee, list]) => ({ assignee, items: sortStaleFirst(list, now), staleCount: list.filter((i) => isStale(i, now)).length }))
    .sort((a, b) => b.staleCount - a.staleCount || b.items.length - a.items.length || a.assignee.localeCompare(b.assignee));
}

/** Suggested (`retro`) but not run yet: no `retro-actions`. */
export function suggestedNotRun(items: readonly RetroItem[], labels: { retro: string; retroActions: string }): RetroItem[] {
  return items.filter((item) => hasLabel(item.labels, labels.retro) && !hasLabel(item.labels, labels.retroActions));
}
