/** The timeline's draft: its entries, transcript lines still to place, and the half-typed entry. */
import type { TimelineEntry } from './retro/timeline-entry';

export interface UnplacedDraftLine {
  line: number;
  text: string;
  reason: string;
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
}

export interface TimelineDraft {
  kind: 'timeline';
  data: TimelineDraftData;
}

/** A pasted transcript is kept in the draft up to this size; a larger one waits in the box until read. */
export const PASTE_DRAFT_MAX = 200_000;

export const emptyTimelineDraft = (): TimelineDraftData => ({ entries: [], unplaced: [], form: null });
