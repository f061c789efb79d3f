import { describe, expect, it } from 'vitest';
import {
  daysUntil,
  dueDateOneWeekFrom,
  formatCalendarDate,
  isCalendarDate,
  parseCalendarDate,
} from '@/lib/retro/due-date';
import { runInTimeZone } from '../../helpers/in-time-zone';

describe('dueDateOneWeekFrom', () => {
  it('adds 7 days to the local calendar date, late in the evening too', () => {
    expect(dueDateOneWeekFrom(new Date(2025, 2, 8, 23, 30))).toBe('2025-03-15');
    expect(dueDateOneWeekFrom(new Date(2025, 11, 28, 0, 0))).toBe('2026-01-04');
    expect(dueDateOneWeekFrom(new Date(2024, 1, 25, 12))).toBe('2024-03-03');
  });

  it('C13: in Los Angeles at 23:30 on 2025-03-08 (before DST starts) the due date is 2025-03-15', () => {
    const out = runInTimeZone(
      'America/Los_Angeles',
      `import { dueDateOneWeekFrom, formatCalendarDate } from '@/lib/retro/due-date';
       const now = new Date('2025-03-09T07:30:00Z');
       console.log(JSON.stringify({
         zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
         localHour: now.getHours(),
         due: dueDateOneWeekFrom(now),
         shown: formatCalendarDate('2025-03-16', 'en-GB'),
       }));`,
    );
    const result = JSON.parse(out) as Record<string, unknown>;
    // Proves the child really ran in LA time, so the next assertions test what they claim.
    expect(result.zone).toBe('America/Los_Angeles');
    expect(result.localHour).toBe(23);
    expect(result.due).toBe('2025-03-15');
    expect(result.shown).toContain('16');
    expect(result.shown).toContain('Mar');
  });

  it('C13: east of UTC, early in the morning, the local date still counts', () => {
    const out = runInTimeZone(
      'Pacific/Auckland',
      `import { dueDateOneWeekFrom } from '@/lib/retro/due-date';
       console.log(dueDateOneWeekFrom(new Date('2025-03-08T11:30:00Z')));`, // 00:30 on 9 March local
    );
    expect(out).toBe('2025-03-16');
  });
});

describe('parseCalendarDate / isCalendarDate', () => {
  it('returns local midnight of a real date', () => {
    const d = parseCalendarDate('2025-03-16');
    expect(d).not.toBeNull();
    expect([d!.getFullYear(), d!.getMonth(), d!.getDate(), d!.getHours()]).toEqual([2025, 2, 16, 0]);
  });

  it.each(['2025-02-30', '2025-13-01', '2025-00-10', '2025-3-16', '2025-03-16T00:00:00Z', '', 'soon', ' 2025-03-16'])(
    'rejects %j',
    (s) => {
      expect(parseCalendarDate(s)).toBeNull();
      expect(isCalendarDate(s)).toBe(false);
    },
  );

  it('accepts leap days only in leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
  });

  it('keeps two-digit years literal', () => {
    expect(parseCalendarDate('0025-01-01')?.getFullYear()).toBe(25);
  });
});

describe('formatCalendarDate', () => {
  it('shows the stored calendar day', () => {
    expect(formatCalendarDate('2025-03-16', 'en-GB')).toBe('16 Mar 2025');
    expect(formatCalendarDate('2025-01-01', 'en-GB')).toBe('1 Jan 2025');
  });

  it('shows invalid input as given and survives an unknown locale', () => {
    expect(formatCalendarDate('2025-02-30', 'en-GB')).toBe('2025-02-30');
    expect(formatCalendarDate('2025-03-16', 'not a locale!')).toContain('16');
  });
});

describe('daysUntil', () => {
  const now = new Date(2025, 2, 8, 23, 30);

  it.each([
    ['2025-03-08', 0],
    ['2025-03-09', 1],
    ['2025-03-15', 7],
    ['2025-03-01', -7],
    ['2025-04-08', 31],
  ])('%s → %i', (ymd, expected) => {
    expect(daysUntil(ymd, now)).toBe(expected);
  });

  it('is NaN for an invalid date, so "overdue" checks stay false', () => {
    expect(daysUntil('2025-02-30', now)).toBeNaN();
  });
});
