// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { MyRetrosPopup } from '@/components/MyRetrosPopup';
import { errorFromResponse } from '@/lib/gitlab/errors';
import type { MyRetrosCache, MyRetrosView, Result } from '@/lib/messaging';
import { DEFAULT_LABELS } from '@/lib/retro/labels';
import { retroItem } from '../helpers/retro-items';

const NOW = new Date(2025, 2, 8, 12, 0);
const HOSTILE = '<img src=x onerror=alert(1)>';
const ok = <T,>(data: T): Result<T> => ({ ok: true, data });

function cached(items = [retroItem({ iid: 1 })], next: MyRetrosCache['next'] = { retro: null, retroActions: null }): MyRetrosView {
  return { configured: true, labels: { ...DEFAULT_LABELS }, cache: { instance: 'https://gitlab.com', items, next, fetchedAt: NOW.toISOString() } };
}

function setUp(overrides: Partial<Parameters<typeof MyRetrosPopup>[0]> = {}) {
  const props = {
    loadCached: vi.fn(async () => ok(cached())),
    refresh: vi.fn(async () => ok(cached())),
    more: vi.fn(async () => ok(cached())),
    openOptions: vi.fn(),
    now: () => NOW,
    reviewUrl: 'chrome-extension://id/review.html',
    ...overrides,
  };
  render(<MyRetrosPopup {...props} />);
  return props;
}

afterEach(cleanup);

describe('popup: my retros', () => {
  it('shows the cached list at once, overdue first, then refreshes from GitLab', async () => {
    let finish: (v: Result<MyRetrosView>) => void = () => undefined;
    const items = [retroItem({ iid: 1, dueDate: '2025-03-20' }), retroItem({ iid: 2, dueDate: '2025-03-01', title: 'Late one' })];
    const props = setUp({
      loadCached: vi.fn(async () => ok(cached(items))),
      refresh: vi.fn(() => new Promise<Result<MyRetrosView>>((resolve) => (finish = resolve))),
    });
    await screen.findByTestId('retro-list');
    expect(screen.getAllByTestId('retro-row').map((row) => row.dataset.key)).toEqual([items[1]!.key, items[0]!.key]);
    expect(screen.getByText('Late one').closest('li')!.textContent).toContain('Overdue');
    expect(screen.getByTestId('popup-status').textContent).toBe('Checking GitLab for changes…');
    expect(props.refresh).toHaveBeenCalledTimes(1);
    finish(ok(cached([retroItem({ iid: 3, title: 'Fresh' })])));
    await screen.findByText('Fresh');
    expect(screen.getByTestId('popup-status').textContent).toBe('Updated 12:00'); // today: the time alone, 24-hour as everywhere
  });

  it('says the date of a list not fetched today, so an old list never looks current', async () => {
    const old = { ...cached(), cache: { ...cached().cache!, fetchedAt: new Date(2025, 2, 5, 11, 30).toISOString() } };
    setUp({ loadCached: vi.fn(async () => ok(old)), refresh: vi.fn(async () => ({ ok: false as const, error: errorFromResponse(500, {}) })) });
    await screen.findByRole('alert');
    expect(screen.getByTestId('popup-status').textContent).toBe('Updated 2025-03-05 11:30');
  });

  it('renders GitLab text as text and links the issue', async () => {
    setUp({ loadCached: vi.fn(async () => ok(cached([retroItem({ iid: 4, title: HOSTILE, labels: [HOSTILE] })]))) });
    const link = await screen.findByRole('link', { name: HOSTILE });
    expect(link.getAttribute('href')).toBe('https://gitlab.com/gitlab-com/support/readiness/emergencies/-/issues/4');
    expect(document.querySelector('img')).toBeNull();
  });

  it('shows days since retro-actions was applied', async () => {
    setUp({ loadCached: vi.fn(async () => ok(cached([retroItem({ iid: 1, retroActionsAppliedAt: new Date(2025, 2, 5, 9).toISOString() })]))) });
    expect((await screen.findByTestId('applied')).textContent).toBe('retro-actions applied 3 days ago');
  });

  it('not configured: says so, links to the options, and asks GitLab nothing', async () => {
    const props = setUp({ loadCached: vi.fn(async () => ok({ configured: false, cache: null, labels: { ...DEFAULT_LABELS } })) });
    await screen.findByTestId('not-configured');
    fireEvent.click(screen.getByRole('button', { name: 'Open options' }));
    expect(props.openOptions).toHaveBeenCalled();
    expect(props.refresh).not.toHaveBeenCalled();
  });

  it('loading without a cache, then empty with a next step', async () => {
    let finish: (v: Result<MyRetrosView>) => void = () => undefined;
    setUp({
      loadCached: vi.fn(async () => ok({ ...cached(), cache: null })),
      refresh: vi.fn(() => new Promise<Result<MyRetrosView>>((resolve) => (finish = resolve))),
    });
    await waitFor(() => expect(screen.getByTestId('popup-status').textContent).toBe('Loading your retros from GitLab…'));
    finish(ok(cached([])));
    expect((await screen.findByTestId('empty')).textContent).toContain('review page');
  });

  it('an error shows the mapped message with retry; retry asks again', async () => {
    const refresh = vi.fn(async () => ({ ok: false, error: errorFromResponse(500, {}) }) as Result<MyRetrosView>);
    setUp({ refresh });
    await screen.findByRole('alert');
    expect(screen.getByRole('alert').textContent).toContain('GitLab answered with an error (500)');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(2));
  });

  it('rate limited: the retry waits out Retry-After', async () => {
    setUp({ refresh: vi.fn(async () => ({ ok: false, error: errorFromResponse(429, {}, '30') }) as Result<MyRetrosView>) });
    await screen.findByRole('alert');
    expect(screen.getByRole('alert').textContent).toContain('Try again in 30 s');
    expect((screen.getByRole('button', { name: 'Try again' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('"Show more" asks the next page of each label that has one', async () => {
    const more = vi.fn(async () => ok(cached()));
    setUp({ loadCached: vi.fn(async () => ok(cached(undefined, { retro: 2, retroActions: null }))), refresh: vi.fn(async () => ok(cached(undefined, { retro: 2, retroActions: 3 }))), more });
    fireEvent.click(await screen.findByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(more.mock.calls).toEqual([['retro', 2], ['retroActions', 3]]));
  });

  it('Try again after a failed "Show more" asks for the next page again, not a refresh', async () => {
    const withMore = ok(cached(undefined, { retro: 2, retroActions: null }));
    const more = vi.fn<(label: 'retro' | 'retroActions', page: number) => Promise<Result<MyRetrosView>>>()
      .mockResolvedValueOnce({ ok: false, error: errorFromResponse(500, {}) }).mockResolvedValue(ok(cached()));
    const refresh = vi.fn(async () => withMore);
    setUp({ loadCached: vi.fn(async () => withMore), refresh, more });
    fireEvent.click(await screen.findByRole('button', { name: 'Show more' }));
    const alert = await screen.findByRole('alert');
    const refreshes = refresh.mock.calls.length;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(more).toHaveBeenCalledTimes(2));
    expect(refresh).toHaveBeenCalledTimes(refreshes);
  });
});
