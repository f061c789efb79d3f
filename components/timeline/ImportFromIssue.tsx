import { useState } from 'preact/hooks';
import type { ApiError } from '@/lib/gitlab/errors';
import { isKnown } from '@/lib/retro/timeline-entry';
import type { TimelineCandidate } from '@/lib/retro/timeline-harvest';
import { ErrorNotice } from '../ErrorNotice';
import type { TimelineClient } from './timeline-client';
import { localAndUtc } from './time-format';

interface Props {
  client: TimelineClient;
  zone: string;
  /** What the timeline has already (`knownSources`): not offered again. */
  known: Set<string>;
  onAdd(candidates: TimelineCandidate[]): void;
  onOpenOptions?: () => void;
}

type State = { phase: 'idle' } | { phase: 'loading' } | { phase: 'error'; error: ApiError } | { phase: 'ready'; candidates: TimelineCandidate[] };

const KIND = { comment: 'comment', system: 'system note', label: 'label' } as const;

/** "Import from issue": comments, system notes and label events to tick and add. */
export function ImportFromIssue({ client, zone, known, onAdd, onOpenOptions }: Props) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const load = async () => {
    setState({ phase: 'loading' });
    const reply = await client.candidates();
    setPicked(new Set());
    setState(reply.ok ? { phase: 'ready', candidates: reply.data } : { phase: 'error', error: reply.error });
  };
  const when = (at: string) => {
    const { local, utc } = localAndUtc(at, zone);
    return utc ? `${local} (${utc})` : local;
  };
  const offered = state.phase === 'ready' ? state.candidates.filter((c) => !isKnown(known, c)) : [];
  const toggle = (source: string) => setPicked((now) => {
    const next = new Set(now);
    if (!next.delete(source)) next.add(source);
    return next;
  });
  const add = () => {
    onAdd(offered.filter((c) => picked.has(c.source)));
    setPicked(new Set());
  };
  return (
    <div class="import" data-testid="timeline-import">
      <button type="button" onClick={load} disabled={state.phase === 'loading'}>{state.phase === 'ready' ? 'Reload from issue' : 'Import from issue'}</button>
      {state.phase === 'loading' && <p role="status" class="muted">Reading the issue's comments, system notes and label events…</p>}
      {state.phase === 'error' && <ErrorNotice error={state.error} onRetry={load} onOpenOptions={onOpenOptions} />}
      {state.phase === 'ready' && !offered.length && <p class="muted" data-testid="import-empty">Nothing new to import: every comment, system note and label event is in the timeline already, or the issue has none.</p>}
      {offered.length > 0 && (
        <fieldset class="candidates">
          <legend>{offered.length} from the issue: tick the ones to add</legend>
          <div class="row">
            <button type="button" onClick={() => setPicked(new Set(picked.size === offered.length ? [] : offered.map((c) => c.source)))}>
              {picked.size === offered.length ? 'Select none' : 'Select all'}
            </button>
            <button type="button" class="primary" disabled={!picked.size} onClick={add}>Add {picked.size} selected</button>
          </div>
          <ul class="results" data-testid="import-candidates">
            {offered.map((c) => (
              <li key={c.source}>
                <label>
                  <input type="checkbox" checked={picked.has(c.source)} onChange={() => toggle(c.source)} />{' '}
                  <span class="muted">{when(c.at)} · @{c.author} · {c.internal ? `internal ${KIND[c.kind]}` : KIND[c.kind]}:</span> {c.excerpt}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </div>
  );
}
