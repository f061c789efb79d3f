import { describe, expect, it } from 'vitest';
import { addDays, isValidZone, toZoned, utcToWallMs, zonedToUtcMs, zoneAbbreviation } from '@/lib/retro/zoned-time';

const iso = (ms: number) => new Date(ms).toISOString();

describe('wall-clock time in a zone ⇄ UTC', () => {
  it('converts a winter and a summer time in Berlin', () => {
    expect(iso(zonedToUtcMs('2025-01-15', 10, 32, 5, 'Europe/Berlin'))).toBe('2025-01-15T09:32:05.000Z');
    expect(iso(zonedToUtcMs('2025-07-15', 10, 32, 0, 'Europe/Berlin'))).toBe('2025-07-15T08:32:00.000Z');
  });

  it('handles zones east of UTC across the date line and half-hour offsets', () => {
    expect(iso(zonedToUtcMs('2025-03-04', 1, 15, 0, 'Pacific/Auckland'))).toBe('2025-03-03T12:15:00.000Z');
    expect(iso(zonedToUtcMs('2025-03-04', 9, 0, 0, 'Asia/Kolkata'))).toBe('2025-03-04T03:30:00.000Z');
  });

  it('maps a time in the spring-forward gap to the later side (02:30 → 03:30 EDT)', () => {
    expect(iso(zonedToUtcMs('2025-03-09', 2, 30, 0, 'America/New_York'))).toBe('2025-03-09T07:30:00.000Z');
    expect(iso(zonedToUtcMs('2025-03-09', 1, 59, 0, 'America/New_York'))).toBe('2025-03-09T06:59:00.000Z');
    expect(iso(zonedToUtcMs('2025-03-09', 3, 0, 0, 'America/New_York'))).toBe('2025-03-09T07:00:00.000Z');
  });

  it('takes the earlier instant for an ambiguous fall-back time, west and east of UTC', () => {
    expect(iso(zonedToUtcMs('2025-11-02', 1, 30, 0, 'America/New_York'))).toBe('2025-11-02T05:30:00.000Z');
    expect(iso(zonedToUtcMs('2025-11-02', 2, 30, 0, 'America/New_York'))).toBe('2025-11-02T07:30:00.000Z');
    expect(iso(zonedToUtcMs('2025-10-26', 2, 30, 0, 'Europe/Berlin'))).toBe('2025-10-26T00:30:00.000Z');
    expect(iso(zonedToUtcMs('2025-10-26', 1, 30, 0, 'Europe/London'))).toBe('2025-10-26T00:30:00.000Z');
    expect(iso(zonedToUtcMs('2025-04-06', 2, 30, 0, 'Australia/Sydney'))).toBe('2025-04-05T15:30:00.000Z');
  });

  it('shows an instant in the reader’s zone, with the zone’s short name', () => {
    expect(toZoned('2025-03-30T00:30:00Z', 'Europe/Berlin')).toEqual({ date: '2025-03-30', time: '01:30' });
    expect(toZoned('2025-03-30T01:30:00Z', 'Europe/Berlin')).toEqual({ date: '2025-03-30', time: '03:30' });
    expect(toZoned('2025-03-09T04:59:00Z', 'America/Los_Angeles')).toEqual({ date: '2025-03-08', time: '20:59' });
    expect(zoneAbbreviation('2025-07-01T12:00:00Z', 'America/Los_Angeles')).toBe('PDT');
    expect(zoneAbbreviation('2025-01-01T12:00:00Z', 'UTC')).toBe('UTC');
  });

  it('round-trips every quarter hour of a DST-change day in Sydney', () => {
    for (let minute = 0; minute < 24 * 60; minute += 15) {
      const at = iso(Date.UTC(2025, 3, 5, 12) + minute * 60_000); // 2025-04-06 local, DST ends at 03:00
      const local = toZoned(at, 'Australia/Sydney');
      const [h, mi] = local.time.split(':').map(Number);
      const back = zonedToUtcMs(local.date, h!, mi!, 0, 'Australia/Sydney');
      // An ambiguous time maps to the earlier of its twins: the same wall time, never later.
      expect(toZoned(iso(back), 'Australia/Sydney')).toEqual(local);
      expect(back <= Date.parse(at)).toBe(true);
    }
  });

  it('adds calendar days across month and year ends, and validates zones', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(isValidZone('Europe/Berlin')).toBe(true);
    expect(isValidZone('Mars/Olympus')).toBe(false);
  });
});

describe('UTC instant → wall clock', () => {
  const wall = (iso: string, zone: string) => new Date(utcToWallMs(Date.parse(iso), zone)).toISOString().slice(0, 19);

  it('follows the offset on each side of a change, to the second', () => {
    expect(wall('2025-03-09T09:59:59Z', 'America/Los_Angeles')).toBe('2025-03-09T01:59:59');
    expect(wall('2025-03-09T10:00:00Z', 'America/Los_Angeles')).toBe('2025-03-09T03:00:00');
    // Lord Howe goes back half an hour: 02:00 (+11:00) becomes 01:30 (+10:30).
    expect(wall('2025-04-05T14:59:00Z', 'Australia/Lord_Howe')).toBe('2025-04-06T01:59:00');
    expect(wall('2025-04-05T15:00:00Z', 'Australia/Lord_Howe')).toBe('2025-04-06T01:30:00');
    expect(wall('2025-03-04T23:00:00Z', 'Asia/Kolkata')).toBe('2025-03-05T04:30:00');
  });
});
