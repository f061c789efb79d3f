import { useEffect, useRef, useState } from 'preact/hooks';
import { FOLLOW_UP_TITLES, FOLLOW_UP_TYPES, findingProblem, isActionableList, type Finding, type FollowUpType } from '@/lib/retro/findings';
import type { FollowUpClient } from './panel-client';
import { FollowUpControl } from './FollowUpControl';

interface Props {
  finding: Finding;
  label: string;
  client: FollowUpClient;
  canWrite: boolean;
  onChange(change: Partial<Finding>): void;
  onRemove(): void;
  onOpenOptions(): void;
}

/** One finding: its text, and for actionable ones the follow-up, owner, state and outcome. */
export function FindingRow({ finding, label, client, canWrite, onChange, onRemove, onOpenOptions }: Props) {
  const set = onChange;
  const problem = finding.text ? findingProblem(finding) : null;
  const actionable = isActionableList(finding.list);
  const type = finding.type;
  const [confirming, setConfirming] = useState(false);
  // The question takes focus once, when asked (its Remove button is gone).
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  return (
    <li class="finding" data-finding={finding.id}>
      <label class="field">
        <span class="visually-hidden">{label}</span>
        <textarea rows={3} value={finding.text} aria-label={label} maxLength={2000} onInput={(event) => set({ text: event.currentTarget.value })} />
      </label>
      {actionable && (
        <div class="row">
          <label class="grow">
            <span class="visually-hidden">Follow-up for {label}</span>
            <select aria-label={`Follow-up for ${label}`} value={type ?? ''} disabled={!!finding.followUp}
              onChange={(event) => set({ type: (event.currentTarget.value || undefined) as FollowUpType | undefined })}>
              <option value="">No follow-up yet</option>
              {FOLLOW_UP_TYPES.map((option) => <option key={option} value={option}>{FOLLOW_UP_TITLES[option]}</option>)}
            </select>
          </label>
          <label class="check">
            <input type="checkbox" checked={finding.state === 'done'} onChange={(event) => set({ state: event.currentTarget.checked ? 'done' : 'open' })} /> Done
          </label>
        </div>
      )}
      {type === 'no-action' && (
        <input value={finding.reason ?? ''} aria-label={`Why no action for ${label}`} placeholder="Why it is not worth solving now" maxLength={1000}
          onInput={(event) => set({ reason: event.currentTarget.value })} />
      )}
      {actionable && type && type !== 'no-action' && (
        <input value={finding.owner ?? ''} aria-label={`Owner of ${label}`} placeholder="Owner (GitLab username, optional)" maxLength={255}
          onInput={(event) => set({ owner: event.currentTarget.value })} />
      )}
      {finding.followUp ? (
        <p class="muted" data-testid="follow-up-link">
          {finding.followUp.kind === 'created' ? 'Follow-up: ' : 'Checked in on '}
          <a href={finding.followUp.webUrl} target="_blank" rel="noopener noreferrer">{finding.followUp.reference}</a>
        </p>
      ) : (
        actionable && type && type !== 'no-action' && finding.text.trim() && !problem && (
          <FollowUpControl finding={{ ...finding, type }} client={client} disabled={!canWrite}
            onDone={(followUp) => set({ followUp })} onTarget={(checkInTarget) => set({ checkInTarget })} onOpenOptions={onOpenOptions} />
        )
      )}
      {problem && <p class="hint">{problem}</p>}
      {confirming ? (
        // The follow-up stays on GitLab, but the retro notes would no longer name it: asked once.
        <p class="row" role="group" aria-label={`Remove ${label}?`}>
          <span>Remove it? {finding.followUp!.reference} stays on GitLab, but the retro notes will not list it.</span>
          <button type="button" ref={confirmButton} onClick={onRemove}>Yes, remove</button>
          <button type="button" onClick={() => setConfirming(false)}>Keep it</button>
        </p>
      ) : (
        <button type="button" class="link" onClick={finding.followUp ? () => setConfirming(true) : onRemove} aria-label={`Remove ${label}`}>Remove</button>
      )}
    </li>
  );
}
