/** Times as the panel shows them: the reader's zone first, UTC beside it. */
import { toZoned, zonedToUtcMs, zoneAbbreviation } from '@/lib/retro/zoned-time';

export { browserZone } from '@/lib/browser-zone';

/** `2025-03-04 10:32 CET` and `09:32 UTC` (with the whole UTC date when it differs); no UTC twin for a reader on UTC. */
export function localAndUtc(iso: string, zone: string): { local: string; utc: string } {
  const local = toZoned(iso, zone);
  const sameDay = iso.slice(0, 10) === local.date;
  const utc = sameDay && iso.slice(11, 16) === local.time ? '' : `${sameDay ? '' : `${iso.slice(0, 10)} `}${iso.slice(11, 16)} UTC`;
  return { local: `${local.date} ${local.time} ${zoneAbbreviation(iso, zone)}`, utc };
}

/** Where a wall time the clocks skip lands ("02:30" is 03:30 the night summer time starts), or '' for a time that exists. */
export function landsAt(date: string, time: string, zone: string): string {
  const [h, mi] = time.split(':').map(Number);
  const shown = toZoned(new Date(zonedToUtcMs(date, h!, mi!, 0, zone)).toISOString(), zone);
  return shown.date !== date || shown.time !== time.slice(0, 5) ? shown.time : '';
}

/** Said wherever a time is typed that the clocks skip. */
export const skippedNote = (date: string, time: string, zone: string, landing: string): string =>
  `${time.slice(0, 5)} does not exist on ${date} in ${zone} (the clocks went forward): the entry is at ${landing}.`;
