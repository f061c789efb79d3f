import { useRef, useState } from 'preact/hooks';
import type { ApiError } from '@/lib/gitlab/errors';
import { entryKey, newEntryId, type TimelineEntry } from '@/lib/retro/timeline-entry';
import type { TranscriptResult } from '@/lib/retro/transcript/parse-transcript';
import { addDays } from '@/lib/retro/zoned-time';
import { fitTranscript, PASTE_DRAFT_MAX, TIMELINE_MAX, type UnplacedDraftLine } from '@/lib/timeline-draft';
import { ErrorNotice } from '../ErrorNotice';
import { useFocusAfterRender } from '../use-focus-after-render';
import type { TimelineClient } from './timeline-client';
import { landsAt, skippedNote } from './time-format';

interface Props {
  client: TimelineClient;
  zone: string;
  defaultDate: string;
  unplaced: UnplacedDraftLine[];
  /** How many entries the timeline has already: a paste must fit beside them. */
  entryCount: number;
  /** What the timeline has already (`knownSources`): a message read again is not added twice. */
  known: ReadonlySet<string>;
  /** The entries' texts: a line without a time that was placed already is not listed again. */
  entryTexts: ReadonlySet<string>;
  /** The pasted text, kept in the draft so a reload loses nothing. */
  text: string;
  onText(text: string): void;
  /** The day picked for the first message, kept in the draft too; until one is picked it follows `defaultDate`. */
  pickedDate?: string;
  onDate(date: string): void;
  onParsed(entries: TimelineEntry[], unplaced: UnplacedDraftLine[]): void;
  /** A line the user gave a time: becomes an entry at that local date and time. */
  onPlace(line: UnplacedDraftLine, date: string, time: string): void;
  onDismiss(line: UnplacedDraftLine): void;
  /** The date or time typed for a line, kept in the draft until the line is added. */
  onLineChange(line: UnplacedDraftLine, typed: Pick<UnplacedDraftLine, 'date' | 'time'>): void;
}

