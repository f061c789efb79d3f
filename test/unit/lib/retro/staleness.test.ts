import { describe, expect, it } from 'vitest';
import { isStale, staleReason } from '@/lib/retro/staleness';
import { retroItem } from '../../helpers/retro-items';

const NOW = new Date(2025, 2, 15, 12, 0);
const daysAgo = (days: number) => new Date(2025, 2, 15 - days, 12, 0).toISOString();

describe('staleness rule', () => {
  it('past due is stale, even when updated today', () => {
    expect(staleReason(retroItem({ iid: 1, dueDate: '2025-03-14', updatedAt: daysAgo(0) }), NOW)).toBe('overdue');
  });

  it('no update for 7 days since retro-actions was applied is stale', () => {
    expect(staleReason(retroItem({ iid: 1, dueDate: '2025-03-20', updatedAt: daysAgo(7), retroActionsAppliedAt: daysAgo(7) }), NOW)).toBe('no-update');
  });

  it('counts elapsed time, not calendar days: 23:59 on the 1st to 00:01 on the 8th is not yet 7 days', () => {
    const now = new Date(2025, 2, 8, 0, 1);
    const last = new Date(2025, 2, 1, 23, 59).toISOString();
    expect(staleReason(retroItem({ iid: 1, dueDate: '2025-03-20', updatedAt: last, retroActionsAppliedAt: last }), now)).toBeNull();
  });

  it('6 days without update, not yet due, is fresh', () => {
    expect(staleReason(retroItem({ iid: 1, dueDate: '2025-03-20', updatedAt: daysAgo(6), retroActionsAppliedAt: daysAgo(6) }), NOW)).toBeNull();
  });

  it('a comment after applying keeps it fresh: the later of the two counts', () => {
    expect(isStale(retroItem({ iid: 1, updatedAt: daysAgo(2), retroActionsAppliedAt: daysAgo(10) }), NOW)).toBe(false);
  });

  it('an apply date later than updated_at (clock skew, label re-added) still counts', () => {
    expect(isStale(retroItem({ iid: 1, updatedAt: daysAgo(10), retroActionsAppliedAt: daysAgo(1) }), NOW)).toBe(false);
  });

  it('without a label-event date, updated_at alone decides', () => {
    expect(isStale(retroItem({ iid: 1, updatedAt: daysAgo(8), retroActionsAppliedAt: null }), NOW)).toBe(true);
    expect(isStale(retroItem({ iid: 1, updatedAt: daysAgo(3), retroActionsAppliedAt: null }), NOW)).toBe(false);
  });

  it('unreadable dates are not called stale', () => {
    expect(isStale(retroItem({ iid: 1, updatedAt: '', retroActionsAppliedAt: null }), NOW)).toBe(false);
  });
});
