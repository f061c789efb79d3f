import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { refreshBadge, showBadge } from '@/entrypoints/background/badge';
import { GitLabRequestError, errorFromResponse } from '@/lib/gitlab/errors';
import { FakeGitLab, fakeDeps, type FakeDeps } from '../helpers/fake-gateway';
import { storeSettings } from '../helpers/background';
import { listedIssue } from '../helpers/listed-issues';

const NOW = new Date(2025, 2, 8, 12, 0);
let gitlab: FakeGitLab;
let deps: FakeDeps;
const shown: string[] = [];
const badge = { setText: async (text: string) => void shown.push(text) };

beforeEach(async () => {
  fakeBrowser.reset();
  shown.length = 0;
  gitlab = new FakeGitLab();
  gitlab.listed = [
    listedIssue(1, ['retro-actions'], { due_date: '2025-03-07' }),
    listedIssue(2, ['retro-actions'], { due_date: '2025-03-01' }),
    listedIssue(3, ['retro-actions'], { due_date: '2025-03-08' }),
    listedIssue(4, ['retro']),
  ];
  deps = fakeDeps(gitlab, NOW);
  await storeSettings();
});

describe('toolbar badge', () => {
  it('counts overdue retros beyond the first page: GitLab lists the soonest due first, and a page all overdue asks for the next', async () => {
    gitlab.listed = [
      ...Array.from({ length: 30 }, (_, i) => listedIssue(100 + i, ['retro-actions'], { due_date: '2025-03-01' })), // overdue, the oldest
      ...Array.from({ length: 25 }, (_, i) => listedIssue(200 + i, ['retro-actions'], { due_date: '2025-03-20' })), // due later, the newest
    ];
    expect(await refreshBadge(deps, badge)).toBe('30');
    // Page 1 (20) was all overdue; page 2 was not, so no third page was asked for.
    expect(gitlab.callsOf('listIssues').filter((call) => (call.args[0] as { labels: string }).labels === 'retro-actions').map((call) => call.args[1])).toEqual([1, 2]);
  });

  it('shows the number of my overdue retros', async () => {
    expect(await refreshBadge(deps, badge)).toBe('2');
    expect(shown).toEqual(['2']);
  });

  it('without a token: empty, and no request at all', async () => {
    fakeBrowser.reset();
    await storeSettings({}, null);
    expect(await refreshBadge(deps, badge)).toBe('');
    expect(gitlab.configs).toEqual([]);
    expect(gitlab.calls).toEqual([]);
  });

  it('a failed refresh keeps the last count', async () => {
    await refreshBadge(deps, badge);
    gitlab.fail('listIssues', new GitLabRequestError(errorFromResponse(500, {})));
    expect(await refreshBadge(deps, badge)).toBe('2');
  });

  it('a 429 on the alarm’s refresh holds every later request until Retry-After ends (C10)', async () => {
    gitlab.fail('listIssues', new GitLabRequestError(errorFromResponse(429, 'Retry later', '60')));
    await refreshBadge(deps, badge);
    const sent = gitlab.calls.length;
    gitlab.succeed('listIssues');
    deps.setNow(new Date(NOW.getTime() + 30_000));
    await refreshBadge(deps, badge);
    expect(gitlab.calls).toHaveLength(sent);
  });

  it('showBadge reads the cache only: no request', async () => {
    await refreshBadge(deps, badge);
    const before = gitlab.calls.length;
    deps.setNow(new Date(2025, 2, 9, 12, 0)); // a day later, #3 is overdue too
    expect(await showBadge(deps, badge)).toBe('3');
    expect(gitlab.calls).toHaveLength(before);
  });
});
