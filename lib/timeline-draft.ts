/** The timeline's draft: its entries, transcript lines still to place, and the half-typed entry. */
import { shorten } from './retro/shorten';
import { entryKey, sortEntries, type TimelineEntry } from './retro/timeline-entry';
import type { ParsedMessage, UnplacedLine } from './retro/transcript/parse-transcript';

export interface UnplacedDraftLine {
  line: number;
  text: string;
  reason: string;
  /** The local date and time typed for it, until it is added ("YYYY-MM-DD", "HH:MM"). */
  date?: string;
  time?: string;
}

/** The add-entry form as typed (local date and time as the inputs hold them). */
export interface EntryFormDraft {
  /** The entry being edited; '' while adding a new one. */
  id: string;
  date: string;
  time: string;
  text: string;
  link: string;
  tag: string;
}

export interface TimelineDraftData {
  entries: TimelineEntry[];
  unplaced: UnplacedDraftLine[];
  form: EntryFormDraft | null;
  /** The transcript as pasted, until it is read (kept only while small enough for a draft). */
  paste?: string;
  /** `YYYY-MM-DD`: the "Day of the first message" picked for the paste (else it follows the timeline's first day). */
  pasteDay?: string;
}

export interface TimelineDraft {
  kind: 'timeline';
  data: TimelineDraftData;
}

/** A pasted transcript is kept in the draft up to this size; a larger one waits in the box until read. */
export const PASTE_DRAFT_MAX = 200_000;

export const emptyTimelineDraft = (): TimelineDraftData => ({ entries: [], unplaced: [], form: null });

/** What one timeline draft holds at most: the draft schema refuses more, so the panel keeps within it. */
export const TIMELINE_MAX = { entries: 5000, unplaced: 5000, text: 5000 } as const;

/**
 * Both tabs' versions in one, for "Keep both": every entry of mine, then theirs that mine lacks
 * (by id, or as the same entry) and that were not deleted here; their unplaced lines too. Mine wins where both edited one entry,
 * or where both tabs hold a half-typed entry.
 */
export function combineTimelineDrafts(mine: TimelineDraftData, theirs: TimelineDraftData | null, deletedHere: ReadonlySet<string> = new Set()): TimelineDraftData {
  if (!theirs) return mine;
  const have = new Set(mine.entries.flatMap((e) => [e.id, entryKey(e)]));
  // A line to place is known by its text, as the paste box knows it (two pastes number lines anew).
  const lines = new Set(mine.unplaced.map((l) => l.text));
  const added = theirs.entries.filter((e) => !deletedHere.has(e.id) && !have.has(e.id) && !have.has(entryKey(e)));
  // Typing that is no entry yet comes along too: their half-typed entry when mine has none, and their unread paste.
  const pastes = [...new Set([mine.paste, theirs.paste].filter(Boolean))].join('\n');
  return {
    ...mine,
    form: mine.form ?? theirs.form,
    ...(mine.pasteDay ?? theirs.pasteDay ? { pasteDay: mine.pasteDay ?? theirs.pasteDay } : {}),
    ...(pastes ? { paste: pastes.length <= PASTE_DRAFT_MAX ? pastes : mine.paste || theirs.paste } : {}),
    // Within the draft's limits, theirs give way: every entry and line of mine stays.
    entries: sortEntries([...mine.entries, ...added.slice(0, Math.max(0, TIMELINE_MAX.entries - mine.entries.length))]),
    unplaced: [...mine.unplaced, ...theirs.unplaced.filter((l) => !lines.has(l.text)).slice(0, Math.max(0, TIMELINE_MAX.unplaced - mine.unplaced.length))],
  };
}

/**
 * A read transcript as draft content: messages become entries ("Name: text"); a message or line
 * longer than an entry may be is shortened, and counted so the panel can say so.
 */
export function fitTranscript(messages: readonly ParsedMessage[], lines: readonly UnplacedLine[], newId: () => string): { entries: TimelineEntry[]; unplaced: UnplacedDraftLine[]; shortened: number } {
  let shortened = 0;
  const fit = (text: string) => {
    const short = shorten(text, TIMELINE_MAX.text);
    if (short !== text) shortened += 1;
    return short;
  };
  const entries = messages.map((m) => ({ id: newId(), at: new Date(m.at).toISOString(), text: fit(m.author ? `${m.author}: ${m.text}` : m.text) }));
  const unplaced = lines.map((line) => ({ ...line, text: fit(line.text) }));
  return { entries, unplaced, shortened };
}
