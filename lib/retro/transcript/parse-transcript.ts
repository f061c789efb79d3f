/**
 * Chat text → timed messages. Knows Slack copies, Zoom chat, `HH:MM text`, `YYYY-MM-DD HH:MM text`
 * and ISO 8601; 12- and 24-hour clocks; rolls over past midnight. A line it cannot place is
 * returned in `unplaced` for the user to fix, never dropped.
 */
import { utcToWallMs, wallDayMs, wallMinuteToUtcMs } from '../zoned-time';
import { classifyLine, slackName, type Clock, type LineKind, type WrittenZone } from './line-kinds';
import { looksLikeName, looksLikeNewName } from './names';

export interface TranscriptOptions {
  /** `YYYY-MM-DD`: the day of the first message without a date. */
  date: string;
  /** IANA zone the chat showed its times in. */
  zone: string;
  /** `YYYY-MM-DD`: the day the chat was copied, which Slack's "Today" and "Yesterday" dividers mean. */
  today: string;
}

export interface ParsedMessage {
  /** 1-based line number where the message starts. */
  line: number;
  /** Epoch ms (UTC). A number, not ISO text: formatting 20,000 dates is most of a 1 MB parse. */
  at: number;
  author?: string;
  text: string;
}

export type RelativeDay = 'Yesterday' | 'Today';

export interface UnplacedLine {
  line: number;
  text: string;
  reason: string;
}

export interface TranscriptResult {
  messages: ParsedMessage[];
  unplaced: UnplacedLine[];
  /** Set when Slack's "Today" or "Yesterday" dividers were read: which, and the day taken as today. */
  relativeDays?: { today: string; read: RelativeDay[] };
  /** Lines of Slack's interface left out: reactions, thread links, a lone "(edited)". */
  skipped?: number;
}

/** The worker records its latest parse under this User Timing name: seen in DevTools, read by `npm run bench`. */
export const PARSE_MEASURE = 'emergency-retro:parse-transcript';

/** A time more than this far before the previous one means the chat passed midnight. */
const ROLLOVER_MINUTES = 6 * 60;
const LIST_ITEM = /^(?:[-*•+]|\d{1,3}[.)]|\*\*)\s?/;

