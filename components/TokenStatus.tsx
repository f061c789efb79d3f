import type { ApiError } from '@/lib/gitlab/errors';
import type { SettingsView } from '@/lib/messaging';
import { formatCalendarDate } from '@/lib/retro/due-date';
import { tokenWarnings } from '@/lib/gitlab/token-warnings';

/** Where the check of the saved token (made each time the options open) stands. */
export type TokenCheck = { state: 'checking' } | { state: 'checked' } | { state: 'failed'; error: ApiError } | null;

interface Props {
  view: Pick<SettingsView, 'hasToken' | 'token'>;
  check: TokenCheck;
  today: Date;
}

/** Who the saved token signs in as, as GitLab said when asked last, with what to watch out for. */
export function TokenStatus({ view, check, today }: Props) {
  if (!view.hasToken || !view.token) return <p class="muted" data-testid="token-status">No token saved: the extension sends nothing to GitLab.</p>;
  const { token } = view;
  const error = check?.state === 'failed' ? check.error : null;
  // Refused now: whatever it signed in as before no longer holds. Not asked (outage, rate limit): it may still.
  const refused = error?.kind === 'unauthorized';
  return (
    <div data-testid="token-status">
      <p>
        {refused ? <>Saved token of <strong>@{token.username}</strong> ({token.name}): GitLab no longer accepts it.</>
          : <><strong>Signed in as @{token.username}</strong> ({token.name})</>}
      </p>
      <p class="muted">Scopes: {token.scopes.join(', ') || 'none'} · {token.expiresAt ? `expires ${formatCalendarDate(token.expiresAt)}` : 'never expires'}</p>
      {check?.state === 'checking' && <p class="muted" role="status" data-testid="token-checking">Checking with GitLab that the token still works…</p>}
      {error && <p class={refused ? 'field-error' : 'warning'} role="alert">{refused ? error.message : `Could not check the token with GitLab just now: ${error.message}`}</p>}
      {!refused && tokenWarnings(token, today).map((warning) => <p class="warning" key={warning}>{warning}</p>)}
    </div>
  );
}
