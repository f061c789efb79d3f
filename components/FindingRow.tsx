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
  // The keyboard follows the question: onto its answer when asked, back to Remove when kept.
  const confirmButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (asked.current) removeButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);
  // A follow-up just made (its controls are gone): focus goes to its link, not to the top of the section.
  const followUpLink = useRef<HTMLAnchorElement>(null);
  const hadFollowUp = useRef(!!finding.followUp);
  useEffect(() => {
    if (finding.followUp && !hadFollowUp.current) followUpLink.current?.focus();
    hadFollowUp.current = !!finding.followUp;
  }, [finding.followUp]);
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
          <a ref={followUpLink} href={finding.followUp.webUrl} target="_blank" rel="noopener noreferrer">{finding.followUp.reference}</a>
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
        <p class="row" role="group" aria-label={`Remove ${label}?`} onKeyDown={(event) => event.key === 'Escape' && setConfirming(false)}>
          <span>Remove it? {finding.followUp!.reference} stays on GitLab, but the retro notes will not list it.</span>
          <button type="button" ref={confirmButton} onClick={onRemove}>Yes, remove</button>
          <button type="button" onClick={() => setConfirming(false)}>Keep it</button>
        </p>
      ) : (
        <button type="button" class="link" ref={removeButton} onClick={finding.followUp ? () => setConfirming(true) : onRemove} aria-label={`Remove ${label}`}>Remove</button>
      )}
    </li>
  );
}
