import { useState } from 'preact/hooks';
import type { ApiError } from '@/lib/gitlab/errors';
import type { UserSummary } from '@/lib/messaging';
import type { PanelClient } from './panel-client';
import { ErrorNotice } from './ErrorNotice';

interface Props {
  engineer: string;
  client: PanelClient;
  onAdded(manager: string, roster: Record<string, string>): void;
}

/** The roster has no manager for this engineer: find one by GitLab user search and remember the pair. */
export function ManagerFinder({ engineer, client, onAdded }: Props) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<UserSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const search = async (event: Event) => {
    event.preventDefault();
    if (query.trim().length < 2) return;
    setBusy(true);
    const reply = await client.searchUsers(query.trim());
    setBusy(false);
    setError(reply.ok ? null : reply.error);
    setResults(reply.ok ? reply.data : null);
  };

  const choose = async (user: UserSummary) => {
    setBusy(true);
    const reply = await client.addRosterPair(engineer, user.username);
    setBusy(false);
    if (reply.ok) onAdded(user.username.toLowerCase(), reply.data.roster);
    else setError(reply.error);
  };

  return (
    <form class="finder" onSubmit={search}>
      <p>The roster has no manager for @{engineer}. Find the manager in GitLab:</p>
      <div class="row">
        <label class="grow">
          <span class="visually-hidden">Search GitLab users</span>
          <input type="search" value={query} placeholder="Name or username" aria-label="Search GitLab users"
            onInput={(event) => {
              // Results belong to the words searched: changed words wait for their own search.
              setQuery(event.currentTarget.value);
              setResults(null);
            }} />
        </label>
        <button type="submit" disabled={busy || query.trim().length < 2}>Search</button>
      </div>
      {error && <ErrorNotice error={error} onOpenOptions={client.openOptions} />}
      {results && results.length === 0 && <p role="status">No GitLab user matches “{query}”.</p>}
      {results && results.length > 0 && (
        <ul class="results">
          {results.map((user) => (
            <li key={user.id}>
              <button type="button" disabled={busy} onClick={() => choose(user)}>
                Use @{user.username} ({user.name}) and add to roster
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
