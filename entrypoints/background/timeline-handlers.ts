/** The timeline section's GitLab work: import candidates, transcript parsing, publishing. */
import type { RequestOf, TimelinePublishResult } from '@/lib/messaging';
import { GitLabRequestError } from '@/lib/gitlab/errors';
import { allPages } from '@/lib/gitlab/page';
import { issueKey, tokenStatusItem } from '@/lib/settings';
import { harvestCandidates, type TimelineCandidate } from '@/lib/retro/timeline-harvest';
import { entriesFingerprint, entryKey, knownSources, newEntryId, sortEntries, type TimelineEntry } from '@/lib/retro/timeline-entry';
import { postedKey, readTimelineMarkdown, renderTimelineMarkdown, TIMELINE_MARKER } from '@/lib/retro/timeline-markdown';
import { PARSE_MEASURE, parseTranscript, type TranscriptResult } from '@/lib/retro/transcript/parse-transcript';
import { todayIn } from '@/lib/retro/zoned-time';
import { emptyTimelineDraft, TIMELINE_MAX, type TimelineDraftData } from '@/lib/timeline-draft';
import type { GitLabNote } from '@/lib/gitlab/types';
import { connect, type BackgroundDeps } from './context';
import { loadDraft, markPublished, recordSent, saveDraft, wasSentFromHere } from './draft-store';
import { publishIncidentEvents } from './incident-timeline';
import { findMarkedNote, publishMarkedNote } from './publish-marked-note';
import { requireEmergencyProject } from './retro-handlers';

const PER_PAGE = 100; // GitLab's maximum

/** All notes and label events (every page), as candidates; what the saved draft has already is skipped. */
export async function timelineCandidates(deps: BackgroundDeps, { ref }: RequestOf<'timeline:candidates'>): Promise<TimelineCandidate[]> {
  const { settings, gateway } = await connect(deps);
  requireEmergencyProject(settings, ref.projectPath);
  const [notes, events, draft] = await Promise.all([
    allPages((page) => gateway.listNotes(ref.projectPath, ref.iid, { page, perPage: PER_PAGE, sort: 'asc' })),
    allPages((page) => gateway.listLabelEvents(ref.projectPath, ref.iid, { page, perPage: PER_PAGE })),
    loadDraft('timeline', issueKey(settings.gitlabUrl, ref.projectPath, ref.iid)),
  ]);
  const issueUrl = `${settings.gitlabUrl.replace(/\/+$/, '')}/${ref.projectPath}/-/issues/${ref.iid}`;
  return harvestCandidates(notes, events, issueUrl, knownSources(draft.data?.entries ?? []));
}

/** In the worker, not the page: a 1 MB paste never blocks GitLab's tab. Slack's "Today" is the day of the paste. */
export function parseTimelineTranscript(deps: BackgroundDeps, { text, date, zone }: RequestOf<'timeline:parse'>): TranscriptResult {
  const start = performance.now();
  const result = parseTranscript(text, { date, zone, today: todayIn(zone, deps.now()) });
  performance.clearMeasures(PARSE_MEASURE);
  performance.measure(PARSE_MEASURE, { start, end: performance.now() });
  return result;
}

function refuse(message: string, kind: 'rejected' | 'stale-draft' = 'rejected'): never {
  throw new GitLabRequestError({ kind, status: 0, message });
}

function refuseStale(): never {
  refuse('The timeline was changed in another tab since this one loaded it. Review the newer version, then post again.', 'stale-draft');
}

/**
 * Publishes the saved draft at `revision` (never what a stale tab holds): one marked comment,
 * created or updated; then, when asked and the issue is an incident, GitLab timeline events.
 */
