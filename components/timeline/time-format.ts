/** Times as the panel shows them: the reader's zone first, UTC beside it. */
import { toZoned, zoneAbbreviation } from '@/lib/retro/zoned-time';

export { browserZone } from '@/lib/browser-zone';

/** `2025-03-04 10:32 CET` and `09:32 UTC` (with the whole UTC date when it differs); no UTC twin for a reader on UTC. */
export function localAndUtc(iso: string, zone: string): { local: string; utc: string } {
  const local = toZoned(iso, zone);
  const sameDay = iso.slice(0, 10) === local.date;
  const utc = sameDay && iso.slice(11, 16) === local.time ? '' : `${sameDay ? '' : `${iso.slice(0, 10)} `}${iso.slice(11, 16)} UTC`;
  return { local: `${local.date} ${local.time} ${zoneAbbreviation(iso, zone)}`, utc };
}
