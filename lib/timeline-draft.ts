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
}

export interface TimelineDraft {
  kind: 'timeline';
  data: TimelineDraftData;
}

export const emptyTimelineDraft = (): TimelineDraftData => ({ entries: [], unplaced: [], form: null });
