import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiError } from '@/lib/gitlab/errors';
import type { PanelData } from '@/lib/messaging';
import type { PanelClient } from './panel-client';
import { ErrorNotice } from './ErrorNotice';
import { RetroWorkspace } from './RetroWorkspace';

type State = { phase: 'loading' } | { phase: 'error'; error: ApiError } | { phase: 'ready'; data: PanelData };

/** The retro panel of one issue: a landmark named "Retro" with loading, error and ready states. */
export function RetroPanel({ client, issueLabel }: { client: PanelClient; issueLabel: string }) {
  const [state, setState] = useState<State>({ phase: 'loading' });

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
  // Changed elsewhere ("Suggest retro"): read again in place, keeping what is typed in the panel.
  useEffect(() => client.onChanged(() => {
    void client.load().then((reply) => reply.ok && setState({ phase: 'ready', data: reply.data }));
  }), [client]);

  return (
    <section class="panel" aria-label="Retro" data-testid="retro-panel">
      <header class="panel-header">
        <h2>Retro</h2>
        <span class="muted" data-testid="panel-ref" title={issueLabel}>{issueLabel.slice(issueLabel.lastIndexOf('/') + 1)}</span>
      </header>
      {state.phase === 'loading' && <p role="status" class="muted">Loading the retro state from GitLab…</p>}
      {state.phase === 'error' && <ErrorNotice error={state.error} onRetry={load} onOpenOptions={client.openOptions} />}
      {state.phase === 'ready' && (
        <RetroWorkspace
          data={state.data}
          client={client}
          onChange={(next) => setState((now) => (now.phase === 'ready' ? { phase: 'ready', data: { ...now.data, ...next } } : now))}
        />
      )}
    </section>
  );
}
