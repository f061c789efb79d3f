/**
 * Timeline entries as GitLab incident timeline events (GraphQL `timelineEventCreate`): GitLab
 * limits a user-written event note to 280 characters and knows only its own tags.
 */
import { shorten } from './shorten';
import { entryKey, isGitLabTag, sortEntries, type TimelineEntry } from './timeline-entry';

export const INCIDENT_EVENT_NOTE_MAX = 280;

export interface IncidentEventInput {
  entryId: string;
  note: string;
  occurredAt: string;
  timelineEventTagNames: string[];
}

export interface ExistingIncidentEvent {
  note: string;
  occurredAt: string;
}

/** The note GitLab will accept: the entry text (plus link), shortened to the limit with an ellipsis. */
export function eventNote(entry: TimelineEntry): string {
  const full = entry.link ? `${entry.text} ${entry.link}` : entry.text;
  const flat = full.replace(/\s+/g, ' ').trim();
  return shorten(flat, INCIDENT_EVENT_NOTE_MAX);
}


/** One event per entry, except those GitLab already has (same minute, same note): publishing twice adds nothing. */
export function planIncidentEvents(entries: readonly TimelineEntry[], existing: readonly ExistingIncidentEvent[]): { create: IncidentEventInput[]; alreadyThere: number } {
  const have = new Set(existing.map((e) => entryKey({ at: e.occurredAt, text: e.note })));
  const create: IncidentEventInput[] = [];
  let alreadyThere = 0;
  for (const entry of sortEntries(entries)) {
    const note = eventNote(entry);
    if (!note) continue;
    if (have.has(entryKey({ at: entry.at, text: note }))) {
      alreadyThere += 1;
      continue;
    }
    create.push({ entryId: entry.id, note, occurredAt: entry.at, timelineEventTagNames: isGitLabTag(entry.tag) ? [entry.tag!] : [] });
  }
  return { create, alreadyThere };
}