/** A line that opens or closes a ``` block: it starts with a fence and holds an odd number ("```ls```" is a block of its own). */
function togglesFence(line: string): boolean {
  if (!line.startsWith('```')) return false;
  let fences = 0;
  for (let at = 0; at >= 0; at = line.indexOf('```', at + 3)) fences += 1;
  return fences % 2 === 1;
}
/** A fence with nothing on it but a language ("```", "```shell"). */
const BARE_FENCE = /^```[\w+#.-]*$/;

/** How far a time without AM/PM may sit before the one above it: chats run forward, give or take a late line. */
const LATE_MINUTES = 60;
/** A difference of minutes of the day as the chat means it: from an hour back to 23 hours on. */
const signedMinutes = (delta: number) => ((((delta + LATE_MINUTES) % 1440) + 1440) % 1440) - LATE_MINUTES;
const DAY_MS = 86_400_000;
/** On the night clocks go back, a time a few minutes before the one above is a late line, not the repeated hour. */
const LATE_LINE_MS = 10 * 60_000;
const EDITED = /\s*\((?:edited|bearbeitet|modifié)\)$/i;
/** Slack's "(edited)" mark is not part of the message. */
const unedited = (text: string) => (text.endsWith(')') ? text.replace(EDITED, '') : text);

/** An instant → its wall time (ms read as UTC) in a written zone: a fixed offset, or an IANA zone's local time. */
const wallIn = (at: number, written: WrittenZone) => (typeof written === 'number' ? at + written * 60_000 : utcToWallMs(at, written));
/** A wall time in a written zone (ms read as UTC, seconds and all) → the instant. */
function instantOfWall(wall: number, written: WrittenZone): number {
  if (typeof written === 'number') return wall - written * 60_000;
  const withinMinute = wall % 60_000;
  return wallMinuteToUtcMs(wall - withinMinute, written) + withinMinute;
}

/** The day a yearless divider ("Wednesday, January 1st") means: the one nearest the chat's current day. */
function nearestDay(month: number, dayOfMonth: number, around: number): number {
  const year = new Date(around).getUTCFullYear();
  const options = [year - 1, year, year + 1].map((y) => Date.UTC(y, month - 1, dayOfMonth));
  return options.reduce((best, option) => (Math.abs(option - around) < Math.abs(best - around) ? option : best));
}

export function parseTranscript(input: string, { date, zone, today }: TranscriptOptions): TranscriptResult {
  const messages: ParsedMessage[] = [];
  const unplaced: UnplacedLine[] = [];
  let day = wallDayMs(date);
  let lastMinute: number | null = null;
  let lastAt: number | null = null;
  // The message continuation lines join; a Slack header's block survives blank lines.
  let current: ParsedMessage | null = null;
  let currentIsBlock = false;
  let blankBefore = false;
  const relativeRead = new Set<RelativeDay>();
  let skipped = 0;
  // The last text line, so a bare time under it can take it back as the speaker's name.
  let lastText: { index: number; into: ParsedMessage | null; before: string } | null = null;
  // A ``` block opened on a line that joins a message holds that message's text, however much its
  // lines look like times; one opened outside any message only wraps lines read as usual.
  let fence: 'message' | 'decoration' | null = null;
  // How the chat's own times are written (log lines with full dates do not count): once one is
  // written as only a 24-hour clock writes it, "8:05" is 08:05, not 20:05; unless another had AM/PM.
  let twentyFourHour = false;
  let twelveHour = false;
  // Set once a name has stood alone above a bare time: Slack's "name, then time" layout.
  let namesAboveTimes = false;
  // Who has spoken: a line naming one of them, above a time, is that speaker again.
  const authors = new Set<string>();

  // Set when the day last moved on because a time went backwards past midnight.
  let rolledOver = false;
  // On the night clocks go back: set once the chat is in the second pass of the repeated hour.
  let secondPass = false;
  /**
   * A wall time in the chat's zone as an instant. In the hour the clocks go back it is the first
   * pass until the chat goes back in it by more than a late line's minutes; from then on the second.
   */
  const inRepeatedHour = (wall: number, seconds: number): number => {
    const first = wallMinuteToUtcMs(wall, zone) + seconds * 1000;
    const second = wallMinuteToUtcMs(wall, zone, 'later') + seconds * 1000;
    if (first === second) secondPass = false;
    else if (secondPass || (lastAt !== null && first < lastAt - LATE_LINE_MS)) secondPass = true;
    return secondPass ? second : first;
  };
  /** Where the chat's running day and minute stand after a message at `at`. */
  const countOnFrom = (at: number) => {
    const local = utcToWallMs(at, zone);
    day = Math.floor(local / DAY_MS) * DAY_MS;
    lastMinute = Math.floor((local - day) / 60_000);
    lastAt = at;
  };
  /**
   * A time written with its zone ("10:33 UTC", "2:15 PM ET"): on the first line or under a day
   * divider, that time of the chat's day in that zone; after it, the one that keeps the chat going
   * forward, give or take a late line.
   */
  const instantIn = (clock: Clock, written: WrittenZone): number => {
    // The chat's last moment on the written zone's clock; right after a day divider, none: the chat counts from the divider's day.
    const last = lastMinute === null || lastAt === null ? null : wallIn(lastAt, written);
    let h = clock.h;
    if (clock.twentyFour) twentyFourHour = true;
    if (!clock.twentyFour && !clock.either) twelveHour = true;
    // "2:10 UTC" after "1:05 PM UTC" is 14:10: the half of the day nearer the chat so far, as for times without a zone.
    if (clock.either && (twelveHour || !twentyFourHour) && last !== null) {
      const before = Math.floor((last % DAY_MS) / 60_000);
      const other = (h % 12) + (h === 12 ? 0 : 12);
      if (Math.abs(signedMinutes(other * 60 + clock.mi - before)) < Math.abs(signedMinutes(h * 60 + clock.mi - before))) h = other;
    }
    const minute = (h * 60 + clock.mi) * 60_000 + clock.s * 1000;
    let wall = day + minute;
    if (last !== null) {
      // The written zone's day at the chat's last moment, then a day on or back to stay within reach of it.
      wall = Math.floor(last / DAY_MS) * DAY_MS + minute;
      if (wall < last - LATE_MINUTES * 60_000) wall += DAY_MS;
      else if (wall > last + DAY_MS - LATE_MINUTES * 60_000) wall -= DAY_MS;
    }
    const at = instantOfWall(wall, written);
    rolledOver = false;
    countOnFrom(at);
    return at;
  };
  const instant = (clock: Clock): number => {
    let minute = clock.h * 60 + clock.mi;
    if (clock.twentyFour) twentyFourHour = true;
    if (!clock.twentyFour && !clock.either) twelveHour = true;
    // "1:07" after "1:05 PM" is 13:07: of the two halves of the day, the one nearer the chat so far.
    if (clock.either && (twelveHour || !twentyFourHour) && lastMinute !== null) {
      const other = ((clock.h % 12) + (clock.h === 12 ? 0 : 12)) * 60 + clock.mi;
      if (Math.abs(signedMinutes(other - lastMinute)) < Math.abs(signedMinutes(minute - lastMinute))) minute = other;
    }
    if (lastMinute !== null && minute < lastMinute - ROLLOVER_MINUTES) {
      day += DAY_MS;
      rolledOver = true;
    } else if (rolledOver && lastMinute !== null && minute - lastMinute > 1440 - LATE_MINUTES) {
      // "23:59" just after "00:03" that followed "23:58": a late line from before midnight.
      day -= DAY_MS;
      rolledOver = false;
    }
    lastMinute = minute;
    const at = inRepeatedHour(day + minute * 60_000, clock.s);
    lastAt = at;
    return at;
  };
  // A Teams message: a day divider under it is a divider, not that message going on (as under Zoom's).
  let currentFromTeams = false;
  const start = (message: ParsedMessage, block: boolean, teams = false) => {
    current = message;
    currentIsBlock = block;
    currentFromTeams = teams;
    messages.push(message);
    if (message.author) authors.add(message.author);
  };
  // Set once the chat itself named a day (a divider or a dated line), not only the day field.
  let dayFromChat = false;
  /** Chat history runs forward: once the chat has named its day, a divider naming an earlier one is something said. */
  const isDayChange = (to: number) => !dayFromChat || to >= day;
  /** A header or time that names its day as Slack does for the two most recent ones. */
  const relativeDay = (daysAgo: 0 | 1) => {
    day = wallDayMs(today) - daysAgo * DAY_MS;
    dayFromChat = true;
    rolledOver = false;
    relativeRead.add(daysAgo ? 'Yesterday' : 'Today');
    lastMinute = null;
  };
  /** A line without a time joins the open message: a Slack header's block past blank lines, another one until a blank line. */
  const joins = (open: ParsedMessage) => currentIsBlock || !blankBefore || !open.text;
  const leaveUnplaced = (number: number, text: string, reason: string) => {
    unplaced.push({ line: number, text, reason });
    current = null;
  };

  /** The day a divider names. */
  const dividerDay = (divider: Extract<LineKind, { kind: 'day' | 'relative-day' }>): number => (divider.kind === 'relative-day'
    ? wallDayMs(today) - divider.daysAgo * DAY_MS
    : divider.year === null ? nearestDay(divider.month, divider.day, day) : Date.UTC(divider.year, divider.month - 1, divider.day));

  const lines = input.split(/\r\n|\r|\n|\u2028|\u2029/);
  const trimmed = (i: number) => lines[i]!.trim();
  /** A divider always comes right before a message: a header, a timed line, or a name over a bare time. */
  const messageStartsAfter = (i: number): boolean => {
    let next = i + 1;
    while (next < lines.length && !trimmed(next)) next += 1;
    if (next >= lines.length) return false;
    const kind = classifyLine(trimmed(next)).kind;
    if (kind === 'header' || kind === 'timed' || kind === 'dated' || kind === 'time-only') return true;
    return kind === 'text' && next + 1 < lines.length && classifyLine(trimmed(next + 1)).kind === 'time-only';
  };

  /**
   * The text line right above a bare time, when it is that message's speaker: Slack puts the name
   * alone above the time. A line taken back must leave its message some text ("Alice / 10:32 AM /
   * checking logs / 10:33 AM" is Alice again, not a speaker called "checking logs"), and a new
   * speaker's name is written as names are ("Lee Lead", not "checking logs"), or is one heard already.
   * A bot badge or status where the name goes (`badge`) says the line above is the name, whatever it is.
   */
  const nameOver = (i: number, textBefore: typeof lastText, badge = false) => {
    const above = textBefore?.index === i - 1 && !blankBefore ? slackName(trimmed(i - 1)) : null;
    if (above === null || !textBefore) return null;
    // A line left unplaced need only look like a name loosely ("Sam Support", not "customer says it's still broken").
    if (!textBefore.into) return badge || looksLikeName(above) ? textBefore : null;
    return textBefore.before && (badge || authors.has(above) || looksLikeNewName(above, namesAboveTimes)) ? textBefore : null;
  };

  for (let i = 0; i < lines.length; i += 1) {
    const line = trimmed(i);
    const number = i + 1;
    if (!line) {
      blankBefore = true;
      continue;
    }
    const open = current as ParsedMessage | null;
    const toggles = togglesFence(line);
    const inBlock: boolean = fence === 'message' || (toggles && !fence && !!open && joins(open));
    if (toggles) fence = fence ? null : inBlock ? 'message' : 'decoration';
    // The fences around pasted lines say nothing; one with more on it than a language is read.
    if (toggles && !inBlock && BARE_FENCE.test(line)) continue;
    let kind = classifyLine(line);
    // A block left open ends at the next speaker's header at the latest.
    if (inBlock && kind.kind === 'header') fence = null;
    else if (inBlock) kind = { kind: 'text', text: line };
    const underEmptyHeader = !!open && currentIsBlock && !open.text;
    // "Yesterday" or "March 3" said in a message is text: right under a header, with no message
    // after it, or naming a day before the chat's.
    // Right under a Zoom message it is that message going on: Zoom chats have no dividers (a timeline
    // written by hand may have day headings between its "10:32 text" lines).
    const continuesLine = !!open && !currentIsBlock && !blankBefore && open.author !== undefined && !currentFromTeams;
    if ((kind.kind === 'day' || kind.kind === 'relative-day') && (underEmptyHeader || continuesLine || !isDayChange(dividerDay(kind)) || !messageStartsAfter(i))) kind = { kind: 'text', text: line };
    // Slack's dividers name the weekday: "March 31" inside a Slack message, or a weekday that is not that date's, is what was said.
    if (kind.kind === 'day' && (kind.weekday === null ? open && currentIsBlock : new Date(dividerDay(kind)).getUTCDay() !== kind.weekday)) kind = { kind: 'text', text: line };
    // A list in a Slack message ("- 10:32 deploy", "1. 10:40 rollback"), or a time given with its zone
    // ("10:33 UTC the alert fired"), is what was said: only outside a message is it a timeline.
    if ((kind.kind === 'timed' || kind.kind === 'time-only') && open && currentIsBlock && open.text && ((kind.kind === 'timed' && kind.writtenZone !== undefined) || LIST_ITEM.test(line))) kind = { kind: 'text', text: line };
    // "Today at 3:00 PM" or "10:33 UTC" alone inside a Slack message is said, unless a name stands above it
    // (Slack writes its own times with neither, except "Today at" under a name).
    if (kind.kind === 'time-only' && (kind.daysAgo !== undefined || kind.writtenZone !== undefined) && open?.text && currentIsBlock && !nameOver(i, lastText, kind.nameAbove)) kind = { kind: 'text', text: line };
    // A log line quoted in a message ("2025-03-01 02:14:05 ERROR …") is part of it, and moves no day.
    if (kind.kind === 'dated' && open && (currentIsBlock || (open.author !== undefined && !blankBefore))) kind = { kind: 'text', text: line };
    // A message that is only a time, or starts with one ("10:45 works for me"), under its speaker's
    // header; a Zoom line is a message of its own, and under a bare time with no speaker a timed line is the next entry.
    if ((kind.kind === 'time-only' || (kind.kind === 'timed' && kind.author === undefined)) && underEmptyHeader && open.author !== undefined) kind = { kind: 'text', text: line };
    // A time alone right under a Zoom message ("retro at" / "3:00 PM") is that message going on.
    if (kind.kind === 'time-only' && open && !currentIsBlock && !blankBefore && open.author !== undefined) kind = { kind: 'text', text: line };
    // A date this reader cannot place, inside a Slack message, is part of what was said.
    if (kind.kind === 'bad-time' && open && currentIsBlock) kind = { kind: 'text', text: line };
    const textBefore = lastText;
    lastText = null;
    switch (kind.kind) {
      case 'dated': {
        const { h, mi, s } = kind.clock;
        dayFromChat = true;
        const wall = kind.day + (h * 60 + mi) * 60_000;
        const at = kind.writtenZone === null ? inRepeatedHour(wall, s) : instantOfWall(wall + s * 1000, kind.writtenZone);
        // The lines after it count on from its day and time in the chat's zone, whatever zone it was written in.
        countOnFrom(at);
        rolledOver = false;
        start({ line: number, at, text: unedited(kind.text) }, false);
        break;
      }
      case 'timed':
        start({ line: number, at: kind.writtenZone === undefined ? instant(kind.clock) : instantIn(kind.clock, kind.writtenZone), ...(kind.author ? { author: kind.author } : {}), text: unedited(kind.text) }, false, kind.teams);
        break;
      case 'header':
        // "Sam Support  Today at 3:04 PM": the header names its own day.
        if (kind.daysAgo !== undefined) relativeDay(kind.daysAgo);
        start({ line: number, at: instant(kind.clock), author: kind.author, text: '' }, true);
        break;
      case 'time-only': {
        // Slack puts the name alone on the line above the time: take that line back from where it went
        // (Slack copies may mix this layout with "Name  10:32 PM" headers).
        const nameAbove = nameOver(i, textBefore, kind.nameAbove);
        let author: string | undefined;
        let line = number;
        if (nameAbove) {
          if (nameAbove.into) nameAbove.into.text = nameAbove.before;
          else unplaced.pop();
          author = slackName(trimmed(i - 1));
          line = number - 1;
        } else {
          // No name above: the same speaker again, as Slack shows a follow-up message.
          author = (messages.at(-1) as ParsedMessage | undefined)?.author;
        }
        if (nameAbove) namesAboveTimes = true;
        if (kind.daysAgo !== undefined) relativeDay(kind.daysAgo);
        start({ line, at: kind.writtenZone === undefined ? instant(kind.clock) : instantIn(kind.clock, kind.writtenZone), ...(author ? { author } : {}), text: '' }, true);
        break;
      }
      case 'day':
        rolledOver = false;
        day = dividerDay(kind);
        dayFromChat = true;
        lastMinute = null;
        current = null;
        break;
      case 'relative-day':
        rolledOver = false;
        day = dividerDay(kind);
        dayFromChat = true;
        relativeRead.add(kind.daysAgo ? 'Yesterday' : 'Today');
        lastMinute = null;
        current = null;
        break;
      case 'chrome':
        skipped += 1;
        break;
      case 'bad-time':
        leaveUnplaced(number, line, kind.reason);
        break;
      case 'text': {
        if (open && joins(open)) {
          lastText = { index: i, into: open, before: open.text };
          open.text = open.text ? `${open.text}\n${unedited(line)}` : unedited(line);
        } else {
          lastText = { index: i, into: null, before: '' };
          leaveUnplaced(number, line, 'no time on this line');
        }
        break;
      }
    }
    blankBefore = false;
  }
  const result = finish(messages, unplaced, lines);
  return { ...result, ...(skipped ? { skipped } : {}), ...(relativeRead.size ? { relativeDays: { today, read: (['Yesterday', 'Today'] as const).filter((d) => relativeRead.has(d)) } } : {}) };
}

/** A header or a time with no message is shown to the user as written, rather than kept as an empty entry. */
function finish(all: ParsedMessage[], unplaced: UnplacedLine[], lines: readonly string[]): TranscriptResult {
  const messages: ParsedMessage[] = [];
  for (const message of all) {
    if (message.text.trim()) messages.push(message);
    else {
      // A name alone above its time ("Lee Lead", then "10:05 AM"): both lines.
      const first = lines[message.line - 1]!.trim();
      const text = first === message.author && message.line < lines.length ? `${first} ${lines[message.line]!.trim()}` : first;
      unplaced.push({ line: message.line, text, reason: message.author && text.includes(message.author) ? 'a name and time with no message under it' : 'a time with no message' });
    }
  }
  unplaced.sort((a, b) => a.line - b.line);
  return { messages, unplaced };
}
