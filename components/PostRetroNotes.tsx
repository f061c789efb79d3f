import { useState } from 'preact/hooks';
import type { ApiError } from '@/lib/gitlab/errors';
import type { PanelClient } from './panel-client';
import { ErrorNotice } from './ErrorNotice';
import { browserZone } from '@/lib/browser-zone';

interface Props {
  client: PanelClient;
  canWrite: boolean;
  /** Saves the findings draft first: the notes are rendered from what is stored. */
  beforePost(): Promise<number | null>;
  /** The retro lead as typed, kept in the findings draft. */
  lead: string;
  onLead(lead: string): void;
}

/** One structured comment with the whole retro, updated in place when posted again. */
export function PostRetroNotes({ client, canWrite, beforePost, lead, onLead }: Props) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ url: string; text: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const post = async () => {
    setBusy(true);
    setError(null);
    if ((await beforePost()) === null) {
      setBusy(false);
      return setError({ kind: 'rejected', status: 0, message: 'The findings could not be saved first (see the draft status above), so nothing was posted.' });
    }
    const reply = await client.postRetroNotes(browserZone(), lead.trim().replace(/^@/, '') || undefined);
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    const text = { created: 'Retro notes posted.', updated: 'Retro notes updated in place.', unchanged: 'The retro notes on GitLab are already up to date.' }[reply.data.action];
    setOutcome({ url: reply.data.noteUrl, text });
  };

  return (
    <details class="section" data-testid="retro-notes">
      <summary><h3>Retro notes</h3></summary>
      <p class="muted">One comment on this issue with the timeline, findings, follow-ups and decisions. Posting again updates it.</p>
      <label class="field">
        <span>Retro lead (optional)</span>
        <input value={lead} placeholder="GitLab username" onInput={(event) => onLead(event.currentTarget.value)} />
      </label>
      <div class="row">
        <button type="button" disabled={busy || !canWrite} onClick={post}>Post retro notes</button>
      </div>
      <p role="status" data-testid="notes-outcome">
        {busy ? 'Posting…' : outcome && <>{outcome.text} <a href={outcome.url} target="_blank" rel="noopener noreferrer">Open the comment</a></>}
      </p>
      {error && <ErrorNotice error={error} onRetry={post} onOpenOptions={client.openOptions} />}
    </details>
  );
}
