/**
 * Wall-clock time in an IANA zone ⇄ UTC instant, with Intl only (no tz library). Offsets are
 * cached per zone and minute: a 1 MB transcript has thousands of lines but few distinct minutes.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in `zone`. */
export function wallClock(utcMs: number, zone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { y: parts.year!, mo: parts.month!, d: parts.day!, h: parts.hour! % 24, mi: parts.minute!, s: parts.second! };
}

/** Zone offset (ms, local − UTC) at an instant. */
function offsetAt(utcMs: number, zone: string): number {
  const w = wallClock(utcMs, zone);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

export function isValidZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch ms of `YYYY-MM-DD` 00:00 read as if it were UTC: the "wall day" the parser counts in. */
export function wallDayMs(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/**
 * A wall-clock minute in `zone` (epoch ms of that wall time read as UTC) → the real UTC instant.
 * In a DST gap (02:30 on spring-forward day) the later side wins, like Temporal's "compatible";
 * an ambiguous fall-back time takes the earlier instant, or the later one when asked (a chat
 * that has already passed the first 01:30).
 */
export function wallMinuteToUtcMs(wallMinute: number, zone: string, ambiguous: 'earlier' | 'later' = 'earlier'): number {
  let cache = offsets.get(zone);
  if (!cache) offsets.set(zone, (cache = new Map()));
  // Most days have one offset: checked once per day at both ends of every instant it can map to.
  const day = Math.floor(wallMinute / DAY_MS) * DAY_MS;
  let dayOffset = cache.get(day);
  if (dayOffset === undefined) {
    const before = offsetAt(day - 14 * HOUR_MS, zone);
    dayOffset = before === offsetAt(day + 38 * HOUR_MS, zone) ? before : Number.NaN;
    cache.set(day, dayOffset);
  }
  if (!Number.isNaN(dayOffset)) return wallMinute - dayOffset;
  // A day with a DST change: decide minute by minute (a few hundred Intl calls at most).
  const key = wallMinute + (ambiguous === 'earlier' ? 0.5 : 0.25); // never a day key, which is a whole multiple of DAY_MS
  let offset = cache.get(key);
  if (offset === undefined) {
    // The instants this wall time can be: one per offset in force that day.
    const candidates = [offsetAt(day - 14 * HOUR_MS, zone), offsetAt(day + 38 * HOUR_MS, zone)].map((o) => wallMinute - o);
    const fitting = candidates.filter((t) => t + offsetAt(t, zone) === wallMinute);
    const chosen = fitting.length ? (ambiguous === 'earlier' ? Math.min(...fitting) : Math.max(...fitting)) : Math.max(...candidates);
    offset = wallMinute - chosen;
    cache.set(key, offset);
  }
  return wallMinute - offset;
}

const QUARTER_HOUR_MS = 900_000;
const utcOffsets = new Map<string, Map<number, number>>();

/**
 * A UTC instant → its wall-clock time in `zone` (epoch ms read as UTC, as wallDayMs counts).
 * Offsets change on quarter hours of UTC, so one Intl call per quarter hour the instants touch.
 */
export function utcToWallMs(utcMs: number, zone: string): number {
  let cache = utcOffsets.get(zone);
  if (!cache) utcOffsets.set(zone, (cache = new Map()));
  const bucket = Math.floor(utcMs / QUARTER_HOUR_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) cache.set(bucket, (offset = offsetAt(bucket * QUARTER_HOUR_MS, zone)));
  return utcMs + offset;
}

/** `YYYY-MM-DD` + wall-clock h:mi:s in `zone` → UTC epoch ms. */
export function zonedToUtcMs(date: string, h: number, mi: number, s: number, zone: string): number {
  return wallMinuteToUtcMs(wallDayMs(date) + (h * 60 + mi) * 60_000, zone) + s * 1000;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `{date: 'YYYY-MM-DD', time: 'HH:MM'}` of an ISO instant in `zone`. */
export function toZoned(iso: string, zone: string): { date: string; time: string } {
  const w = wallClock(Date.parse(iso), zone);
  return { date: `${w.y}-${pad(w.mo)}-${pad(w.d)}`, time: `${pad(w.h)}:${pad(w.mi)}` };
}

/** The calendar day it is now in `zone`, as `YYYY-MM-DD`. */
export const todayIn = (zone: string, now = new Date()): string => toZoned(now.toISOString(), zone).date;

const nameFormatters = new Map<string, Intl.DateTimeFormat>();

/** Short zone name at that instant (`CET`, `GMT+1`, `PDT`), for labels next to times. */
export function zoneAbbreviation(iso: string, zone: string): string {
  let f = nameFormatters.get(zone);
  if (!f) nameFormatters.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })));
  return f.formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

/** `YYYY-MM-DD` plus n calendar days. */
export function addDays(date: string, days: number): string {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}
