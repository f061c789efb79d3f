import { useState } from 'preact/hooks';
import type { ApiError } from '@/lib/gitlab/errors';
import type { PanelClient } from './panel-client';
import { ErrorNotice } from './ErrorNotice';

/** The handbook asks for a retro lead who was not involved: ask GitLab who took part. */
export function LeadSuggestions({ client }: { client: PanelClient }) {
  const [state, setState] = useState<{ busy: boolean; leads: string[] | null; poolSize: number; error: ApiError | null }>({ busy: false, leads: null, poolSize: 0, error: null });
  const ask = async () => {
    setState({ busy: true, leads: null, poolSize: 0, error: null });
    const reply = await client.suggestLeads();
    setState({ busy: false, leads: reply.ok ? reply.data.suggestions : null, poolSize: reply.ok ? reply.data.poolSize : 0, error: reply.ok ? null : reply.error });
  };
  return (
    <div class="leads" data-testid="leads">
      <button type="button" disabled={state.busy} onClick={ask}>Suggest a retro lead</button>
      {state.busy && <p role="status" class="muted">Asking GitLab who took part…</p>}
      {state.leads && state.leads.length === 0 && (
        <p role="status">
          {state.poolSize === 0
            ? 'No retro leads are set yet: add them under Retro leads in the options.'
            : `Everyone in your lead pool (${state.poolSize}) took part in this emergency: add more retro leads in the options.`}
        </p>
      )}
      {state.leads && state.leads.length > 0 && <p role="status">Not involved: {state.leads.map((lead) => `@${lead}`).join(', ')}</p>}
      {state.error && <ErrorNotice error={state.error} onRetry={ask} onOpenOptions={client.openOptions} />}
    </div>
  );
}
