import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '@/lib/gitlab/errors';
import type { MyRetrosView, Result, RetroLabelKey } from '@/lib/messaging';
import { sortMyRetros } from '@/lib/retro/my-retros';
import { toZoned } from '@/lib/retro/zoned-time';
import { browserZone } from '@/lib/browser-zone';
import { ErrorNotice } from './ErrorNotice';
import { NotConfigured } from './NotConfigured';
import { RetroRow } from './RetroRow';

interface Props {
  loadCached(): Promise<Result<MyRetrosView>>;
  refresh(): Promise<Result<MyRetrosView>>;
  more(label: RetroLabelKey, page: number): Promise<Result<MyRetrosView>>;
  openOptions(): void;
  now(): Date;
  reviewUrl: string;
}

/** The toolbar popup: my open retros, from the cache at once, then fresh from GitLab. */
/** The time alone when it was today; otherwise the date too, so an old list never looks fresh. Written as the timeline writes times (`2025-03-05 11:30`). */
function updatedWhen(iso: string, now: Date): string {
  const zone = browserZone();
  const at = toZoned(iso, zone);
  return at.date === toZoned(now.toISOString(), zone).date ? at.time : `${at.date} ${at.time}`;
}

export function MyRetrosPopup({ loadCached, refresh, more, openOptions, now, reviewUrl }: Props) {
  const [view, setView] = useState<MyRetrosView | null>(null);
  const [busy, setBusy] = useState<'refresh' | 'more' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // What "Try again" repeats: the request that failed (a failed "Show more" is not a refresh).
  const [failed, setFailed] = useState<'refresh' | 'more'>('refresh');

  const run = async (kind: 'refresh' | 'more', request: () => Promise<Result<MyRetrosView>>) => {
    setBusy(kind);
    setError(null);
    setFailed(kind);
    const reply = await request();
    setBusy(null);
    if (reply.ok) setView(reply.data);
    else setError(reply.error);
  };
  const doRefresh = () => run('refresh', refresh);
  // One request per label that has a next page, taken from what the user saw when clicking.
  const showMore = () => run('more', async () => {
    const next = view?.cache?.next ?? { retro: null, retroActions: null };
    let reply: Result<MyRetrosView> | null = null;
    for (const label of ['retro', 'retroActions'] as const) {
      const page = next[label];
      if (page) reply = await more(label, page);
      if (reply && !reply.ok) return reply;
    }
    return reply ?? refresh();
  });

  useEffect(() => {
    void loadCached().then((reply) => {
      if (!reply.ok) return setError(reply.error);
      setView(reply.data);
      if (reply.data.configured) void doRefresh();
    });
  }, []);

  const today = now();
  const cache = view?.cache ?? null;
  const items = cache ? sortMyRetros(cache.items, today) : [];
  const hasMore = !!cache && (cache.next.retro !== null || cache.next.retroActions !== null);

  return (
    <main class="popup">
      <header class="row spread">
        <h1>My retros</h1>
        <a href={reviewUrl} target="_blank" rel="noopener">Review page</a>
      </header>
      {!view && !error && <p role="status">Loading…</p>}
      {view && !view.configured && <NotConfigured onOpenOptions={openOptions} />}
      {error && <ErrorNotice error={error} onRetry={failed === 'more' ? showMore : doRefresh} onOpenOptions={openOptions} />}
      {view?.configured && (
        <>
          <p class="muted" role="status" data-testid="popup-status">
            {busy === 'refresh' ? (cache ? 'Checking GitLab for changes…' : 'Loading your retros from GitLab…') : cache ? `Updated ${updatedWhen(cache.fetchedAt, now())}` : ''}
          </p>
          {cache && items.length === 0 && (
            <p data-testid="empty">No open retros are assigned to you. The review page lists everyone's.</p>
          )}
          {items.length > 0 && (
            <ul class="retros" data-testid="retro-list">
              {items.map((item) => <RetroRow key={item.key} item={item} now={today} />)}
            </ul>
          )}
          <div class="row">
            {hasMore && <button type="button" onClick={showMore} disabled={busy !== null}>{busy === 'more' ? 'Loading…' : 'Show more'}</button>}
            <button type="button" onClick={doRefresh} disabled={busy !== null}>Refresh</button>
          </div>
        </>
      )}
    </main>
  );
}
