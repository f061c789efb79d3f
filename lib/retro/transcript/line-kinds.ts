/**
 * What one transcript line is, by its shape alone: a dated or timed message, a Slack header
 * (name and time, message on the next lines), a bare time, a day divider, a line of Slack's own
 * interface (reactions, thread links), or plain text.
 */
import { looksLikeNewName } from './names';

export interface Clock {
  h: number;
  mi: number;
  s: number;
  /** Written without AM/PM and could be either half of the day ("1:07"): the chat's order decides. */
  either?: true;
  /** Written the way only a 24-hour clock writes it ("08:05", "16:40", "00:10"): the chat uses one. */
  twentyFour?: true;
}

/** A zone written after a time: its offset in minutes from UTC, or the IANA zone whose local time it is ("ET"). */
export type WrittenZone = number | string;

export type LineKind =
  /** `day`: epoch ms of the date's 00:00 read as UTC (the wall day the parser counts in). */
  | { kind: 'dated'; day: number; clock: Clock; writtenZone: WrittenZone | null; text: string }
  /** `teams`: a Microsoft Teams line, whose copies (unlike Zoom's) carry day dividers between messages. */
  | { kind: 'timed'; clock: Clock; author?: string; text: string; writtenZone?: WrittenZone; teams?: true }
  | { kind: 'header'; clock: Clock; author: string; daysAgo?: 0 | 1 }
  /** `nameAbove`: a bot badge or status stood where the name goes ("APP  10:33 AM"): the name is on the line above. */
  | { kind: 'time-only'; clock: Clock; writtenZone?: WrittenZone; daysAgo?: 0 | 1; nameAbove?: true }
  /** `weekday`: 0 (Sunday) to 6, when the divider names one ("Monday, December 1st"). */
  | { kind: 'day'; month: number; day: number; year: number | null; weekday: number | null }
  | { kind: 'relative-day'; daysAgo: 0 | 1 }
  | { kind: 'bad-time'; reason: string }
  | { kind: 'chrome' }
  | { kind: 'text'; text: string };

