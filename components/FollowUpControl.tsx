import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '@/lib/gitlab/errors';
import type { SimilarIssue } from '@/lib/messaging';
import { FOLLOW_UP_TITLES, type Finding, type FollowUpLink } from '@/lib/retro/findings';
import type { CreatedType, FollowUpClient, FollowUpFinding } from './panel-client';
import { ErrorNotice } from './ErrorNotice';

interface Props {
  finding: Finding & { type: CreatedType | 'pm-checkin' };
  client: FollowUpClient;
  disabled: boolean;
  onDone(followUp: FollowUpLink): void;
  /** The check-in's issue as typed: kept in the draft, so a reload does not lose it. */
  onTarget(target: string): void;
  onOpenOptions(): void;
}

type Step = { name: 'idle' } | { name: 'busy'; what: string } | { name: 'similar'; candidates: SimilarIssue[] };

/**
 * One click to a follow-up: similar open issues are offered first, and choosing one turns the
 * follow-up into a check-in there instead of a duplicate.
 */
export function FollowUpControl({ finding, client, disabled, onDone, onTarget, onOpenOptions }: Props) {
  const [step, setStep] = useState<Step>({ name: 'idle' });
  const target = finding.checkInTarget ?? '';
  const [error, setError] = useState<ApiError | null>(null);
  // After a create that failed, trying again goes straight to the create: the background first
  // looks for the issue that may have landed, which would otherwise show up as "similar" to itself
  // (after a reload the background knows it too: it skips the search for a finding with an attempt).
  const [createTried, setCreateTried] = useState(false);
  const payload: FollowUpFinding = { id: finding.id, list: finding.list, text: finding.text, type: finding.type };
  // The Create button gives way to the similar issues: focus goes to the first choice, not to the page.
  const similarList = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (step.name === 'similar') similarList.current?.querySelector('button')?.focus();
  }, [step.name]);

  const finish = (reply: Awaited<ReturnType<FollowUpClient['checkIn']>>) => {
    if (reply.ok) onDone(reply.data.followUp);
    else setError(reply.error);
    setStep({ name: 'idle' });
  };

  const checkIn = async (on: string) => {
    setError(null);
    setStep({ name: 'busy', what: 'Posting the check-in…' });
    finish(await client.checkIn({ ...payload, type: 'pm-checkin' }, on));
  };

  const create = async (skipSimilar: boolean) => {
    if (finding.type === 'pm-checkin') return;
    setError(null);
    // The title-to-be: a first line too short to search by ("UI") goes straight to the create.
    const title = finding.text.trim().split('\n')[0]!.trim().slice(0, 255);
    if (!skipSimilar && !createTried && title.length >= 3) {
      setStep({ name: 'busy', what: 'Looking for similar open issues…' });
      const similar = await client.similar(finding.type, title, finding.id);
      if (!similar.ok) return finish(similar);
      if (similar.data.candidates.length) return setStep({ name: 'similar', candidates: similar.data.candidates });
    }
    setStep({ name: 'busy', what: 'Creating the issue…' });
    setCreateTried(true);
    const reply = await client.create(payload);
    if (reply.ok && !reply.data.linked) setError({ kind: 'rejected', status: 0, message: `Created ${reply.data.followUp.reference}, but GitLab did not link it to the emergency. Link it by hand.` });
    finish(reply);
  };

  const busy = step.name === 'busy' || disabled;
  return (
    <div class="follow-up">
      {finding.type === 'pm-checkin' ? (
        <div class="row">
          <input class="grow-input" value={target} aria-label="Existing issue for the PM check-in" placeholder="URL or group/project#123"
            onInput={(event) => onTarget(event.currentTarget.value)} />
          <button type="button" disabled={busy || !target.trim()} onClick={() => checkIn(target)}>Post check-in</button>
        </div>
      ) : (
        step.name !== 'similar' && <button type="button" disabled={busy} onClick={() => create(false)}>Create: {FOLLOW_UP_TITLES[finding.type].toLowerCase()}</button>
      )}
      {step.name === 'busy' && <p role="status" class="muted">{step.what}</p>}
      {step.name === 'similar' && (
        <div class="similar" data-testid="similar" ref={similarList}>
          <p>Similar open issues already exist:</p>
          <ul>
            {step.candidates.map((candidate) => (
              <li key={candidate.reference}>
                <a href={candidate.webUrl} target="_blank" rel="noopener noreferrer">{candidate.reference}</a> {candidate.title}{' '}
                <button type="button" onClick={() => checkIn(candidate.reference)}>Check in there instead</button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => create(true)}>Create a new issue anyway</button>
        </div>
      )}
      {error && <ErrorNotice error={error} onOpenOptions={onOpenOptions} />}
    </div>
  );
}
