/**
 * "Post retro notes": one structured comment on the emergency issue (timeline, findings, follow-ups,
 * decisions), found again by its marker and updated in place, never duplicated (case C10).
 */
import type { RequestOf, ResponseMap } from '@/lib/messaging';
import { GitLabRequestError } from '@/lib/gitlab/errors';
import { issueKey, tokenStatusItem } from '@/lib/settings';
import { emptyFindingsDraft } from '@/lib/findings-draft';
import { emptyTimelineDraft } from '@/lib/timeline-draft';
import { formatCalendarDate } from '@/lib/retro/due-date';
import { hasLabel } from '@/lib/retro/labels';
import { RETRO_NOTES_MARKER, retroNotesMarkdown } from '@/lib/retro/retro-notes';
import { TIMELINE_MARKER, renderTimelineMarkdown } from '@/lib/retro/timeline-markdown';
import { connect, type BackgroundDeps } from './context';
import { loadDraft } from './draft-store';
import { publishMarkedNote } from './publish-marked-note';
import { requireEmergencyProject, summarize } from './retro-handlers';

export async function postRetroNotes(deps: BackgroundDeps, { ref, zone, lead }: RequestOf<'retro:notes'>): Promise<ResponseMap['retro:notes']> {
  const { settings, gateway } = await connect(deps);
  requireEmergencyProject(settings, ref.projectPath);
  const key = issueKey(settings.gitlabUrl, ref.projectPath, ref.iid);
  const [findingsDraft, timelineDraft] = await Promise.all([loadDraft('findings', key), loadDraft('timeline', key)]);
  const { findings } = findingsDraft.data ?? emptyFindingsDraft();
  const { entries } = timelineDraft.data ?? emptyTimelineDraft();
  if (!entries.length && !findings.some((finding) => finding.text.trim())) {
    throw new GitLabRequestError({ kind: 'rejected', status: 0, message: 'There is nothing to post yet: record the timeline or some findings first.' });
  }
  const issue = summarize(await gateway.getIssue(ref.projectPath, ref.iid));
  const applied = hasLabel(issue.labels, settings.labels.retroActions);
  const owners = issue.assignees.map((user) => `@${user.username}`).join(', ');
  const retroActions = applied
    ? `${settings.labels.retroActions} applied: due ${issue.dueDate ? formatCalendarDate(issue.dueDate) : 'not set'}, assigned to ${owners || 'nobody'}`
    : null;
  const body = retroNotesMarkdown({
    // The timeline's own marker stays out: that comment and this one must never be mistaken for each other.
    timelineMarkdown: entries.length ? renderTimelineMarkdown(entries, zone).replace(TIMELINE_MARKER, '').trim() : '',
    findings,
    retroActions,
    lead: lead ?? null,
  });
  const authorUsername = (await tokenStatusItem.getValue())?.username ?? (await gateway.currentUser()).username;
  // Timeline entries from internal notes keep the notes internal too: posted as one, never written into a public one.
  const internal = entries.some((entry) => entry.internal);
  const { note, action } = await publishMarkedNote(gateway, { projectPath: ref.projectPath, iid: ref.iid, marker: RETRO_NOTES_MARKER, authorUsername }, body, {
    internal,
    refusePublic: () => (internal ? 'The comment on GitLab is public, and this timeline holds text from internal notes. Delete that comment on GitLab and post again (it will be internal), or remove those entries.' : null),
  });
  return { noteUrl: `${issue.webUrl}#note_${note.id}`, action };
}
