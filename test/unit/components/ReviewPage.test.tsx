// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { ReviewPage, REVIEW_FRESH_MS } from '@/components/ReviewPage';
import { ROW_STEP } from '@/components/review/AssigneeGroups';
import { noTokenError } from '@/lib/gitlab/errors';
import type { ReviewData, ReviewView, Result } from '@/lib/messaging';
import { DEFAULT_LABELS } from '@/lib/retro/labels';
import { retroItem } from '../helpers/retro-items';

const NOW = new Date(2025, 2, 15, 12, 0);
const ok = <T,>(data: T): Result<T> => ({ ok: true, data });
const zeros = [0, 0, 0, 0, 0, 0];

function reviewData(overrides: Partial<ReviewData> = {}): ReviewData {
  return {
    retroActions: [
      retroItem({ iid: 1, assignees: ['maria'], updatedAt: new Date(2025, 2, 14).toISOString() }),
      retroItem({ iid: 2, assignees: ['maria'], dueDate: '2025-03-10', title: 'Stale one' }),
      retroItem({ iid: 3, assignees: ['lee'], updatedAt: new Date(2025, 2, 14).toISOString() }),
    ],
    suggested: [retroItem({ iid: 9, labels: ['retro'], title: 'Suggested one' })],
    months: ['2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03'],
    retrosPerMonth: [1, 2, 3, 4, 5, 6],
    followUps: { bug: [0, 0, 0, 0, 1, 2], feature: zeros, documentation: zeros, process: zeros, other: zeros },
    fetchedAt: NOW.toISOString(),
    truncated: false,
    requests: 4,
    ...overrides,
  };
}

const view = (data: ReviewData | null, configured = true): ReviewView => ({ configured, data, labels: { ...DEFAULT_LABELS }, emergencyProjects: ['g/emergencies'] });

function setUp(overrides: Partial<Parameters<typeof ReviewPage>[0]> = {}) {
  const props = {
    loadCached: vi.fn(async () => ok(view(reviewData()))),
    refresh: vi.fn(async () => ok(view(reviewData()))),
    openOptions: vi.fn(),
    download: vi.fn(),
    now: () => NOW,
    ...overrides,
  };
  render(<ReviewPage {...props} />);
  return props;
}

afterEach(cleanup);

describe('review page', () => {
  it('groups by assignee with counts, stale first, and lists suggestions', async () => {
    setUp();
    await screen.findByTestId('assignee-groups');
    expect(screen.getByTestId('open-counts').textContent).toBe('3 open, 1 stale');
    const groups = screen.getAllByRole('region').filter((r) => r.getAttribute('aria-label')?.startsWith('Assigned to'));
    expect(groups.map((g) => g.getAttribute('aria-label'))).toEqual(['Assigned to maria', 'Assigned to lee']);
    expect(within(groups[0]!).getAllByTestId('review-row')[0]!.textContent).toContain('Stale one');
    expect(within(groups[0]!).getByTestId('group-counts').textContent).toBe('2 open, 1 stale');
    expect(screen.getByTestId('suggested-list').textContent).toContain('Suggested one');
  });

  it('draws both trends as SVG charts with readable labels', async () => {
    setUp();
    const bars = await screen.findByTestId('bar-chart');
    expect(bars.getAttribute('aria-label')).toContain('2025-03: 6');
    expect(bars.querySelectorAll('rect')).toHaveLength(6);
    expect(screen.getByTestId('stacked-chart').getAttribute('aria-label')).toContain('2025-03: 2 Bug');
  });

  it('fresh cache: no request; old cache: refreshed on open', async () => {
    const fresh = setUp();
    await screen.findByTestId('assignee-groups');
    expect(fresh.refresh).not.toHaveBeenCalled();
    cleanup();
    const old = setUp({ loadCached: vi.fn(async () => ok(view(reviewData({ fetchedAt: new Date(NOW.getTime() - REVIEW_FRESH_MS - 1).toISOString() })))) });
    await waitFor(() => expect(old.refresh).toHaveBeenCalledTimes(1));
  });

  it('exports the stale-first list as CSV', async () => {
    const download = vi.fn<(filename: string, csv: string) => void>();
    setUp({ download });
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    const [filename, csv] = download.mock.calls[0]!;
    expect(filename).toBe('retros-2025-03-15.csv');
    const rows = (csv as string).trimEnd().split('\r\n');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toContain('Stale one');
  });

  it('renders 1,000 retros incrementally, more on request', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => retroItem({ iid: i + 1, assignees: [`m${i % 10}`] }));
    setUp({ loadCached: vi.fn(async () => ok(view(reviewData({ retroActions: many })))) });
    await screen.findByTestId('assignee-groups');
    expect(screen.getAllByTestId('review-row')).toHaveLength(ROW_STEP);
    fireEvent.click(screen.getByTestId('more-rows'));
    expect(screen.getAllByTestId('review-row')).toHaveLength(2 * ROW_STEP);
  });

  it('every suggested retro can be reached: ROW_STEP at a time, more on request', async () => {
    const many = Array.from({ length: 306 }, (_, i) => retroItem({ iid: i + 1, labels: ['retro'], title: `Suggested ${i + 1}` }));
    setUp({ loadCached: vi.fn(async () => ok(view(reviewData({ suggested: many })))) });
    const list = await screen.findByTestId('suggested-list');
    expect(list.querySelectorAll('li')).toHaveLength(ROW_STEP);
    for (let shown = ROW_STEP; shown < 306; shown += ROW_STEP) fireEvent.click(screen.getByTestId('more-suggested'));
    expect(screen.getByTestId('suggested-list').querySelectorAll('li')).toHaveLength(306);
    expect(screen.queryByTestId('more-suggested')).toBeNull();
  });

  it('not configured: a link to the options and no request', async () => {
    const props = setUp({ loadCached: vi.fn(async () => ok(view(null, false))) });
    await screen.findByTestId('not-configured');
    expect(props.refresh).not.toHaveBeenCalled();
  });

  it('an error says what to do and offers the options', async () => {
    const props = setUp({ loadCached: vi.fn(async () => ok(view(null))), refresh: vi.fn(async () => ({ ok: false, error: noTokenError() }) as Result<ReviewView>) });
    await screen.findByRole('alert');
    fireEvent.click(screen.getByRole('button', { name: 'Open options' }));
    expect(props.openOptions).toHaveBeenCalled();
  });

  it('a project GitLab refused is named with why, beside the data of the others, and Try again refreshes', async () => {
    const failedProjects = [{ projectPath: 'g/no-such-project', error: { kind: 'not-found' as const, status: 404, message: 'GitLab says this project does not exist, or your account has no access to it.' } }];
    const props = setUp({ loadCached: vi.fn(async () => ok({ ...view(reviewData({ failedProjects })), emergencyProjects: ['g/emergencies', 'g/no-such-project'] })) });
    const notice = await screen.findByTestId('failed-projects');
    // The line saying where the numbers come from names only the projects they come from.
    expect(screen.getByText(/^From GitLab at/).textContent).toMatch(/, in g\/emergencies\.$/);
    expect(notice.textContent).toContain('One emergency project is not included below:');
    expect(notice.textContent).toContain('g/no-such-project: GitLab says this project does not exist');
    expect(screen.getByTestId('open-counts').textContent).toBe('3 open, 1 stale');
    fireEvent.click(within(notice).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(props.refresh).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByTestId('failed-projects')).toBeNull());
  });
});
