/**
 * The leaders' staleness rule: a retro with open actions is stale when it is past due, or when
 * nothing happened on it for 7 days since `retro-actions` was applied.
 */
import { isOverdue } from './my-retros';
import type { RetroItem } from './retro-item';

export const STALE_AFTER_DAYS = 7;

export type StaleReason = 'overdue' | 'no-update';

/**
 * GitLab bumps `updated_at` when a label is added, so the later of the two instants is the last
 * activity since `retro-actions` was applied (the label-event date alone would ignore comments).
 */
export function staleReason(item: Pick<RetroItem, 'dueDate' | 'updatedAt' | 'retroActionsAppliedAt'>, now: Date): StaleReason | null {
  if (isOverdue(item, now)) return 'overdue';
  const last = [item.updatedAt, item.retroActionsAppliedAt].filter((s): s is string => !!s).sort().at(-1) ?? null;
  // Seven whole days of quiet (elapsed time, not calendar days: 23:59 to 00:01 is not a day).
  const idleMs = last ? now.getTime() - Date.parse(last) : Number.NaN;
  return idleMs >= STALE_AFTER_DAYS * 86_400_000 ? 'no-update' : null;
}

export const isStale = (item: Parameters<typeof staleReason>[0], now: Date): boolean => staleReason(item, now) !== null;
