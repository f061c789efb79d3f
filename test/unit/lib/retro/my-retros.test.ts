import { describe, expect, it } from 'vitest';
import { badgeText, daysSince, isOverdue, mergeByKey, overdueCount, sortMyRetros } from '@/lib/retro/my-retros';
import { retroItem } from '../../helpers/retro-items';

/** 23:30 local on 2025-03-08: "today" is the 8th in the user's calendar all evening (C13). */
const NOW = new Date(2025, 2, 8, 23, 30);

describe('isOverdue', () => {
  it.each([
    ['2025-03-07', true],
    ['2024-12-31', true],
    ['2025-03-08', false], // due today is not overdue yet
    ['2025-03-09', false],
  ])('due %s → %s', (dueDate, expected) => {
    expect(isOverdue({ dueDate }, NOW)).toBe(expected);
  });

  it('no due date is never overdue', () => {
    expect(isOverdue({ dueDate: null }, NOW)).toBe(false);
  });
});

describe('sortMyRetros', () => {
  it('overdue first (most overdue on top), then by due date, then no due date, ties by reference', () => {
    const items = [
      retroItem({ iid: 1, dueDate: null }),
      retroItem({ iid: 2, dueDate: '2025-03-20' }),
      retroItem({ iid: 3, dueDate: '2025-03-07' }),
      retroItem({ iid: 4, dueDate: '2025-03-09' }),
      retroItem({ iid: 5, dueDate: '2025-02-01' }),
      retroItem({ iid: 6, dueDate: null, projectPath: 'a/b' }),
      retroItem({ iid: 7, dueDate: '2025-03-08' }),
    ];
    expect(sortMyRetros(items, NOW).map((item) => item.iid)).toEqual([5, 3, 7, 4, 2, 6, 1]);
  });

  it('does not reorder the array it was given', () => {
    const items = [retroItem({ iid: 1 }), retroItem({ iid: 2, dueDate: '2025-01-01' })];
    sortMyRetros(items, NOW);
    expect(items.map((item) => item.iid)).toEqual([1, 2]);
  });
});

describe('badge count', () => {
  it('counts only overdue retros', () => {
    const items = [
      retroItem({ iid: 1, dueDate: '2025-03-07' }),
      retroItem({ iid: 2, dueDate: '2025-03-08' }),
      retroItem({ iid: 3, dueDate: null }),
      retroItem({ iid: 4, dueDate: '2025-01-07' }),
    ];
    expect(overdueCount(items, NOW)).toBe(2);
  });

  it.each([
    [0, ''],
    [-1, ''],
    [1, '1'],
    [99, '99'],
    [100, '99+'],
  ])('%i overdue → badge "%s"', (count, text) => {
    expect(badgeText(count)).toBe(text);
  });
});

describe('daysSince', () => {
  it('counts calendar days in local time', () => {
    expect(daysSince(new Date(2025, 2, 8, 0, 5).toISOString(), NOW)).toBe(0);
    expect(daysSince(new Date(2025, 2, 1, 23, 59).toISOString(), NOW)).toBe(7);
  });

  it('is null for unknown or unreadable instants', () => {
    expect(daysSince(null, NOW)).toBeNull();
    expect(daysSince('yesterday', NOW)).toBeNull();
  });
});

describe('mergeByKey', () => {
  it('lists an issue found by both label queries once, the later copy winning', () => {
    const merged = mergeByKey([retroItem({ iid: 1, title: 'old' }), retroItem({ iid: 2 })], [retroItem({ iid: 1, title: 'new' })]);
    expect(merged.map((item) => [item.iid, item.title])).toEqual([[1, 'new'], [2, 'Retro 2']]);
  });
});