/** "Paste transcript": parsed in the background worker, so a 1 MB paste never blocks the page. */
export function PasteTranscript({ client, zone, defaultDate, unplaced, entryCount, known, entryTexts, text: saved, onText, pickedDate, onDate, onParsed, onPlace, onDismiss, onLineChange }: Props) {
  // A paste too large for the draft stays here until it is read.
  const [large, setLarge] = useState<string | null>(null);
  const text = large ?? saved;
  const setText = (value: string) => {
    setLarge(value.length > PASTE_DRAFT_MAX ? value : null);
    onText(value.length > PASTE_DRAFT_MAX ? '' : value);
  };
  // Follows the timeline's first day until the user picks one.
  const date = pickedDate || defaultDate;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [outcome, setOutcome] = useState('');
  // After a line is placed or dismissed, the keyboard goes on with the next line (or the paste box when none is left).
  const lines = useRef<HTMLUListElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const settled = (index: number) => focusAfterRender(() => {
    const items = lines.current?.querySelectorAll('li') ?? [];
    return (items[index] ?? items[index - 1])?.querySelector('input[type="time"]') ?? box.current;
  });
  // Keyed by line and text: lines of two pastes may share a number.
  const keyOf = (line: UnplacedDraftLine) => `${line.line}\u0000${line.text}`;

  const read = async () => {
    setBusy(true);
    setError(null);
    const reply = await client.parseTranscript(text, date, zone);
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    const { messages, unplaced: lines, relativeDays, skipped } = reply.data;
    const fitted = fitTranscript(messages, lines, newEntryId);
    // The same chat read twice, or two copies that overlap: what the timeline has already is left out
    // (before the room is counted: reading a chat again adds nothing, so it always fits).
    // A line without a time is known by its text (an overlapping copy numbers its lines anew), listed or placed.
    const listed = new Set(unplaced.map((l) => l.text));
    const entries = fitted.entries.filter((e) => !known.has(entryKey(e)));
    const waiting = fitted.unplaced.filter((l) => !listed.has(l.text) && !entryTexts.has(l.text));
    const room = { entries: TIMELINE_MAX.entries - entryCount, lines: TIMELINE_MAX.unplaced - unplaced.length };
    if (entries.length > room.entries || waiting.length > room.lines) {
      return setOutcome(`That is ${entries.length} new messages and ${waiting.length} new lines without a time; this timeline has room for ${room.entries} and ${room.lines} more. Paste the part around the emergency.`);
    }
    const repeated = fitted.entries.length - entries.length + fitted.unplaced.length - waiting.length;
    onParsed(entries, waiting);
    setText('');
    setOutcome([
      `Added ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}.`,
      repeated ? `${repeated} ${repeated === 1 ? 'message or line was' : 'messages or lines were'} in the timeline or among its lines to place already, and left out.` : '',
      waiting.length ? `${waiting.length} ${waiting.length === 1 ? 'line needs' : 'lines need'} a time: see below.` : '',
      fitted.shortened ? `${fitted.shortened} very long ${fitted.shortened === 1 ? 'message was' : 'messages were'} shortened to ${TIMELINE_MAX.text.toLocaleString('en')} characters.` : '',
      relativeDays ? relativeDaysNote(relativeDays) : '',
      skipped ? `Left out ${skipped} ${skipped === 1 ? "line of Slack's interface" : "lines of Slack's interface"} (reactions, thread links).` : '',
    ].filter(Boolean).join(' '));
  };

  return (
    <div class="paste" data-testid="timeline-paste">
      <label class="field">
        <span>Chat transcript (Slack, Zoom, or lines starting with a time)</span>
        <textarea ref={box} rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div class="row">
        <label class="field">
          <span>Day of the first message</span>
          <input type="date" value={date} onInput={(e) => onDate(e.currentTarget.value)} />
        </label>
        <button type="button" disabled={busy || !text.trim() || !date} onClick={read}>Read transcript</button>
      </div>
      {large !== null && <p class="hint" data-testid="paste-too-long-to-keep">This paste is longer than the draft keeps ({PASTE_DRAFT_MAX.toLocaleString('en')} characters): read it now, as a reload or leaving the page drops it until it is read.</p>}
      <p role="status" class="outcome" data-testid="paste-outcome">{busy ? 'Reading the transcript…' : outcome}</p>
      {error && <ErrorNotice error={error} onRetry={read} />}
      {unplaced.length > 0 && (
        <fieldset class="unplaced" data-testid="unplaced-lines">
          <legend>{unplaced.length} {unplaced.length === 1 ? 'line' : 'lines'} without a time</legend>
          <ul class="results" ref={lines}>
            {unplaced.map((line, index) => {
              const key = keyOf(line);
              // A line may belong to another day than the first message's.
              const day = line.date || date;
              const time = line.time ?? '';
              // A time the clocks skip that night lands later: said here as in the entry form.
              const landing = time && day ? landsAt(day, time, zone) : '';
              return (
                <li key={`${key}\u0000${index}`}>
                  <p class="entry-text">Line {line.line}: {line.text} <span class="muted">({line.reason})</span></p>
                  {/* A form, so Enter in the date or time adds the line. */}
                  <form class="row" aria-label={`Place line ${line.line}`} onSubmit={(e) => {
                    e.preventDefault();
                    if (!time || !day) return;
                    onPlace(line, day, time);
                    settled(index);
                  }}>
                    <input type="date" aria-label={`Date for line ${line.line}`} value={day} onInput={(e) => onLineChange(line, { date: e.currentTarget.value })} />
                    <input type="time" aria-label={`Time for line ${line.line}`} value={time} onInput={(e) => onLineChange(line, { time: e.currentTarget.value })} />
                    <button type="submit" disabled={!time || !day} aria-label={`Add line ${line.line} at this time`}>Add at this time</button>
                    <button type="button" aria-label={`Dismiss line ${line.line}`} onClick={() => { onDismiss(line); settled(index); }}>Dismiss</button>
                  </form>
                  {landing && <p class="hint" role="status">{skippedNote(day, time, zone, landing)}</p>}
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
    </div>
  );
}

/** Which days Slack's "Yesterday" and "Today" were taken to be, so a chat copied on another day can be set right. */
function relativeDaysNote({ today, read }: NonNullable<TranscriptResult['relativeDays']>): string {
  const day = { Yesterday: `${addDays(today, -1)}, the day before this paste`, Today: `${today}, the day of this paste` };
  return `${read.map((d) => `Slack's "${d}" was read as ${day[d]}`).join('; ')}. Edit the entries if the chat was copied on another day.`;
}
