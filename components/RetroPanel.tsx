import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiError } from '@/lib/gitlab/errors';
import type { PanelData } from '@/lib/messaging';
import type { PanelClient } from './panel-client';
import { ErrorNotice } from './ErrorNotice';
import { RetroActions } from './RetroActions';
import { RetroStatus } from './RetroStatus';
import { RetroChecklist } from './RetroChecklist';
import { FindingsSection } from './FindingsSection';
import { LeadSuggestions } from './LeadSuggestions';
import { retroChecklist } from '@/lib/retro/checklist';
import { managerOf } from '@/lib/retro/roster-lookup';
import type { Finding } from '@/lib/retro/findings';
import { TimelineSlot } from './TimelineSlot';

type State = { phase: 'loading' } | { phase: 'error'; error: ApiError } | { phase: 'ready'; data: PanelData };

/** The retro panel of one issue: a landmark named "Retro" with loading, error and ready states. */
export function RetroPanel({ client, issueLabel }: { client: PanelClient; issueLabel: string }) {
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [findings, setFindings] = useState<Finding[]>([]);

  const load = useCallback(() => {
    let live = true;
    setState({ phase: 'loading' });
    void client.load().then((reply) => {
      if (live) setState(reply.ok ? { phase: 'ready', data: reply.data } : { phase: 'error', error: reply.error });
    });
    // A reply for an issue the user already left is dropped (case C4).
    return () => {
      live = false;
    };
  }, [client]);

  useEffect(load, [load]);

  return (
    <section class="panel" aria-label="Retro" data-testid="retro-panel">
      <header class="panel-header">
        <h2>Retro</h2>
        <span class="muted" data-testid="panel-ref" title={issueLabel}>{issueLabel.slice(issueLabel.lastIndexOf('/') + 1)}</span>
      </header>
      {state.phase === 'loading' && <p role="status" class="muted">Loading the retro state from GitLab…</p>}
      {state.phase === 'error' && <ErrorNotice error={state.error} onRetry={load} onOpenOptions={client.openOptions} />}
      {state.phase === 'ready' && (
        <>
          <RetroChecklist checklist={checklistOf(state.data, findings)} />
          <RetroStatus issue={state.data.issue} labels={state.data.labels} />
          <RetroActions
            highlight={checklistOf(state.data, findings).highlightApply}
            data={state.data}
            client={client}
            onChange={(next) => setState((now) => (now.phase === 'ready' ? { phase: 'ready', data: { ...now.data, ...next } } : now))}
          />
          <LeadSuggestions client={client} />
          <details open class="section">
            <summary><h3>Findings</h3></summary>
            <FindingsSection findings={findings} client={client.followUps} canWrite={state.data.canWrite} onChange={setFindings} onOpenOptions={client.openOptions} />
          </details>
          {client.mountTimeline && (
            <TimelineSlot mount={client.mountTimeline} isIncident={state.data.issue.issueType === 'incident'} canWrite={state.data.canWrite} />
          )}
        </>
      )}
    </section>
  );
}

/** The engineer's manager from the roster, for the checklist's "manager assigned" step. */
function checklistOf(data: PanelData, findings: Finding[]) {
  const engineer = data.issue.assignees.find((user) => managerOf(data.roster, user.username)) ?? data.issue.assignees[0];
  return retroChecklist({
    labels: data.issue.labels,
    dueDate: data.issue.dueDate,
    assigneeUsernames: data.issue.assignees.map((user) => user.username),
    manager: engineer ? managerOf(data.roster, engineer.username) : undefined,
    labelNames: data.labels,
    timelineEntries: 0,
    findings,
  });
}
