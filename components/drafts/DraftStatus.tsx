import type { SaveStatus } from './use-draft';
import type { ApiError } from '@/lib/gitlab/errors';
import { useRef } from 'preact/hooks';
import { ErrorNotice } from '../ErrorNotice';
import { useFocusAfterRender } from '../use-focus-after-render';

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
  // The choice goes away once made: the keyboard lands on the line saying where the draft stands.
  const line = useRef<HTMLParagraphElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const resolve = (keep: 'mine' | 'theirs' | 'both') => {
    onResolve(keep);
    focusAfterRender(() => line.current);
  };
  const text = {
    idle: '', unsaved: 'Unsaved changes…', saving: 'Saving draft…', saved: `Draft saved in this browser${savedAt ? ` at ${time(savedAt)}` : ''}.`, error: '', conflict: '',
  }[status];
  return (
    <>
      <p role="status" class="muted" data-testid="draft-status" tabIndex={-1} ref={line}>{text}</p>
      {status === 'error' && error && <ErrorNotice error={{ ...error, message: `The draft was not saved: ${error.message}` }} onRetry={onRetry} />}
      {status === 'conflict' && (
        <div class="notice notice-error" role="alert" data-testid="draft-conflict">
          <p>Another tab saved a newer version of this draft{conflictSummary ? ` (${conflictSummary})` : ''}. Your changes here are not saved yet.</p>
          <div class="row">
            <button type="button" onClick={() => resolve('theirs')}>Use the other version</button>
            <button type="button" onClick={() => resolve('mine')}>Keep mine</button>
            <button type="button" onClick={() => resolve('both')}>Keep both</button>
          </div>
        </div>
      )}
    </>
  );
}
