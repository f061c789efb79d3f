import { useEffect, useState } from 'preact/hooks';
import { rateLimitSentence, type ApiError } from '@/lib/gitlab/errors';

interface Props {
  error: ApiError;
  onRetry?: () => void;
  onOpenOptions?: () => void;
}


const NEEDS_OPTIONS = new Set(['no-token', 'unauthorized', 'insufficient-scope', 'not-configured']);

/** An error in words, with the next step as a button; retry waits out GitLab's Retry-After. */
export function ErrorNotice({ error, onRetry, onOpenOptions }: Props) {
  const [wait, setWait] = useState(error.retryAfter ?? 0);
  useEffect(() => {
    setWait(error.retryAfter ?? 0);
    if (!error.retryAfter) return;
    const timer = setInterval(() => setWait((left) => Math.max(0, left - 1)), 1000);
    return () => clearInterval(timer);
  }, [error]);
  const isReload = error.kind === 'extension-updated';
  return (
    <div class="notice notice-error" role="alert" data-error-kind={error.kind}>
      {/* The countdown replaces only GitLab's sentence: what the surface added ("Your timeline is kept as a draft.") stays. */}
      <p>{error.kind === 'rate-limited' ? error.message.replace(rateLimitSentence(error.retryAfter ?? 0), wait > 0 ? rateLimitSentence(wait) : 'GitLab was rate limiting your requests. You can try again now.') : error.message}</p>
      <div class="row">
        {NEEDS_OPTIONS.has(error.kind) && onOpenOptions && (
          <button type="button" onClick={onOpenOptions}>Open options</button>
        )}
        {isReload && <button type="button" onClick={() => location.reload()}>Reload page</button>}
        {!isReload && onRetry && error.kind !== 'no-token' && (
          <button type="button" onClick={onRetry} disabled={wait > 0}>Try again</button>
        )}
      </div>
    </div>
  );
}
