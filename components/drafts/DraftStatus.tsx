import type { SaveStatus } from './use-draft';
import type { ApiError } from '@/lib/gitlab/errors';
import { ErrorNotice } from '../ErrorNotice';

interface Props {
  status: SaveStatus;
  savedAt: string | null;
  error: ApiError | null;
  /** Another tab's version: how many items it holds, for the choice. */
  conflictSummary: string | null;
  onRetry(): void;
  onResolve(keep: 'mine' | 'theirs' | 'both'): void;
}

// 24-hour, as the timeline writes its times, whatever the locale's habit.
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }) : '');

/** Where the draft stands, and the choice when another tab saved first. */
export function DraftStatus({ status, savedAt, error, conflictSummary, onRetry, onResolve }: Props) {
  const text = {
    idle: '', unsaved: 'Unsaved changes…', saving: 'Saving draft…', saved: `Draft saved in this browser${savedAt ? ` at ${time(savedAt)}` : ''}.`, error: '', conflict: '',
  }[status];
  return (
    <>
      <p role="status" class="muted" data-testid="draft-status">{text}</p>
      {status === 'error' && error && <ErrorNotice error={{ ...error, message: `The draft was not saved: ${error.message}` }} onRetry={onRetry} />}
      {status === 'conflict' && (
        <div class="notice notice-error" role="alert" data-testid="draft-conflict">
          <p>Another tab saved a newer version of this draft{conflictSummary ? ` (${conflictSummary})` : ''}. Your changes here are not saved yet.</p>
          <div class="row">
            <button type="button" onClick={() => onResolve('theirs')}>Use the other version</button>
            <button type="button" onClick={() => onResolve('mine')}>Keep mine</button>
            <button type="button" onClick={() => onResolve('both')}>Keep both</button>
          </div>
        </div>
      )}
    </>
  );
}
