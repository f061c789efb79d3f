import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter } from '@/entrypoints/background/router';
import { MY_RETROS_PER_PAGE } from '@/entrypoints/background/my-retros-handlers';
import type { MyRetrosView, Result } from '@/lib/messaging';
import { settingsItem } from '@/lib/settings';
import { FakeGitLab, fakeDeps, type FakeDeps } from '../helpers/fake-gateway';
import { ENV, contentScript, extensionPage, storeSettings } from '../helpers/background';
import { PROJECT, listedIssue } from '../helpers/listed-issues';

const NOW = new Date(2025, 2, 8, 12, 0);
let gitlab: FakeGitLab;
let deps: FakeDeps;
let route: ReturnType<typeof createRouter>;
const popup = extensionPage('/popup.html');

function view(reply: Result<unknown>): MyRetrosView {
  if (!reply.ok) throw new Error(`expected success, got ${reply.error.kind}`);
  return reply.data as MyRetrosView;
}

beforeEach(async () => {
  fakeBrowser.reset();
  gitlab = new FakeGitLab();
  gitlab.listed = [
    listedIssue(1, ['retro']),
    listedIssue(2, ['retro', 'retro-actions'], { due_date: '2025-03-07' }),
    listedIssue(3, ['retro-actions'], { due_date: '2025-03-20' }),
  ];
  gitlab.events = {
    [`${PROJECT}#2`]: [{ id: 1, created_at: '2025-03-01T09:00:00.000Z', action: 'add', label: { id: 1, name: 'retro-actions' } }],
    [`${PROJECT}#3`]: [{ id: 2, created_at: '2025-03-04T09:00:00.000Z', action: 'add', label: { id: 1, name: 'retro-actions' } }],
  };
  deps = fakeDeps(gitlab, NOW);
  route = createRouter(deps, ENV);
  await storeSettings();
});

describe('myretros:refresh', () => {
  it('asks one page per label, assigned to me (C12), and lists an issue with both labels once', async () => {
    const data = view(await route({ type: 'myretros:refresh' }, popup));
    expect(gitlab.callsOf('listIssues').map((call) => call.args)).toEqual([
      [{ scope: 'assigned_to_me', labels: 'retro', state: 'opened', orderBy: 'due_date', sort: 'asc' }, 1, MY_RETROS_PER_PAGE],
      [{ scope: 'assigned_to_me', labels: 'retro-actions', state: 'opened', orderBy: 'due_date', sort: 'asc' }, 1, MY_RETROS_PER_PAGE],
    ]);
    expect(data.cache!.items.map((item) => item.iid).sort()).toEqual([1, 2, 3]);
    expect(data.cache!.next).toEqual({ retro: null, retroActions: null });
  });

  it('adds when retro-actions was applied from label events, fetched once per issue', async () => {
    const first = view(await route({ type: 'myretros:refresh' }, popup));
    expect(first.cache!.items.find((item) => item.iid === 2)!.retroActionsAppliedAt).toBe('2025-03-01T09:00:00.000Z');
    expect(first.cache!.items.find((item) => item.iid === 1)!.retroActionsAppliedAt).toBeNull();
    expect(gitlab.callsOf('labelEvents').map((call) => call.args[1]).sort()).toEqual([2, 3]);
    await route({ type: 'myretros:refresh' }, popup);
    expect(gitlab.callsOf('labelEvents')).toHaveLength(2); // none more: the dates are cached
  });

  it('reads the date again once the issue changed: the label removed and added back shows the new age', async () => {
    await route({ type: 'myretros:refresh' }, popup);
    gitlab.events[`${PROJECT}#2`]!.push(
      { id: 3, created_at: '2025-03-07T09:00:00.000Z', action: 'remove', label: { id: 1, name: 'retro-actions' } },
      { id: 4, created_at: '2025-03-07T09:05:00.000Z', action: 'add', label: { id: 1, name: 'retro-actions' } },
    );
    gitlab.listed[1] = { ...gitlab.listed[1]!, updated_at: '2025-03-07T09:05:00.000Z' };
    const data = view(await route({ type: 'myretros:refresh' }, popup));
    expect(data.cache!.items.find((item) => item.iid === 2)!.retroActionsAppliedAt).toBe('2025-03-07T09:05:00.000Z');
    expect(data.cache!.items.find((item) => item.iid === 3)!.retroActionsAppliedAt).toBe('2025-03-04T09:00:00.000Z');
    expect(gitlab.callsOf('labelEvents').map((call) => call.args[1]).sort()).toEqual([2, 2, 3]); // #3 unchanged: not asked again
  });

  it('dates kept by an earlier version (without the issue’s updated_at) are read once more', async () => {
    await fakeBrowser.storage.local.set({ retroActionsAppliedAt: { [`https://gitlab.com/${PROJECT.toLowerCase()}#2`]: '2024-01-01T00:00:00.000Z' } });
    const data = view(await route({ type: 'myretros:refresh' }, popup));
    expect(data.cache!.items.find((item) => item.iid === 2)!.retroActionsAppliedAt).toBe('2025-03-01T09:00:00.000Z');
  });

  it('is cached for the next popup open', async () => {
    await route({ type: 'myretros:refresh' }, popup);
    const cached = view(await route({ type: 'myretros:cached' }, popup));
    expect(cached.configured).toBe(true);
    expect(cached.cache!.items).toHaveLength(3);
    expect(cached.cache!.fetchedAt).toBe(NOW.toISOString());
  });

  it('the cache of another instance is not shown after the GitLab URL changed', async () => {
    await route({ type: 'myretros:refresh' }, popup);
    await settingsItem.setValue({ ...(await settingsItem.getValue()), gitlabUrl: 'https://gitlab.example.com' });
    expect(view(await route({ type: 'myretros:cached' }, popup)).cache).toBeNull();
  });

  it('without a token: not configured, and no request at all', async () => {
    fakeBrowser.reset();
    await storeSettings({}, null);
    expect(view(await route({ type: 'myretros:cached' }, popup))).toMatchObject({ configured: false, cache: null });
    const reply = await route({ type: 'myretros:refresh' }, popup);
    expect(reply.ok ? null : reply.error.kind).toBe('no-token');
    expect(gitlab.calls).toEqual([]);
    expect(gitlab.configs).toEqual([]);
  });

  it('a content script on a GitLab page may not ask for it', async () => {
    const reply = await route({ type: 'myretros:refresh' }, contentScript());
    expect(reply.ok ? null : reply.error.kind).toBe('invalid-request');
    expect(gitlab.calls).toEqual([]);
  });
});

