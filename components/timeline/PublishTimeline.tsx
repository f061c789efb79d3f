import { useState } from 'preact/hooks';
import type { ApiError } from '@/lib/gitlab/errors';
import type { TimelinePublishResult } from '@/lib/messaging';
import type { PublishedMark } from '@/lib/drafts';
import { ErrorNotice } from '../ErrorNotice';

interface Props {
  isIncident: boolean;
  canWrite: boolean;
  entryCount: number;
  /** Entries taken from internal notes: the comment is then internal unless the user says otherwise. */
  internalCount: number;
  /** False while the draft is in conflict or could not be saved. */
  ready: boolean;
  published: PublishedMark | null;
  changedSincePublished: boolean;
  onPublish(options: { internal: boolean; incidentEvents: boolean }): Promise<{ ok: true; data: TimelinePublishResult } | { ok: false; error: ApiError }>;
  onOpenOptions?: () => void;
}

function eventsReport(events: TimelinePublishResult['incidentEvents']): string {
  if (!events) return '';
  if ('unavailable' in events) return events.unavailable;
  const parts = [`GitLab accepted ${events.created} incident timeline ${events.created === 1 ? 'event' : 'events'}`];
  if (events.alreadyThere) parts.push(`${events.alreadyThere} ${events.alreadyThere === 1 ? 'was' : 'were'} already there`);
  if (events.refused.length) parts.push(`refused ${events.refused.length}: ${events.refused.map((r) => `"${r.note.slice(0, 40)}" (${r.message})`).join('; ')}`);
  if (events.keptInternal) parts.push(`${events.keptInternal} from internal notes not sent (everyone who can see the incident sees its events)`);
  return `${parts.join('; ')}.`;
}

/** A run of incident events that stopped part way: an error to act on, not a line of the report. */
function eventsStopped(events: TimelinePublishResult['incidentEvents']): ApiError | null {
  if (!events || 'unavailable' in events || !events.stopped) return null;
  const { stopped, notSent } = events;
  const why = stopped.message.replace(/\.$/, '');
  return { ...stopped, message: `The comment is on GitLab, but writing incident timeline events stopped with ${notSent} not sent: ${why}. Try again sends only the events GitLab does not have yet.` };
}

/** The same, after a reload: only the count of events not written survives in the draft. */
function eventsMissing(published: PublishedMark | null): ApiError | null {
  const missing = published?.eventsMissing;
  if (!missing) return null;
  return { kind: 'server', status: 0, message: `The comment is on GitLab, but when it was last posted ${missing} incident timeline ${missing === 1 ? 'event was' : 'events were'} not written. Try again sends only the events GitLab does not have yet.` };
}

function takenReport(taken: number): string {
  if (!taken) return '';
  return `The comment already held ${taken} ${taken === 1 ? 'entry' : 'entries'} this timeline lacked (posted from another browser, or from an earlier draft): ${taken === 1 ? 'it was' : 'they were'} added here first, so nothing on GitLab was lost. `;
}

