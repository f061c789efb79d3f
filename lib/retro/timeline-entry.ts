/** A timeline entry and the operations the editor needs: always kept sorted by time. */

/** GitLab's own incident timeline tags (GraphQL `timelineEventTagNames` accepts exactly these). */
export const GITLAB_TAGS = ['Start time', 'Impact detected', 'Response initiated', 'Impact mitigated', 'Cause identified', 'End time'] as const;
/** Support's own milestones: shown in the comment, never sent to GitLab as incident tags. */
export const SUPPORT_TAGS = ['Customer contacted', 'Escalated', 'Workaround provided', 'Customer confirmed'] as const;
export const TIMELINE_TAGS: readonly string[] = [...GITLAB_TAGS, ...SUPPORT_TAGS];

export type TimelineTag = (typeof GITLAB_TAGS)[number] | (typeof SUPPORT_TAGS)[number];

export interface TimelineEntry {
  id: string;
  /** ISO 8601 in UTC (`…Z`): one instant, shown in each reader's zone. */
  at: string;
  text: string;
  link?: string;
  tag?: string;
  /** Where it came from (`note:12`, `label-event:3`), so an import never adds the same thing twice. */
  source?: string;
  /** Taken from an internal note: it belongs in an internal comment only. */
  internal?: true;
}

/** Same minute (GitLab keeps times to the minute) and same text: the same entry, however it got here. */
export const entryKey = (entry: { at: string; text: string }): string => `${new Date(entry.at).toISOString().slice(0, 16)}|${entry.text}`;

export const isTimelineTag = (tag: string): boolean => TIMELINE_TAGS.includes(tag);

export const isGitLabTag = (tag: string | undefined): boolean => (GITLAB_TAGS as readonly string[]).includes(tag ?? '');

/** Stable order: by instant, then by id so equal times never swap places between renders. */
export function sortEntries(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** Adds or replaces (same id) and re-sorts. */
export function upsertEntry(entries: readonly TimelineEntry[], entry: TimelineEntry): TimelineEntry[] {
  return sortEntries([...entries.filter((e) => e.id !== entry.id), entry]);
}

export function removeEntry(entries: readonly TimelineEntry[], id: string): TimelineEntry[] {
  return entries.filter((e) => e.id !== id);
}

/**
 * What import skips: the sources in the timeline, and the entries as `entryKey`s (those taken in
 * from a posted comment know no source, but are there all the same).
 */
export function knownSources(entries: readonly TimelineEntry[]): Set<string> {
  return new Set(entries.flatMap((e) => (e.source ? [e.source, entryKey(e)] : [entryKey(e)])));
}

/** A candidate from the issue that the timeline has already: by source, or as the same entry. */
export const isKnown = (known: ReadonlySet<string>, candidate: { source: string; at: string; text: string }): boolean =>
  known.has(candidate.source) || known.has(entryKey(candidate));

/**
 * What a posted timeline shows, as one short string (FNV-1a over each entry's time, text, link,
 * tag and internal mark): an entry changed, added or removed changes it; typing that is no entry
 * yet does not.
 */
export function entriesFingerprint(entries: readonly TimelineEntry[]): string {
  let hash = 0x811c9dc5;
  for (const entry of entries) {
    for (const part of [entry.at, entry.text, entry.link ?? '', entry.tag ?? '', entry.internal ? '1' : '']) {
      for (let i = 0; i < part.length; i += 1) hash = Math.imul(hash ^ part.charCodeAt(i), 16_777_619);
      hash = Math.imul(hash ^ 0x1f, 16_777_619); // a separator, so "ab" + "c" differs from "a" + "bc"
    }
  }
  return `${entries.length}:${(hash >>> 0).toString(36)}`;
}

let counter = 0;
/** Unique enough inside one draft: time plus a counter plus randomness (no crypto needed for ids). */
export function newEntryId(now = Date.now()): string {
  counter = (counter + 1) % 1e6;
  return `e${now.toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
