/** Times as the panel shows them: the reader's zone first, UTC beside it. */
import { toZoned, zoneAbbreviation } from '@/lib/retro/zoned-time';

export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** `2025-03-04 10:32 CET · 09:32 UTC` */
export function localAndUtc(iso: string, zone: string): { local: string; utc: string } {
  const local = toZoned(iso, zone);
  const utc = `${iso.slice(11, 16)} UTC${iso.slice(0, 10) === local.date ? '' : ` ${iso.slice(5, 10)}`}`;
  return { local: `${local.date} ${local.time} ${zoneAbbreviation(iso, zone)}`, utc };
}

export const todayIn = (zone: string, now = new Date()): string => toZoned(now.toISOString(), zone).date;