// h:mm[:ss] with an optional am/pm ("10:32 PM", "10:32pm", "10:32 p.m.").
const CLOCK = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s?([AaPp])\.?[Mm]\.?)?`;
// A dated line from its time on, kept whole as the text when the time starts a range
// ("2025-03-04 10:32-10:45 db failover"). The digit first keeps it from scanning the rest of the
// line at every space before the time.
const FROM_CLOCK = String.raw`(?=(\d.*))`;
// What joins the two times of a range: "10:32-10:45", "10:32 – 10:45", "10:32 - 10:45".
const RANGE_DASH = String.raw`(?:\s*[–—]\s*|\s+-\s+|-)`;
// Groups: the first time's seconds, the second time's hour and minute.
const RANGE = new RegExp(String.raw`^[[(]?\d{1,2}:\d{2}(:\d{2}(?:[.,]\d+)?)?(?:\s?[AaPp]\.?[Mm]\.?)?${RANGE_DASH}(\d{1,2}):(\d{2})(?!\d)`);
// 2025-03-04 10:32, 2025-03-04T10:32:05Z, 2025/03/04 10:32 (a tab also separates date and time),
// 2025-03-04_10:32:05.12345 (runit's svlogd, which writes GitLab's own logs);
// offsets as ISO writes them (+01:00, +0100) and, right after the time, as PostgreSQL does (+01):
// "10:32 -15 pods" is text.
// A zone's offset is at most 14 hours: "+2000 jobs" is no offset.
const OFFSET_HOURS = String.raw`[+-](?:0\d|1[0-4])`;
// After UTC or GMT the hour may be one digit ("GMT+1", "UTC+5:30", "UTC+530").
const WORD_OFFSET = String.raw`[+-](?:1[0-4]|0?\d)(?::?[0-5]\d)?`;
/**
 * The abbreviations US- and EU-based engineers write after a time, each meaning one zone only
 * (IST, AST or China's CST mean several: they stay text). ET, CT, MT and PT name no half of the
 * year: they are that zone's local time, summer or winter.
 */
const ZONE_NAMES = new Map<string, WrittenZone>([
  ['PST', -480], ['PDT', -420], ['MST', -420], ['MDT', -360], ['CST', -360], ['CDT', -300], ['EST', -300], ['EDT', -240],
  ['AKST', -540], ['AKDT', -480], ['HST', -600], ['CET', 60], ['CEST', 120], ['EET', 120], ['EEST', 180], ['WET', 0],
  ['WEST', 60], ['BST', 60], ['JST', 540], ['KST', 540], ['AEST', 600], ['AEDT', 660], ['ACST', 570], ['AWST', 480],
  ['NZST', 720], ['NZDT', 780], ['SGT', 480],
  ['ET', 'America/New_York'], ['CT', 'America/Chicago'], ['MT', 'America/Denver'], ['PT', 'America/Los_Angeles'],
]);
// Upper case only, and a whole word (the patterns end it): "10:33 pst" and "10:33 PSTN outage" are text.
const ZONE_NAME = [...ZONE_NAMES.keys()].join('|');
const ISO = new RegExp(String.raw`^\[?(\d{4})([-/])(\d{2})\2(\d{2})(?:[Tt_]|\s+)${FROM_CLOCK}${CLOCK}(?:\s?([Zz]|(?:[Uu][Tt][Cc]|[Gg][Mm][Tt])(?:${WORD_OFFSET})?|${OFFSET_HOURS}:?[0-5]\d|(?<=\s)(?:${ZONE_NAME}))|(${OFFSET_HOURS}))?\]?(?:\s*[-–—|:](?=\s|$)\s*|\s+|$|(?=${RANGE_DASH}\d{1,2}:\d{2}))(.*)$`);
// 04.03.2025 10:32 or 3/4/2025 10:32: day or month first cannot be told apart, so the user decides.
const OTHER_DATE = /^\[?\d{1,2}[./]\d{1,2}[./]\d{2,4},?\s+\d{1,2}[:.]\d{2}/;
// Zoom: "10:32:05 From Name to Everyone: text", and Microsoft Teams: "[10:32 AM] Name: text". The name
// runs to the first colon (read without a pattern that backtracks, so a long line costs linear time).
const ZOOM_START = new RegExp(String.raw`^${CLOCK}\s+From\s+`);
const TEAMS_START = new RegExp(String.raw`^\[${CLOCK}\]\s+`);
// A zone written after the time is the one it is in: "10:33 UTC", "10:33Z", "10:33 (GMT+1)", "10:33 +01:00", "2:15 PM ET".
// A bare offset after a bare time needs its colon ("10:32 +01:00"): "10:32 +1000 errors" is a count;
// and a space or "(" before it, as an abbreviation does: "10:32-10:45" is a range.
const WRITTEN_ZONE = String.raw`(?:\s?\(?(?:([Zz])|([Uu][Tt][Cc]|[Gg][Mm][Tt])(${WORD_OFFSET})?)|(?:\s\(?|\()(${OFFSET_HOURS}:[0-5]\d|${ZONE_NAME}))\)?(?=[\s,:]|$)`;
// A zone written after a range's second time is the whole range's: "10:32-10:45 PST", "2:00 PM - 2:30 PM ET".
const RANGE_ZONE = new RegExp(String.raw`^[[(]?\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s?[AaPp]\.?[Mm]\.?)?${RANGE_DASH}\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?${WRITTEN_ZONE}`);
// runit's svlogd stamps GitLab's logs in UTC and writes no zone: "2025-03-04_10:32:05.12345".
const SVLOGD = /^\[?\d{4}-\d{2}-\d{2}_/;
const TIMED = new RegExp(String.raw`^[[(]?${CLOCK}[\])]?(?:${WRITTEN_ZONE})?(?:\s*[-–—|]\s*|[:,]\s+|\s+)(.+)$`);
// Slack copies put two spaces (or a tab, a no-break space, or brackets) between the name and the time.
// Slack's search and thread views write "Today at 3:04 PM" and "Yesterday at 9:10 AM".
const HEADER = new RegExp(String.raw`^(.{1,79}?)(?:\s{2,}|\t|\u00a0|\s\[)(?:(Today|Yesterday) at )?${CLOCK}\]?$`);
// What Slack writes after a name: a status emoji (":palm_tree:") and a bot's "APP" badge, spaced or not
// ("HuggsyAPP"). Two at most, and never from inside a run of spaces, so a long line costs linear time.
const NAME_BADGES = /(?<!\s)(?:\s*(?::[\w+-]+:|APP)){1,2}$/;
/** A Slack name without the status emoji and bot badge after it. */
export const slackName = (written: string) => written.replace(NAME_BADGES, '').trim();
const CLOCK_AT_END = new RegExp(String.raw`${CLOCK}\]?$`);
const TIME_ONLY = new RegExp(String.raw`^\[?${CLOCK}\]?(?:${WRITTEN_ZONE})?$`);
// Slack's name-then-time layout, for the two most recent days: "Today at 3:04 PM" under the name.
const RELATIVE_TIME = new RegExp(String.raw`^(Today|Yesterday) at ${CLOCK}$`);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Month names in full or Slack's abbreviations only: "Maybe 5" or "market 12" are not days. A day
// alone as an ISO date ("2025-03-05") heads a part too; a document may make either a markdown
// heading, bold, or end it in a colon ("### March 5", "**March 5**", "March 5th:").
const DAY = new RegExp(
  String.raw`^(?:#{1,6}\s+)?(?:\*\*|__)?(?:(?:(sun|mon|tues|wednes|thurs|fri|satur)day,?\s+)?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?|(\d{4})-(\d{2})-(\d{2}))(?:\*\*|__)?:?(?:\*\*|__)?$`,
  'i',
);
// Slack's interface, copied along with the messages: reactions, thread links, an "(edited)" alone.
// A reaction may carry a skin tone (":+1::skin-tone-2: 2"); a thread's summary may run on one line.
// A reaction's count is small: ":warning: 502" is a message.
const CHROME = /^(?:(?:(?::[\w+-]+:)+\s*\d{1,2}\s*)+|\d+ repl(?:y|ies)(?:\s+last reply .+)?|last reply .+|view thread|also sent to the channel|\(edited\))$/i;
const WEEKDAYS = ['sun', 'mon', 'tues', 'wednes', 'thurs', 'fri', 'satur'];
// Slack labels the two most recent days by name instead of by date, capitalised as here.
const RELATIVE_DAYS = new Map<string, 0 | 1>([['Today', 0], ['Yesterday', 1]]);

/** Groups h, mi, s, ampm starting at `at`; null when out of range (25:00, 13 pm). */
function clockOf(m: RegExpExecArray, at: number): Clock | null {
  let h = Number(m[at]);
  const mi = Number(m[at + 1]);
  const s = m[at + 2] ? Number(m[at + 2]) : 0;
  const ampm = m[at + 3]?.toLowerCase();
  // "14:05 PM" or "00:10 AM": already a 24-hour time, the suffix adds nothing.
  if (ampm && h >= 1 && h <= 12) h = (h % 12) + (ampm === 'p' ? 12 : 0);
  if (h >= 24 || mi >= 60 || s >= 60) return null;
  if (ampm) return { h, mi, s };
  // "08:05" or "16:40" is a 24-hour clock; "8:05" or "10:32" could be either half of the day.
  if (h === 0 || h > 12 || m[at]!.startsWith('0')) return { h, mi, s, twentyFour: true };
  return { h, mi, s, either: true };
}

/** The zone of "PST", "ET", "Z", "UTC+1", "+01:00" or "+0100"; null when none is written. */
function readZone(written: string | undefined): WrittenZone | null {
  if (!written) return null;
  const named = ZONE_NAMES.get(written);
  if (named !== undefined) return named;
  // "UTC", "gmt+1": the word is UTC, what follows it the offset.
  const zone = written.replace(/^(?:utc|gmt)/i, '');
  if (!zone || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  // Without a colon the last two of three or four digits are minutes ("+0530", "+530"); one or two are hours.
  const digits = zone.slice(1);
  const [hours, minutes] = zone.includes(':') ? digits.split(':') : digits.length > 2 ? [digits.slice(0, -2), digits.slice(-2)] : [digits, '0'];
  return sign * (Number(hours) * 60 + Number(minutes || 0));
}

/** The zone written after a time: groups Z, UTC or GMT, its offset, a bare ±hh:mm or an abbreviation, from `at`. */
function zoneAfterTime(m: RegExpExecArray, at: number): { writtenZone?: WrittenZone } {
  const zone = m[at] ? 0 : m[at + 1] ? (m[at + 2] ? readZone(m[at + 2]) : 0) : readZone(m[at + 3]);
  return zone === null ? {} : { writtenZone: zone };
}

/** The zone written after the second time of a range that starts `fromClock`, if any. */
function rangeZone(fromClock: string): { writtenZone?: WrittenZone } {
  const m = RANGE_ZONE.exec(fromClock);
  return m ? zoneAfterTime(m, 1) : {};
}

/** A list marker or bold before a time ("- 10:32 deploy", "1. 10:34", "**10:35** paged") is not what was said. */
const DOC_LIST = /^(?:(?:[-*•+]|\d{1,3}[.)])\s+)?\*\*([[(]?(?:\d{4}-\d{2}-\d{2}[T _])?\d{1,2}:\d{2}[^*]{0,12})\*\*|^(?:[-*•+]|\d{1,3}[.)])\s+(?=[[(]?(?:\d{4}-\d{2}-\d{2}[T _])?\d{1,2}:\d{2})/;
const isDigit = (code: number) => code >= 48 && code <= 57;
/** "1. " or "12) " at the start, read by characters: most lines start with a time's digits. */
function numbered(line: string): boolean {
  let k = 0;
  while (k < 3 && isDigit(line.charCodeAt(k))) k += 1;
  const after = line.charCodeAt(k);
  return k > 0 && (after === 46 || after === 41) && line.charCodeAt(k + 1) === 32;
}
function undecorated(line: string): string {
  // Most lines start with neither: a look at the first characters keeps the pattern off them.
  const first = line.charCodeAt(0);
  const marked = first === 45 || first === 42 || first === 43 || first === 8226 || (isDigit(first) && numbered(line));
  return marked && DOC_LIST.test(line) ? line.replace(DOC_LIST, (_, bold?: string) => bold ?? '') : line;
}

const BAD: LineKind = { kind: 'bad-time', reason: 'the time is not a valid time of day' };
const BAD_DATE: LineKind = { kind: 'bad-time', reason: 'the date is not a day of the calendar' };
/** The day's 00:00 as UTC epoch ms, or null when the calendar has no such day (2025-02-30); by arithmetic, as this runs once a line. */
function calendarDay(y: number, mo: number, d: number): number | null {
  if (mo < 1 || mo > 12 || d < 1) return null;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const length = mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
  return d <= length ? Date.UTC(y, mo - 1, d) : null;
}

/**
 * Whether a line (a dated one from its time on) starts with a range of times, kept whole as the
 * entry's text. A hyphen straight after a dated time is read as its offset ("T10:32:05-05:00",
 * "T10:32-05:00") unless the time has no seconds and the second one is later ("10:32-10:45").
 */
function rangeFrom(fromClock: string, clock: Clock, offsetRead: boolean): boolean {
  const m = RANGE.exec(fromClock);
  return !!m && (!offsetRead || (!m[1] && Number(m[2]) * 60 + Number(m[3]) > clock.h * 60 + clock.mi));
}

/** A line of a Zoom chat save, or null for a typed note that only says "From …:" ("10:32 From the customer: 502s"). */
function zoomLine(line: string): LineKind | null {
  const m = ZOOM_START.exec(line);
  const colon = m ? line.indexOf(':', m[0].length) : -1;
  if (!m || colon < 0) return null;
  // "Back to Basics Bot to Everyone": the recipient follows the last " to ".
  const sender = line.slice(m[0].length, colon).replace(/\s+/g, ' ').trim();
  const to = sender.toLowerCase().lastIndexOf(' to ');
  // Zoom writes seconds, or at least the recipient, and no name that starts with a digit ("From 10:00 to 10:30 …").
  if ((!m[3] && to <= 0) || isDigit(sender.charCodeAt(0))) return null;
  const clock = clockOf(m, 1);
  const author = (to > 0 ? sender.slice(0, to) : sender).trim();
  return clock ? { kind: 'timed', clock, author, text: line.slice(colon + 1).trim() } : BAD;
}

/**
 * A line copied from Microsoft Teams, or null when what stands before the colon is no display
 * name: "[10:32] Note: disk full" and "[10:32] the customer said: down" are typed notes.
 */
function teamsLine(line: string): LineKind | null {
  const m = TEAMS_START.exec(line);
  const colon = m ? line.indexOf(':', m[0].length) : -1;
  const sender = m && colon > 0 ? line.slice(m[0].length, colon).trim() : '';
  // A company directory writes "Last, First" ("O'Brien, Pat"): each part a name of its own.
  const parts = sender.split(', ');
  if (!m || !(looksLikeNewName(sender, false) || (parts.length === 2 && parts.every((part) => looksLikeNewName(part, true))))) return null;
  const clock = clockOf(m, 1);
  // Spaces are evened out once it is a name: before a colon far down a long line there is none, and no time goes on it.
  return clock ? { kind: 'timed', clock, author: sender.replace(/\s+/g, ' '), text: line.slice(colon + 1).trim(), teams: true } : BAD;
}

export function classifyLine(raw: string): LineKind {
  if (raw.length <= 40 && CHROME.test(raw)) return { kind: 'chrome' };
  if (raw.startsWith('replied to a thread:')) return { kind: 'chrome' };
  const line = undecorated(raw);
  const first = line.charCodeAt(0);
  const startsWithDigit = (first >= 48 && first <= 57) || first === 91 || first === 40; // digit, "[" or "("
  if (startsWithDigit) {
    let m = ISO.exec(line);
    if (m) {
      const day = calendarDay(Number(m[1]), Number(m[3]), Number(m[4]));
      if (day === null) return BAD_DATE;
      const clock = clockOf(m, 6);
      if (!clock) return BAD;
      const zone = readZone(m[10] ?? m[11]) ?? (SVLOGD.test(line) ? 0 : null);
      return rangeFrom(m[5]!, clock, zone !== null)
        ? { kind: 'dated', day, clock, writtenZone: rangeZone(m[5]!).writtenZone ?? null, text: m[5]! }
        : { kind: 'dated', day, clock, writtenZone: zone, text: m[12] ?? '' };
    }
    if (OTHER_DATE.test(line)) return { kind: 'bad-time', reason: 'a date written day or month first: give its date and time' };
    // Teams puts its time alone in square brackets: "(10:32) Sam Support: …" and "10:32 Sam Support: …" are notes.
    const chat = (line.includes('From') ? zoomLine(line) : null) ?? (first === 91 ? teamsLine(line) : null);
    if (chat) return chat;
    // A time alone, with a zone at most ("10:33:05.123 PM (UTC+10:30)"), is short: longer lines skip the pattern.
    m = line.length <= 32 ? TIME_ONLY.exec(line) : null;
    if (m) {
      const clock = clockOf(m, 1);
      return clock ? { kind: 'time-only', clock, ...zoneAfterTime(m, 5) } : BAD;
    }
    m = TIMED.exec(line);
    if (m) {
      const clock = clockOf(m, 1);
      const zone = zoneAfterTime(m, 5);
      if (!clock) return BAD;
      return rangeFrom(line, clock, zone.writtenZone !== undefined)
        ? { kind: 'timed', clock, text: line, ...rangeZone(line) }
        : { kind: 'timed', clock, text: m[9]!, ...zone };
    }
  }
  // Headers end in a clock ("…10:32", "…AM", "…p.m.", "…]"): test the last character before the costly pattern.
  // A name may start with a digit or a bracket ("1Password", "[EXT] Carol").
  const last = line.charCodeAt(line.length - 1);
  const mayBeHeader = (last >= 48 && last <= 57) || last === 77 || last === 109 || last === 46 || last === 93;
  // …and, on a long line, a clock right at the end ("value   1234" is none): the pattern backtracks through runs of spaces.
  const header = mayBeHeader && (line.length < 40 || CLOCK_AT_END.test(line.slice(-24))) ? HEADER.exec(line) : null;
  if (header) {
    const clock = clockOf(header, 3);
    const daysAgo = header[2] ? RELATIVE_DAYS.get(header[2]) : undefined;
    const day = daysAgo === undefined ? {} : { daysAgo };
    const author = slackName(header[1]!);
    if (!clock) return BAD;
    return author ? { kind: 'header', clock, author, ...day } : { kind: 'time-only', clock, nameAbove: true, ...day };
  }
  const heading = line.length <= 40 ? dayHeading(line) : null;
  if (heading) return heading;
  if (startsWithDigit) return { kind: 'text', text: line };
  const relative = first === 84 || first === 89 ? RELATIVE_TIME.exec(line) : null; // "T" or "Y"
  if (relative) {
    const clock = clockOf(relative, 2);
    return clock ? { kind: 'time-only', clock, daysAgo: RELATIVE_DAYS.get(relative[1]!)! } : BAD;
  }
  const daysAgo = line.length <= 9 ? RELATIVE_DAYS.get(line) : undefined;
  if (daysAgo !== undefined) return { kind: 'relative-day', daysAgo };
  return { kind: 'text', text: line };
}

/** The day a divider or heading names, or null when the line names none of the calendar. */
function dayHeading(line: string): LineKind | null {
  const m = DAY.exec(line);
  if (m?.[5]) {
    const [year, month, day] = [Number(m[5]), Number(m[6]), Number(m[7])];
    return calendarDay(year, month, day) === null ? null : { kind: 'day', month, day, year, weekday: null };
  }
  const month = m ? MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) : -1;
  if (!m || month < 0 || Number(m[3]) < 1 || Number(m[3]) > 31) return null;
  const weekday = m[1] ? WEEKDAYS.indexOf(m[1].toLowerCase()) : null;
  return { kind: 'day', month: month + 1, day: Number(m[3]), year: m[4] ? Number(m[4]) : null, weekday };
}
