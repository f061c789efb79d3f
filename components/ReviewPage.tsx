import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiError } from '@/lib/gitlab/errors';
import type { FailedProject, Result, ReviewView } from '@/lib/messaging';
import { format } from 'date-fns';
import { reviewCsv } from '@/lib/retro/csv';
import { groupByAssignee, sortStaleFirst } from '@/lib/retro/review';
import { isStale } from '@/lib/retro/staleness';
import { FOLLOW_UP_TYPES } from '@/lib/retro/trends';
import { ErrorNotice } from './ErrorNotice';
import { NotConfigured } from './NotConfigured';
import { AssigneeGroups } from './review/AssigneeGroups';
import { BarChart } from './review/BarChart';
import { StackedBarChart } from './review/StackedBarChart';
import { SuggestedList } from './review/SuggestedList';
import { FailedProjects } from './review/FailedProjects';

interface Props {
  loadCached(): Promise<Result<ReviewView>>;
  refresh(): Promise<Result<ReviewView>>;
  openOptions(): void;
  /** Hands the CSV text to the browser as a download. */
  download(filename: string, csv: string): void;
  now(): Date;
}

/** Older cached data is refreshed on open; younger is shown as is (1,000+ retros cost ~25 requests). */
export const REVIEW_FRESH_MS = 10 * 60 * 1000;

const TYPE_NAMES = { bug: 'Bug', feature: 'Feature proposal', documentation: 'Docs / KB', process: 'Handbook / process', other: 'Other' } as const;

/** The leaders' review page: stale retros first by assignee, suggested retros, trends, CSV export. */
/** The projects the numbers come from: the failed ones are named in their own notice, not here. */
const shownProjects = (projects: readonly string[], failed: readonly FailedProject[]) =>
  projects.filter((path) => !failed.some((f) => f.projectPath.toLowerCase() === path.toLowerCase()));

export function ReviewPage({ loadCached, refresh, openOptions, download, now }: Props) {
  const [view, setView] = useState<ReviewView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const doRefresh = async () => {
    setBusy(true);
    setError(null);
    const reply = await refresh();
    setBusy(false);
    if (reply.ok) setView(reply.data);
    else setError(reply.error);
  };

  useEffect(() => {
    void loadCached().then((reply) => {
      if (!reply.ok) return setError(reply.error);
      setView(reply.data);
      const age = reply.data.data ? now().getTime() - Date.parse(reply.data.data.fetchedAt) : Infinity;
      if (reply.data.configured && !(age < REVIEW_FRESH_MS)) void doRefresh();
    });
  }, []);

  const today = now();
  const data = view?.data ?? null;
  const groups = useMemo(() => (data ? groupByAssignee(data.retroActions, today) : []), [data]);
  const staleCount = useMemo(() => (data ? data.retroActions.filter((item) => isStale(item, today)).length : 0), [data]);
  const exportCsv = () => data && download(`retros-${format(today, 'yyyy-MM-dd')}.csv`, reviewCsv(sortStaleFirst(data.retroActions, today), today));

  return (
    <main class="review">
      <header class="row spread">
        <h1>Retro review</h1>
        <div class="row">
          <button type="button" onClick={() => void doRefresh()} disabled={busy || !view?.configured}>Refresh</button>
          <button type="button" onClick={exportCsv} disabled={!data}>Export CSV</button>
        </div>
      </header>
      {!view && !error && <p role="status">Loading…</p>}
      {view && !view.configured && <NotConfigured onOpenOptions={openOptions} />}
      {error && <ErrorNotice error={error} onRetry={() => void doRefresh()} onOpenOptions={openOptions} />}
      <p class="muted" role="status" data-testid="review-status">
        {busy ? (data ? 'Checking GitLab for changes…' : 'Loading retros from GitLab…') : data ? `From GitLab at ${format(new Date(data.fetchedAt), 'yyyy-MM-dd HH:mm')}, in ${shownProjects(view?.emergencyProjects ?? [], data.failedProjects ?? []).join(', ')}.` : ''}
        {data?.truncated ? ' Some lists were cut at 5,000 issues: counts are at least these.' : ''}
      </p>
      {data && <FailedProjects failed={data.failedProjects ?? []} onRetry={() => void doRefresh()} busy={busy} />}
      {data && (
        <>
          <section class="charts" aria-label="Trends">
            <BarChart title="Retros per month" bars={data.months.map((month, i) => ({ label: month, value: data.retrosPerMonth[i] ?? 0 }))} />
            <StackedBarChart title={`${view!.labels.customerRetro} follow-ups by type`} labels={data.months}
              series={FOLLOW_UP_TYPES.map((type) => ({ name: TYPE_NAMES[type], values: data.followUps[type] }))} />
          </section>
          <section aria-labelledby="open-heading">
            <h2 id="open-heading">Open retros with actions <span class="muted" data-testid="open-counts">{data.retroActions.length} open, {staleCount} stale</span></h2>
            {data.retroActions.length === 0 ? <p data-testid="no-open">No open issues carry {view!.labels.retroActions}.</p> : <AssigneeGroups groups={groups} now={today} />}
          </section>
          <section aria-labelledby="suggested-heading">
            <h2 id="suggested-heading">Suggested, not run yet <span class="muted" data-testid="suggested-count">{data.suggested.length}</span></h2>
            {data.suggested.length === 0 ? <p>No open retro suggestions waiting.</p> : <SuggestedList items={data.suggested} />}
          </section>
        </>
      )}
    </main>
  );
}