/** "Post timeline": one comment, updated in place; optionally incident timeline events. */
export function PublishTimeline({ isIncident, canWrite, entryCount, internalCount, ready, published, changedSincePublished, onPublish, onOpenOptions }: Props) {
  const [internalPick, setInternal] = useState<boolean | null>(null);
  // Once the comment exists, GitLab has decided: the box shows what it is and cannot change it.
  const fixed = published?.internal;
  const internal = fixed ?? internalPick ?? internalCount > 0;
  const [incidentEvents, setIncidentEvents] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<TimelinePublishResult | null>(null);

  const run = async (events = incidentEvents) => {
    setBusy(true);
    setError(null);
    const reply = await onPublish({ internal, incidentEvents: isIncident && events });
    setBusy(false);
    if (reply.ok) setResult(reply.data);
    else setError(reply.error);
  };
  // Before this page posted anything, the stored mark says whether the last post's events stopped part way.
  const stopped = busy || changedSincePublished ? null : result ? eventsStopped(result.incidentEvents) : eventsMissing(published);
  const verb = result ? { created: 'Posted the timeline as a new comment', updated: 'Updated the timeline comment', unchanged: 'The timeline comment was already up to date' }[result.action] : '';

  return (
    <div class="publish" data-testid="timeline-publish">
      <label class="check">
        <input type="checkbox" checked={internal} disabled={fixed !== undefined} onChange={(e) => setInternal(e.currentTarget.checked)} />{' '}
        {fixed === undefined
          ? 'Internal note (visible to project members only; applies when the comment is first posted)'
          : fixed
            ? 'Internal note: the timeline comment was posted as one, and stays one'
            : 'Internal note: not available, as the timeline comment was posted publicly (GitLab cannot change that)'}
      </label>
      {internalCount > 0 && !internal && fixed === undefined && (
        <p class="hint" data-testid="internal-warning">
          {internalCount} {internalCount === 1 ? 'entry comes' : 'entries come'} from internal notes: a comment that is not internal shows {internalCount === 1 ? 'it' : 'them'} to everyone who can see this issue.
        </p>
      )}
      {internalCount > 0 && fixed === false && (
        <p class="hint" data-testid="internal-warning">
          {internalCount} {internalCount === 1 ? 'entry comes' : 'entries come'} from internal notes, and the timeline comment on GitLab is public: an entry it does not show already is not posted there.
        </p>
      )}
      <label class="check">
        <input type="checkbox" checked={isIncident && incidentEvents} disabled={!isIncident} onChange={(e) => setIncidentEvents(e.currentTarget.checked)} aria-describedby="incident-events-why" />{' '}
        Also write GitLab incident timeline events
      </label>
      <p class="hint" id="incident-events-why">
        {isIncident ? 'Each entry becomes an event on the incident’s Timeline tab (text cut to GitLab’s 280 characters; only GitLab’s own tags are sent). Events GitLab has already are not sent again; an entry edited after that is sent as a new event, and the old one stays until you remove it on the Timeline tab.' : 'Unavailable: GitLab keeps incident timeline events only on issues of type incident.'}
      </p>
      {!canWrite && <p class="hint">Your token is read-only (no api scope): create a token with the api scope in the options to post.</p>}
      {published && !entryCount && <p class="hint" data-testid="publish-empty">The timeline is empty, so there is nothing to post: the comment on GitLab keeps its last version. To remove it, delete the comment on GitLab.</p>}
      {!ready && <p class="hint" data-testid="publish-waits">Choose which version of the draft to keep (above) before posting.</p>}
      <div class="row">
        <button type="button" class={published && !changedSincePublished && !stopped ? undefined : 'primary'} disabled={busy || !ready || !canWrite || !entryCount} onClick={() => run()}>{published ? 'Update timeline comment' : 'Post timeline'}</button>
        {published && (
          <span class="muted" data-testid="published-state">
            {changedSincePublished ? 'Changed since last posted. ' : stopped ? 'Comment up to date; incident events missing. ' : 'Up to date on GitLab. '}
            <a href={published.noteUrl} target="_blank" rel="noopener noreferrer">View comment</a>
          </span>
        )}
      </div>
      <p role="status" class="outcome" data-testid="publish-outcome">
        {busy ? 'Posting to GitLab…' : result && !changedSincePublished ? `${verb}${result.internal ? ' (internal)' : ''}. ${takenReport(result.takenFromGitLab)}${eventsReport(result.incidentEvents)}` : ''}
      </p>
      {stopped && !error && <ErrorNotice error={stopped} onRetry={() => run(true)} onOpenOptions={onOpenOptions} />}
      {error && <ErrorNotice error={error.kind === 'stale-draft' ? error : { ...error, message: `${error.message} Your timeline is kept as a draft.` }} onRetry={() => run()} onOpenOptions={onOpenOptions} />}
    </div>
  );
}
