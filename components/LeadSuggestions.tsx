import { useState } from 'preact/hooks';
import type { ApiError } from '@/lib/gitlab/errors';
import type { PanelClient } from './panel-client';
import { ErrorNotice } from './ErrorNotice';

/** The handbook asks for a retro lead who was not involved: ask GitLab who took part. */
export function LeadSuggestions({ client }: { client: PanelClient }) {
  const [state, setState] = useState<{ busy: boolean; leads: string[] | null; error: ApiError | null }>({ busy: false, leads: null, error: null });
  const ask = async () => {
    setState({ busy: true, leads: null, error: null });
    const reply = await client.suggestLeads();
    setState({ busy: false, leads: reply.ok ? reply.data.suggestions : null, error: reply.ok ? null : reply.error });
  };
  return (
    <div class="leads" data-testid="leads">
      <button type="button" disabled={state.busy} onClick={ask}>Suggest a retro lead</button>
      {state.busy && <p role="status" class="muted">Asking GitLab who took part…</p>}
      {state.leads && state.leads.length === 0 && <p role="status">Nobody in your lead pool is free of this emergency. Add retro leads in the options.</p>}
      {state.leads && state.leads.length > 0 && <p role="status">Not involved: {state.leads.map((lead) => `@${lead}`).join(', ')}</p>}
      {state.error && <ErrorNotice error={state.error} onRetry={ask} onOpenOptions={client.openOptions} />}
    </div>
  );
}
