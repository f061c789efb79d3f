import { useEffect, useState } from 'preact/hooks';
import type { PanelData } from '@/lib/messaging';
import { combineFindingsDrafts, emptyFindingsDraft } from '@/lib/findings-draft';
import { retroChecklist } from '@/lib/retro/checklist';
import { managerOf, respondingEngineer } from '@/lib/retro/roster-lookup';
import type { Finding } from '@/lib/retro/findings';
import type { PanelClient } from './panel-client';
import { useDraft } from './drafts/use-draft';
import { DraftStatus } from './drafts/DraftStatus';
import { RetroActions } from './RetroActions';
import { RetroStatus } from './RetroStatus';
import { RetroChecklist } from './RetroChecklist';
import { FindingsSection } from './FindingsSection';
import { LeadSuggestions } from './LeadSuggestions';
import { PostRetroNotes } from './PostRetroNotes';
import { TimelineSlot } from './TimelineSlot';

interface Props {
  data: PanelData;
  client: PanelClient;
  onChange(next: Partial<PanelData>): void;
}

/** Everything the retro panel shows once GitLab answered: checklist, state, timeline, findings, notes. */
export function RetroWorkspace({ data, client, onChange }: Props) {
  const draft = useDraft(client.drafts, 'findings', emptyFindingsDraft, combineFindingsDrafts);
  // One choice of engineer for Apply and the checklist, so they never disagree about the manager;
  // once typed it is kept in the draft (the engineer need not be an assignee to be remembered).
  const engineer = draft.data.engineer ?? respondingEngineer(data.issue.assignees.map((user) => user.username), data.roster);
  const setEngineer = (typed: string) => draft.update((current) => ({ ...current, engineer: typed }));
  const [timelineEntries, setTimelineEntries] = useState<number | null>(null);
  const [timelineOpen, setTimelineOpen] = useState(false);
  // The Timeline section is its own script, loaded only when opened; a timeline in progress opens it,
  // and so does anything typed that is no entry yet (a half-typed entry, a paste, lines to place).
  useEffect(() => {
    void client.drafts.loadDraft('timeline').then((reply) => {
      const timeline = reply.ok ? reply.data.data : null;
      const count = timeline?.entries.length ?? 0;
      setTimelineEntries(count);
      if (count || timeline?.form || timeline?.paste || timeline?.unplaced.length) setTimelineOpen(true);
    });
  }, [client]);
  const findings = draft.data.findings;
  const checklist = retroChecklist({
    labels: data.issue.labels,
    dueDate: data.issue.dueDate,
    assigneeUsernames: data.issue.assignees.map((user) => user.username),
    manager: managerOf(data.roster, engineer),
    labelNames: data.labels,
    timelineEntries: timelineEntries ?? 0,
    findings,
  });
  const setFindings = (change: (findings: Finding[]) => Finding[]) => draft.update((current) => ({ ...current, findings: change(current.findings) }));
  const theirs = draft.conflict?.data?.findings.length;
  const conflictSummary = theirs === undefined ? null : `${theirs} ${theirs === 1 ? 'finding' : 'findings'}`;
  return (
    <>
      <RetroChecklist checklist={checklist} />
      <RetroStatus issue={data.issue} labels={data.labels} />
      <RetroActions highlight={checklist.highlightApply} data={data} client={client} onChange={onChange} engineer={engineer} onEngineer={setEngineer} />
      <LeadSuggestions client={client} />
      <details class="section" data-testid="timeline-details" data-ready={timelineEntries === null ? 'no' : 'yes'} open={timelineOpen}
        onToggle={(event) => setTimelineOpen(event.currentTarget.open)}>
        <summary><h3>Timeline</h3> <span class="muted">{timelineEntries === null ? '' : `${timelineEntries} ${timelineEntries === 1 ? 'entry' : 'entries'}`}</span></summary>
        {timelineOpen && client.mountTimeline && (
          <TimelineSlot mount={client.mountTimeline} isIncident={data.issue.issueType === 'incident'} canWrite={data.canWrite} onEntries={setTimelineEntries} />
        )}
      </details>
      <details open class="section">
        <summary><h3>Findings</h3></summary>
        {draft.loading ? (
          <p role="status" class="muted">Loading the draft…</p>
        ) : (
          <FindingsSection findings={findings} client={client.followUps} canWrite={data.canWrite} onChange={setFindings} onOpenOptions={client.openOptions} />
        )}
        <DraftStatus status={draft.status} savedAt={draft.savedAt} error={draft.saveError ?? draft.loadError} conflictSummary={conflictSummary}
          onRetry={() => void draft.flush()} onResolve={draft.resolveConflict} />
      </details>
      <PostRetroNotes client={client} canWrite={data.canWrite} beforePost={draft.flush} lead={draft.data.lead ?? ''} onLead={(lead) => draft.update((current) => ({ ...current, lead }))} />
    </>
  );
}
