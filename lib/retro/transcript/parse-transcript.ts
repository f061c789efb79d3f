/**
 * Chat text → timed messages. Knows Slack copies, Zoom chat, `HH:MM text`, `YYYY-MM-DD HH:MM text`
 * and ISO 8601; 12- and 24-hour clocks; rolls over past midnight. A line it cannot place is
 * returned in `unplaced` for the user to fix, never dropped.
 */
import { wallDayMs, wallMinuteToUtcMs } from '../zoned-time';
import { classifyLine, type Clock } from './line-kinds';

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

export interface UnplacedLine {
  line: number;
  text: string;
  reason: string;
}

export interface TranscriptResult {
  messages: ParsedMessage[];
  unplaced: UnplacedLine[];
  /** Set when a "Today" or "Yesterday" divider was read: the day it was taken to mean "today". */
  relativeTo?: string;
}

/** The worker records its latest parse under this User Timing name: seen in DevTools, read by `npm run bench`. */
export const PARSE_MEASURE = 'emergency-retro:parse-transcript';

/** A time more than this far before the previous one means the chat passed midnight. */
const ROLLOVER_MINUTES = 6 * 60;
const DAY_MS = 86_400_000;
const EDITED = /\s*\((?:edited|bearbeitet|modifié)\)$/i;
/** Slack's "(edited)" mark is not part of the message. */
const unedited = (text: string) => (text.endsWith(')') ? text.replace(EDITED, '') : text);

export function parseTranscript(input: string, { date, zone, today }: TranscriptOptions): TranscriptResult {
  const messages: ParsedMessage[] = [];
  const unplaced: UnplacedLine[] = [];
  let day = wallDayMs(date);
  let lastMinute: number | null = null;
  // The message continuation lines join; a Slack header's block survives blank lines.
  let current: ParsedMessage | null = null;
  let currentIsBlock = false;
  let blankBefore = false;
  let lastUnplacedLine = -1;
  let readRelativeDay = false;

  const instant = (clock: Clock): number => {
    const minute = clock.h * 60 + clock.mi;
    if (lastMinute !== null && minute < lastMinute - ROLLOVER_MINUTES) day += DAY_MS;
    lastMinute = minute;
    return wallMinuteToUtcMs(day + minute * 60_000, zone) + clock.s * 1000;
  };
  const start = (message: ParsedMessage, block: boolean) => {
    current = message;
    currentIsBlock = block;
    messages.push(message);
  };

  const lines = input.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!.replace(/\r$/, '').trim();
    const number = i + 1;
    if (!line) {
      blankBefore = true;
      continue;
    }
    const kind = classifyLine(line);
    switch (kind.kind) {
      case 'dated': {
        day = wallDayMs(kind.date);
        const { h, mi, s } = kind.clock;
        lastMinute = h * 60 + mi;
        const wall = day + lastMinute * 60_000;
        const utc = kind.offsetMin === null ? wallMinuteToUtcMs(wall, zone) : wall - kind.offsetMin * 60_000;
        const at = utc + s * 1000;
        start({ line: number, at, text: unedited(kind.text) }, false);
        break;
      }
      case 'timed':
        start({ line: number, at: instant(kind.clock), ...(kind.author ? { author: kind.author } : {}), text: unedited(kind.text) }, false);
        break;
      case 'header':
        start({ line: number, at: instant(kind.clock), author: kind.author, text: '' }, true);
        break;
      case 'time-only': {
        // Slack sometimes puts the name alone on the line above the time.
        const name = lastUnplacedLine === i - 1 && !blankBefore ? unplaced.pop() : undefined;
        start({ line: name?.line ?? number, at: instant(kind.clock), ...(name ? { author: name.text } : {}), text: '' }, true);
        break;
      }
      case 'day': {
        day = Date.UTC(kind.year ?? new Date(day).getUTCFullYear(), kind.month - 1, kind.day);
        lastMinute = null;
        current = null;
        break;
      }
      case 'relative-day': {
        day = wallDayMs(today) - kind.daysAgo * DAY_MS;
        readRelativeDay = true;
        lastMinute = null;
        current = null;
        break;
      }
      case 'bad-time':
        unplaced.push({ line: number, text: line, reason: kind.reason });
        lastUnplacedLine = i;
        current = null;
        break;
      case 'text': {
        const open = current as ParsedMessage | null;
        if (open && (currentIsBlock || !blankBefore || !open.text)) {
          open.text = open.text ? `${open.text}\n${unedited(line)}` : unedited(line);
        } else {
          unplaced.push({ line: number, text: line, reason: 'no time on this line' });
          lastUnplacedLine = i;
        }
        break;
      }
    }
    blankBefore = false;
  }
  const result = finish(messages, unplaced);
  return readRelativeDay ? { ...result, relativeTo: today } : result;
}

/** A header with no message under it is shown to the user rather than kept as an empty entry. */
function finish(all: ParsedMessage[], unplaced: UnplacedLine[]): TranscriptResult {
  const messages: ParsedMessage[] = [];
  for (const message of all) {
    if (message.text.trim()) messages.push(message);
    else unplaced.push({ line: message.line, text: message.author ?? '(a time with no message)', reason: 'a name and time with no message under it' });
  }
  unplaced.sort((a, b) => a.line - b.line);
  return { messages, unplaced };
}
