import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter } from '@/entrypoints/background/router';
import { REVIEW_MAX_PAGES, REVIEW_PER_PAGE } from '@/entrypoints/background/review-handlers';
import type { Result, ReviewView } from '@/lib/messaging';
import { GitLabRequestError, errorFromResponse } from '@/lib/gitlab/errors';
import { FakeGitLab, fakeDeps } from '../helpers/fake-gateway';
import { ENV, extensionPage, storeSettings } from '../helpers/background';
import { PROJECT, listedIssue } from '../helpers/listed-issues';

const NOW = new Date(2025, 2, 15, 12, 0);
const page = extensionPage('/review.html');
let gitlab: FakeGitLab;
let route: ReturnType<typeof createRouter>;

const view = (reply: Result<unknown>): ReviewView => {
  if (!reply.ok) throw new Error(`expected success, got ${reply.error.kind}`);
  return reply.data as ReviewView;
};

beforeEach(async () => {
  fakeBrowser.reset();
  gitlab = new FakeGitLab();
  route = createRouter(fakeDeps(gitlab, NOW), ENV);
  await storeSettings();
});

describe('review:refresh', () => {
  it('reads every page of each query, 100 at a time, and sorts retros from suggestions', async () => {
    gitlab.listed = [
      ...Array.from({ length: 250 }, (_, i) => listedIssue(i + 1, ['retro', 'retro-actions'])),
      listedIssue(900, ['retro']),
      listedIssue(901, ['customer-retro', 'type::bug'], { created_at: new Date(2025, 2, 2).toISOString() }),
    ];
    const data = view(await route({ type: 'review:refresh' }, page)).data!;
    expect(data.retroActions).toHaveLength(250);
    expect(data.suggested.map((item) => item.iid)).toEqual([900]);
    expect(data.followUps.bug.at(-1)).toBe(1);
    const queries = gitlab.callsOf('listIssues').map((call) => call.args);
    expect(queries.filter(([q]) => (q as { labels: string }).labels === 'retro-actions').map(([, p, n]) => [p, n])).toEqual([[1, REVIEW_PER_PAGE], [2, REVIEW_PER_PAGE], [3, REVIEW_PER_PAGE]]);
    expect(queries.map(([q]) => q)).toContainEqual({ projectPath: PROJECT, labels: 'retro', notLabels: 'retro-actions', state: 'opened' });
    expect(queries.map(([q]) => q)).toContainEqual({ scope: 'all', labels: 'customer-retro', state: 'all', createdAfter: new Date(2024, 9, 1).toISOString() });
    expect(data.requests).toBe(queries.length);
    expect(data.truncated).toBe(false);
  });

  it('two pages asking at once share one fetch; a later ask fetches anew', async () => {
    gitlab.listed = Array.from({ length: 150 }, (_, i) => listedIssue(i + 1, ['retro', 'retro-actions']));
    const [first, second] = await Promise.all([route({ type: 'review:refresh' }, page), route({ type: 'review:refresh' }, page)]);
    expect(view(second)).toEqual(view(first));
    const once = gitlab.callsOf('listIssues').length;
    expect(once).toBe(view(first).data!.requests);
    await route({ type: 'review:refresh' }, page);
    expect(gitlab.callsOf('listIssues')).toHaveLength(2 * once);
  });

  it('lists an issue once even when a shifted page brings it back', async () => {
    const issues = Array.from({ length: 100 }, (_, i) => listedIssue(i + 1, ['retro-actions']));
    gitlab.listed = [...issues, issues[99]!]; // created meanwhile: the last one of page 1 comes again on page 2
    const data = view(await route({ type: 'review:refresh' }, page)).data!;
    expect(data.retroActions).toHaveLength(100);
  });

  it('stops at the page cap and says the counts are lower bounds', async () => {
    gitlab.listed = Array.from({ length: REVIEW_PER_PAGE * REVIEW_MAX_PAGES + 1 }, (_, i) => listedIssue(i + 1, ['retro-actions']));
    const data = view(await route({ type: 'review:refresh' }, page)).data!;
    expect(data.truncated).toBe(true);
    expect(data.retroActions).toHaveLength(REVIEW_PER_PAGE * REVIEW_MAX_PAGES);
  });

  it('is cached for the next visit; without a token nothing is requested', async () => {
    gitlab.listed = [listedIssue(1, ['retro-actions'])];
    await route({ type: 'review:refresh' }, page);
    expect(view(await route({ type: 'review:cached' }, page)).data!.retroActions).toHaveLength(1);
    fakeBrowser.reset();
    await storeSettings({}, null);
    const calls = gitlab.calls.length;
    expect(view(await route({ type: 'review:cached' }, page))).toMatchObject({ configured: false, data: null });
    const reply = await route({ type: 'review:refresh' }, page);
    expect(reply.ok ? null : reply.error.kind).toBe('no-token');
    expect(gitlab.calls).toHaveLength(calls);
  });

  describe('with one emergency project GitLab will not show', () => {
    const MISSING = 'gitlab-com/support/no-such-project';
    /** GitLab answers 404 (or 403, 500) for `MISSING` only. */
    function refuse(status: number) {
      const real = gitlab.listIssues.bind(gitlab);
      gitlab.listIssues = async (query, p, n) => {
        if (query.projectPath === MISSING) throw new GitLabRequestError(errorFromResponse(status, { message: '404 Project Not Found' }, null, false));
        return real(query, p, n);
      };
    }

    beforeEach(async () => {
      await storeSettings({ emergencyProjects: [PROJECT, MISSING] });
      gitlab.listed = [listedIssue(1, ['retro', 'retro-actions']), listedIssue(2, ['retro'])];
    });

    it('reviews the projects that work, and names the one that failed and why', async () => {
      refuse(404);
      const data = view(await route({ type: 'review:refresh' }, page)).data!;
      expect(data.retroActions.map((item) => item.iid)).toEqual([1]);
      expect(data.suggested.map((item) => item.iid)).toEqual([2]);
      expect(data.failedProjects).toEqual([{ projectPath: MISSING, error: expect.objectContaining({ kind: 'not-found', message: expect.stringMatching(/this project does not exist, or your account has no access to it\. Check its path under Emergency projects/) }) }]);
      expect(view(await route({ type: 'review:cached' }, page)).data!.failedProjects).toHaveLength(1);
    });

    it.each([403, 500])('a %i for one project is named too', async (status) => {
      refuse(status);
      const data = view(await route({ type: 'review:refresh' }, page)).data!;
      expect(data.retroActions).toHaveLength(1);
      expect(data.failedProjects?.map((failed) => [failed.projectPath, failed.error.status])).toEqual([[MISSING, status]]);
    });

    it('a refused token is no project’s fault: the whole review says so', async () => {
      gitlab.fail('listIssues', new GitLabRequestError(errorFromResponse(401, {})));
      const reply = await route({ type: 'review:refresh' }, page);
      expect(reply.ok ? null : reply.error.kind).toBe('unauthorized');
    });
  });
});
