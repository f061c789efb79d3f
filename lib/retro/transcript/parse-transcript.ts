/**
 * Chat text → timed messages. Knows Slack copies, Zoom chat, `HH:MM text`, `YYYY-MM-DD HH:MM text`
 * and ISO 8601; 12- and 24-hour clocks; rolls over past midnight. A line it cannot place is
 * returned in `unplaced` for the user to fix, never dropped.
 */
import { addDays, zonedToUtcMs } from '../zoned-time';
import { classifyLine, type Clock } from './line-kinds';

export interface TranscriptOptions {
  /** `YYYY-MM-DD`: the day of the first message without a date. */
  date: string;
  /** IANA zone the chat showed its times in. */
  zone: string;
}

export interface ParsedMessage {
  /** 1-based line number where the message starts. */
  line: number;
  at: string;
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
}

/** A time more than this far before the previous one means the chat passed midnight. */
const ROLLOVER_MINUTES = 6 * 60;
const EDITED = /\s*\((?:edited|bearbeitet|modifié)\)\s*$/i;

export function parseTranscript(input: string, { date, zone }: TranscriptOptions): TranscriptResult {
  const messages: ParsedMessage[] = [];
  const unplaced: UnplacedLine[] = [];
  let day = date;
  let lastMinute: number | null = null;
  // The message continuation lines join; `block` ones (Slack headers) survive blank lines.
  let current: (ParsedMessage & { block: boolean }) | null = null;
  let blankBefore = false;
  let lastUnplacedLine = -1;

  const instant = (clock: Clock): string => {
    const minute = clock.h * 60 + clock.mi;
    if (lastMinute !== null && minute < lastMinute - ROLLOVER_MINUTES) day = addDays(day, 1);
    lastMinute = minute;
    return new Date(zonedToUtcMs(day, clock.h, clock.mi, clock.s, zone)).toISOString();
  };
  const start = (message: ParsedMessage, block: boolean) => {
    current = { ...message, block };
    messages.push(current);
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
        day = kind.date;
        const { h, mi, s } = kind.clock;
        lastMinute = h * 60 + mi;
        const at = kind.offsetMin === null
          ? new Date(zonedToUtcMs(day, h, mi, s, zone)).toISOString()
          : new Date(Date.parse(`${day}T00:00:00Z`) + ((h * 60 + mi - kind.offsetMin) * 60 + s) * 1000).toISOString();
        start({ line: number, at, text: kind.text.replace(EDITED, '') }, false);
        break;
      }
      case 'timed':
        start({ line: number, at: instant(kind.clock), ...(kind.author ? { author: kind.author } : {}), text: kind.text.replace(EDITED, '') }, false);
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
        const year = kind.year ?? Number(day.slice(0, 4));
        day = `${year}-${String(kind.month).padStart(2, '0')}-${String(kind.day).padStart(2, '0')}`;
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
        const open = current as (ParsedMessage & { block: boolean }) | null;
        if (open && (open.block || !blankBefore || !open.text)) {
          open.text = open.text ? `${open.text}\n${line.replace(EDITED, '')}` : line.replace(EDITED, '');
        } else {
          unplaced.push({ line: number, text: line, reason: 'no time on this line' });
          lastUnplacedLine = i;
        }
        break;
      }
    }
    blankBefore = false;
  }
  return finish(messages, unplaced);
}

/** A header with no message under it is shown to the user rather than kept as an empty entry. */
function finish(all: ParsedMessage[], unplaced: UnplacedLine[]): TranscriptResult {
  const messages: ParsedMessage[] = [];
  for (const m of all) {
    const { block: _block, ...message } = m as ParsedMessage & { block?: boolean };
    if (message.text.trim()) messages.push(message);
    else unplaced.push({ line: message.line, text: message.author ?? '(a time with no message)', reason: 'a name and time with no message under it' });
  }
  unplaced.sort((a, b) => a.line - b.line);
  return { messages, unplaced };
}
