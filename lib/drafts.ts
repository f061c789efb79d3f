/**
 * Per-issue drafts as the surfaces see them (plain JSON across messaging). The store itself lives
 * in the background (entrypoints/background/draft-store.ts); content scripts never read storage.
 */
import type { TimelineDraft } from './timeline-draft';
import type { FindingsDraft } from './findings-draft';

/** Every kind of draft. */
export type Draft = TimelineDraft | FindingsDraft;
export type DraftKind = Draft['kind'];
export type DraftData<K extends DraftKind> = Extract<Draft, { kind: K }>['data'];

/** What GitLab confirmed for this draft's last publish. */
export interface PublishedMark {
  /** The draft revision that was published. */
  revision: number;
  noteId: number;
  noteUrl: string;
  at: string;
  /** The comment is an internal note (GitLab fixes this when it is first posted). Absent in marks saved before it was kept. */
  internal?: boolean;
  /** Timeline only: `entriesFingerprint` of the entries posted, so typing that is no entry yet is no change to post. */
  entries?: string;
  /** Timeline only: incident events the post's run left unwritten (it stopped part way), so a reload still says so. */
  eventsMissing?: number;
}

/** Distributes over kinds, so a view of one kind is a view of "any kind". */
export type DraftView<K extends DraftKind = DraftKind> = K extends DraftKind ? DraftViewOf<K> : never;

interface DraftViewOf<K extends DraftKind> {
  kind: K;
  /** 0: nothing saved yet. Every save bumps it; a save must name the revision it started from. */
  revision: number;
  savedAt: string | null;
  data: DraftData<K> | null;
  published: PublishedMark | null;
}

/** A save either lands, or finds that another tab saved first: then the panel lets the user choose. */
export type DraftSaveResult<K extends DraftKind = DraftKind> =
  | { status: 'saved'; revision: number; savedAt: string }
  | { status: 'conflict'; current: DraftView<K> };
