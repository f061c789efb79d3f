import { describe, expect, it } from 'vitest';
import { UNASSIGNED, groupByAssignee, sortStaleFirst, suggestedNotRun } from '@/lib/retro/review';
import { DEFAULT_LABELS } from '@/lib/retro/labels';
import { retroItem } from '../../helpers/retro-items';

const NOW = new Date(2025, 2, 15, 12, 0);
const recent = new Date(2025, 2, 14).toISOString();
const old = new Date(2025, 2, 1).toISOString();

describe('review page sorting and grouping', () => {
  it('stale first, then fresh, each in due-date order', () => {
    const items = [
      retroItem({ iid: 1, updatedAt: recent, dueDate: '2025-03-18' }),
      retroItem({ iid: 2, updatedAt: old, dueDate: '2025-03-19' }), // no update for 14 days
      retroItem({ iid: 3, updatedAt: recent, dueDate: '2025-03-10' }), // overdue
      retroItem({ iid: 4, updatedAt: recent, dueDate: null }),
    ];
    expect(sortStaleFirst(items, NOW).map((item) => item.iid)).toEqual([3, 2, 1, 4]);
  });

  it('groups by assignee with counts, most stale group first; two assignees count for both; none → unassigned', () => {
    const groups = groupByAssignee([
      retroItem({ iid: 1, assignees: ['maria'], updatedAt: recent }),
      retroItem({ iid: 2, assignees: ['lee'], updatedAt: old }),
      retroItem({ iid: 3, assignees: ['lee', 'maria'], updatedAt: recent }),
      retroItem({ iid: 4, assignees: [], updatedAt: old }),
    ], NOW);
    expect(groups.map((g) => [g.assignee, g.items.map((i) => i.iid), g.staleCount])).toEqual([
      ['lee', [2, 3], 1],
      [UNASSIGNED, [4], 1],
      ['maria', [1, 3], 0],
    ]);
  });

  it('suggested but not run: retro without retro-actions, label case ignored', () => {
    const items = [
      retroItem({ iid: 1, labels: ['retro'] }),
      retroItem({ iid: 2, labels: ['Retro', 'customer-emergency'] }),
      retroItem({ iid: 3, labels: ['retro', 'retro-actions'] }),
      retroItem({ iid: 4, labels: ['retro-actions'] }),
    ];
    expect(suggestedNotRun(items, DEFAULT_LABELS).map((item) => item.iid)).toEqual([1, 2]);
  });
});