export async function publishTimeline(deps: BackgroundDeps, request: RequestOf<'timeline:publish'>): Promise<TimelinePublishResult> {
  const { ref, revision, internal, incidentEvents, zone } = request;
  const { settings, gateway } = await connect(deps);
  requireEmergencyProject(settings, ref.projectPath);
  const key = issueKey(settings.gitlabUrl, ref.projectPath, ref.iid);
  const draft = await loadDraft('timeline', key);
  if (draft.revision !== revision) refuseStale();
  const data = draft.data ?? emptyTimelineDraft();
  if (!data.entries.length) refuse('The timeline is empty: add entries before posting it.');

  const issue = await gateway.getIssue(ref.projectPath, ref.iid);
  const authorUsername = (await tokenStatusItem.getValue())?.username ?? (await gateway.currentUser()).username;
  const target = { projectPath: ref.projectPath, iid: ref.iid, marker: TIMELINE_MARKER, authorUsername };
  const found = await findMarkedNote(gateway, target);
  // A comment this draft did not post (another browser, or a draft removed after posting) is
  // taken in first, so updating it loses none of what it says. One GitLab stored while its answer
  // was lost (a 502) is this draft's own: what was deleted since stays deleted.
  const ours = !found || draft.published?.noteId === found.id || (await wasSentFromHere('timeline', key, String(found.body ?? '')));
  const { entries, revision: current, taken } = ours
    ? { entries: data.entries, revision, taken: 0 }
    : await takeInPosted(deps, key, revision, data, found);
  const body = renderTimelineMarkdown(entries, zone);
  const { note, action } = await publishMarkedNote(gateway, target, body, {
    internal,
    found,
    refusePublic: (comment) => internalTextUnshown(entries, comment),
    beforeSend: () => recordSent('timeline', key, body),
  });
  const noteUrl = `${String(issue.web_url ?? '')}#note_${note.id}`;
  const posted = entriesFingerprint(entries);
  const mark = { revision: current, noteId: note.id, noteUrl, at: deps.now().toISOString(), internal: note.internal === true, entries: posted };
  await markPublished('timeline', key, mark);

  const isIncident = String(issue.issue_type ?? '') === 'incident';
  const events = !incidentEvents
    ? null
    : isIncident
      ? await publishIncidentEvents(gateway, ref.projectPath, issue.id, entries)
      : { unavailable: 'GitLab keeps incident timeline events only on incident issues; this is a plain issue.' };
  if (events && 'stopped' in events && events.stopped) await markPublished('timeline', key, { ...mark, eventsMissing: events.notSent });
  return { noteId: note.id, noteUrl, action, internal: note.internal === true, revision: current, entries: posted, takenFromGitLab: taken, incidentEvents: events };
}

/**
 * A public comment is never given text from internal notes it does not show already (what it
 * shows was posted public on purpose, past the panel's warning): why not, or null.
 */
function internalTextUnshown(entries: readonly TimelineEntry[], comment: GitLabNote): string | null {
  const internal = entries.filter((entry) => entry.internal);
  if (!internal.length) return null;
  const shown = new Set(readTimelineMarkdown(String(comment.body ?? '')).map(entryKey));
  const unshown = internal.filter((entry) => !shown.has(postedKey(entry))).length;
  return unshown
    ? `The timeline comment on GitLab is public, and ${unshown === 1 ? '1 entry comes' : `${unshown} entries come`} from internal notes: they are not posted there. Remove ${unshown === 1 ? 'it' : 'them'}, or delete that comment on GitLab and post again (it will be internal).`
    : null;
}

/** Adds the posted comment's entries that the draft lacks (same minute and text: the same entry), as a new revision. */
async function takeInPosted(deps: BackgroundDeps, key: string, revision: number, data: TimelineDraftData, posted: GitLabNote) {
  const have = new Set(data.entries.map(postedKey));
  const missing = readTimelineMarkdown(String(posted.body ?? '')).filter((e) => !have.has(entryKey(e)));
  if (!missing.length) return { entries: data.entries, revision, taken: 0 };
  const entries = sortEntries([...data.entries, ...missing.map((e) => ({ ...e, id: newEntryId(), ...(posted.internal ? { internal: true as const } : {}) }))]);
  if (entries.length > TIMELINE_MAX.entries) refuse(`The timeline comment on GitLab has ${missing.length} entries this timeline lacks; together they pass ${TIMELINE_MAX.entries}. Remove some entries, then post again.`);
  const saved = await saveDraft(key, { kind: 'timeline', data: { ...data, entries } }, revision, deps.now());
  if (saved.status !== 'saved') refuseStale();
  return { entries, revision: saved.revision, taken: missing.length };
}