describe('myretros:more', () => {
  it('fetches the next page of that label only and adds it to the list', async () => {
    gitlab.listed = Array.from({ length: MY_RETROS_PER_PAGE + 5 }, (_, i) => listedIssue(100 + i, ['retro']));
    const first = view(await route({ type: 'myretros:refresh' }, popup));
    expect(first.cache!.items).toHaveLength(MY_RETROS_PER_PAGE);
    expect(first.cache!.next.retro).toBe(2);
    const more = view(await route({ type: 'myretros:more', label: 'retro', page: 2 }, popup));
    const query = { scope: 'assigned_to_me', labels: 'retro', state: 'opened', orderBy: 'due_date', sort: 'asc' };
    expect(gitlab.callsOf('listIssues').slice(-2).map((call) => call.args)).toEqual([[query, 1, MY_RETROS_PER_PAGE], [query, 2, MY_RETROS_PER_PAGE]]);
    expect(more.cache!.items).toHaveLength(MY_RETROS_PER_PAGE + 5);
    expect(more.cache!.next.retro).toBeNull();
  });

  it('an issue closed between two reads does not make the next one vanish at the page boundary', async () => {
    gitlab.listed = Array.from({ length: MY_RETROS_PER_PAGE + 5 }, (_, i) => listedIssue(100 + i, ['retro']));
    view(await route({ type: 'myretros:refresh' }, popup));
    gitlab.listed.splice(3, 1); // closed meanwhile: issue 120, the first of page 2, moves to page 1
    const more = view(await route({ type: 'myretros:more', label: 'retro', page: 2 }, popup));
    expect(more.cache!.items.map((item) => item.iid)).toContain(100 + MY_RETROS_PER_PAGE);
    expect(new Set(more.cache!.items.map((item) => item.key)).size).toBe(more.cache!.items.length);
  });

  it.each([[1], [0], [1.5]])('page %s is refused before any request', async (page) => {
    const reply = await route({ type: 'myretros:more', label: 'retro', page }, popup);
    expect(reply.ok ? null : reply.error.kind).toBe('invalid-request');
    expect(gitlab.calls).toEqual([]);
  });
});
