import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter, senderAllowed } from '@/entrypoints/background/router';
import { GitLabRequestError, errorFromResponse, type ApiError } from '@/lib/gitlab/errors';
import type { Result } from '@/lib/messaging';
import { rateLimitedUntilItem } from '@/lib/settings';
import { apiFixture } from '../helpers/gitlab-fixtures';
import { FakeGitLab, fakeDeps, type FakeDeps } from '../helpers/fake-gateway';
import { EMERGENCY_PROJECT, ENV, EXTENSION_ID, ISSUE_URL, REF, contentScript, extensionPage, storeSettings } from '../helpers/background';

const NOW = new Date(2025, 2, 8, 23, 30, 0);

let gitlab: FakeGitLab;
let deps: FakeDeps;
let route: ReturnType<typeof createRouter>;

beforeEach(() => {
  fakeBrowser.reset();
  gitlab = new FakeGitLab();
  deps = fakeDeps(gitlab, NOW);
  route = createRouter(deps, ENV);
});

function expectError(reply: Result<unknown>): ApiError {
  expect(reply.ok).toBe(false);
  if (reply.ok) throw new Error('expected an error reply');
  // C7: only plain JSON crosses messaging.
  expect(JSON.parse(JSON.stringify(reply))).toEqual(reply);
  return reply.error;
}

function expectData<T = unknown>(reply: Result<unknown>): T {
  if (!reply.ok) throw new Error(`expected success, got ${reply.error.kind}: ${reply.error.message}`);
  expect(JSON.parse(JSON.stringify(reply))).toEqual(reply);
  return reply.data as T;
}

const load = { type: 'retro:load', ref: REF } as const;

describe('message validation', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'retro:load'],
    ['an unknown type', { type: 'retro:delete', ref: REF }],
    ['a negative iid', { type: 'retro:load', ref: { ...REF, iid: -1 } }],
    ['an iid as a string', { type: 'retro:load', ref: { ...REF, iid: '1' } }],
    ['a project path without a group', { type: 'retro:load', ref: { ...REF, projectPath: 'project' } }],
    ['an unknown view', { type: 'retro:load', ref: { ...REF, view: 'merge_requests' } }],
    ['an extra field', { type: 'retro:load', ref: REF, host: 'https://evil.example' }],
    ['an engineer that is not a username', { type: 'retro:apply', ref: REF, engineer: 'sam support' }],
    ['a one-letter user search', { type: 'users:search', query: 'a' }],
    ['a page:visit without a URL', { type: 'page:visit', url: 'not a url' }],
    ['settings with an http URL', { type: 'settings:save', settings: { gitlabUrl: 'http://gitlab.com', emergencyProjects: [], rosterText: '', labels: { retro: 'r', retroActions: 'a', customerRetro: 'c' } } }],
    ['a label with a comma', { type: 'settings:save', settings: { gitlabUrl: 'https://gitlab.com', emergencyProjects: [], rosterText: '', labels: { retro: 'r,x', retroActions: 'a', customerRetro: 'c' } } }],
  ])('%s → invalid-request and no GitLab call', async (_name, message) => {
    await storeSettings();
    const error = expectError(await route(message, extensionPage()));
    expect(error.kind).toBe('invalid-request');
    expect(error.status).toBe(0);
    expect(error.message.length).toBeGreaterThan(0);
    expect(gitlab.calls).toEqual([]);
    expect(gitlab.configs).toEqual([]);
  });

  it('a project path made of .. segments never reaches GitLab', async () => {
    await storeSettings();
    const reply = await route({ type: 'retro:load', ref: { ...REF, projectPath: '../../api/v4/user' } }, extensionPage());
    expect(expectError(reply).kind).toMatch(/^(invalid-request|rejected)$/);
    expect(gitlab.calls).toEqual([]);
  });

  it('names the offending field', async () => {
    await storeSettings();
    const error = expectError(await route({ type: 'retro:load', ref: { ...REF, iid: 0 } }, extensionPage()));
    expect(error.message).toContain('ref.iid');
  });
});

describe('sender checks', () => {
  beforeEach(async () => {
    await storeSettings();
  });

  it('an unknown extension id is refused without a GitLab call', async () => {
    const error = expectError(await route(load, { ...contentScript(), id: 'some-other-extension' }));
    expect(error.kind).toBe('invalid-request');
    expect(gitlab.calls).toEqual([]);
  });

  it('a sender without an id (a web page) is refused', async () => {
    const { id: _id, ...noId } = contentScript();
    expect(expectError(await route(load, noId)).kind).toBe('invalid-request');
    expect(gitlab.calls).toEqual([]);
  });

  it('a content script on another origin is refused', async () => {
    const error = expectError(await route(load, contentScript('https://evil.example/gitlab-com/support/readiness/emergencies/-/issues/1')));
    expect(error.kind).toBe('invalid-request');
    expect(gitlab.calls).toEqual([]);
  });

  it('a content script on gitlab.com.evil.example (a look-alike origin) is refused', async () => {
    expectError(await route(load, contentScript(`https://gitlab.com.evil.example/${EMERGENCY_PROJECT}/-/issues/1`)));
    expect(gitlab.calls).toEqual([]);
  });

  it('a content script on http://gitlab.com (not https) is refused', async () => {
    expectError(await route(load, contentScript(`http://gitlab.com/${EMERGENCY_PROJECT}/-/issues/1`)));
    expect(gitlab.calls).toEqual([]);
  });

  it('a content script on https://gitlab.com may load the retro panel', async () => {
    const data = expectData<{ issue: { title: string } }>(await route(load, contentScript()));
    expect(data.issue.title).toBe('Ut commodi ullam eos dolores perferendis nihil sunt.');
    expect(gitlab.callsOf('getIssue')).toHaveLength(1);
  });

  it('a content script on https://gitlab.com may not save or read settings', async () => {
    const save = {
      type: 'settings:save',
      settings: { gitlabUrl: 'https://gitlab.com', emergencyProjects: [EMERGENCY_PROJECT], rosterText: '', labels: { retro: 'retro', retroActions: 'retro-actions', customerRetro: 'customer-retro' } },
      token: 'glpat-stolen',
    };
    expect(expectError(await route(save, contentScript())).kind).toBe('invalid-request');
    expect(expectError(await route({ type: 'settings:load' }, contentScript())).kind).toBe('invalid-request');
    expect(gitlab.calls).toEqual([]);
    expect(gitlab.configs).toEqual([]);
  });

  it('the configured instance counts, not gitlab.com: a self-managed setup refuses gitlab.com tabs', async () => {
    await storeSettings({ gitlabUrl: 'https://gitlab.example.com' });
    expectError(await route(load, contentScript()));
    expect(gitlab.calls).toEqual([]);
    const data = expectData(await route(load, contentScript(`https://gitlab.example.com/${EMERGENCY_PROJECT}/-/issues/1`)));
    expect(data).toHaveProperty('issue');
  });

  it('an extension page may send anything', async () => {
    expect(expectData(await route({ type: 'settings:load' }, extensionPage()))).toHaveProperty('hasToken', true);
    expect(expectData(await route(load, extensionPage('/popup.html')))).toHaveProperty('issue');
  });

  it('senderAllowed: the same id with a URL of neither kind and no tab is refused', async () => {
    expect(await senderAllowed({ id: EXTENSION_ID, url: ISSUE_URL }, 'retro:load', ENV)).toBe(false);
    expect(await senderAllowed(extensionPage(), 'settings:save', ENV)).toBe(true);
    expect(await senderAllowed(contentScript(), 'retro:apply', ENV)).toBe(true);
    expect(await senderAllowed(contentScript(), 'settings:load', ENV)).toBe(false);
  });
});

describe('no token (C14a)', () => {
  it('retro:load replies no-token and sends nothing to GitLab', async () => {
    await storeSettings({}, null);
    const error = expectError(await route(load, contentScript()));
    expect(error.kind).toBe('no-token');
    expect(error.message).toMatch(/token/);
    expect(gitlab.calls).toEqual([]);
    expect(gitlab.configs).toEqual([]);
  });

  it('retro:apply and users:search reply no-token too', async () => {
    await storeSettings({}, null);
    expect(expectError(await route({ type: 'retro:apply', ref: REF, engineer: 'sam-support' }, contentScript())).kind).toBe('no-token');
    expect(expectError(await route({ type: 'users:search', query: 'maria' }, contentScript())).kind).toBe('no-token');
    expect(gitlab.calls).toEqual([]);
  });
});

describe('rate limits (C10)', () => {
  const limited = () => new GitLabRequestError(errorFromResponse(429, apiFixture('errors/429-application-rate-limit.json'), '30'));

  it('after a 429 with Retry-After 30 the next request within 30 s is refused without calling GitLab', async () => {
    await storeSettings();
    gitlab.fail('getIssue', limited());
    const first = expectError(await route(load, contentScript()));
    expect(first).toMatchObject({ kind: 'rate-limited', status: 429, retryAfter: 30 });
    expect(gitlab.calls).toHaveLength(1);
    expect(await rateLimitedUntilItem.getValue()).toBe(NOW.getTime() + 30_000);

    gitlab.succeed('getIssue');
    deps.setNow(new Date(NOW.getTime() + 10_000));
    const second = expectError(await route(load, contentScript()));
    expect(second).toMatchObject({ kind: 'rate-limited', retryAfter: 20 });
    expect(second.message).toContain('20 s');
    expect(gitlab.calls).toHaveLength(1);

    expectError(await route({ type: 'retro:apply', ref: REF, engineer: 'sam-support' }, contentScript()));
    expect(gitlab.calls).toHaveLength(1);
  });

  it('once the window has passed requests go out again', async () => {
    await storeSettings();
    gitlab.fail('getIssue', limited());
    expectError(await route(load, contentScript()));
    gitlab.succeed('getIssue');
    deps.setNow(new Date(NOW.getTime() + 30_001));
    expectData(await route(load, contentScript()));
    expect(gitlab.callsOf('getIssue')).toHaveLength(2);
  });

  it('a shorter Retry-After from a concurrent request does not shorten the longer wait', async () => {
    await storeSettings();
    gitlab.fail('getIssue', limited());
    gitlab.fail('searchUsers', new GitLabRequestError(errorFromResponse(429, 'Retry later', '3')));
    const replies = await Promise.all([route(load, contentScript()), route({ type: 'users:search', query: 'maria' }, contentScript())]);
    expect(replies.map((r) => expectError(r).retryAfter)).toEqual([30, 3]);
    expect(await rateLimitedUntilItem.getValue()).toBe(NOW.getTime() + 30_000);
    deps.setNow(new Date(NOW.getTime() + 5_000));
    gitlab.succeed('searchUsers');
    expect(expectError(await route({ type: 'users:search', query: 'maria' }, contentScript())).kind).toBe('rate-limited');
    expect(gitlab.callsOf('searchUsers')).toHaveLength(1);
  });

  it('other errors set no wait', async () => {
    await storeSettings();
    gitlab.fail('getIssue', new GitLabRequestError(errorFromResponse(502, '')));
    expect(expectError(await route(load, contentScript())).kind).toBe('server');
    expect(await rateLimitedUntilItem.getValue()).toBe(0);
  });
});

describe('page:visit', () => {
  beforeEach(async () => {
    await storeSettings();
  });

  it('an emergency issue on the sender’s own origin injects the panel once into that tab', async () => {
    const data = expectData(await route({ type: 'page:visit', url: ISSUE_URL }, contentScript(ISSUE_URL, 12, 0)));
    expect(data).toEqual({ emergency: true });
    expect(deps.injectPanel).toHaveBeenCalledTimes(1);
    expect(deps.injectPanel).toHaveBeenCalledWith(12, 0);
  });

  it('work-item and incident URLs of the emergency project count too', async () => {
    for (const url of [`https://gitlab.com/${EMERGENCY_PROJECT}/-/work_items/5#note_1`, `https://gitlab.com/${EMERGENCY_PROJECT}/-/issues/incident/6`]) {
      expect(expectData(await route({ type: 'page:visit', url }, contentScript(url, 3)))).toEqual({ emergency: true });
    }
    expect(deps.injectPanel).toHaveBeenCalledTimes(2);
  });

  it('an issue of another project is not an emergency and injects nothing', async () => {
    const url = 'https://gitlab.com/gitlab-org/gitlab/-/issues/1';
    expect(expectData(await route({ type: 'page:visit', url }, contentScript(url)))).toEqual({ emergency: false });
    expect(deps.injectPanel).not.toHaveBeenCalled();
  });

  it('a URL on another origin than the sender’s is not trusted', async () => {
    const url = `https://evil.example/${EMERGENCY_PROJECT}/-/issues/1`;
    expect(expectData(await route({ type: 'page:visit', url }, contentScript(ISSUE_URL)))).toEqual({ emergency: false });
    expect(deps.injectPanel).not.toHaveBeenCalled();
  });

  it('a list page or group work item injects nothing', async () => {
    for (const url of [`https://gitlab.com/${EMERGENCY_PROJECT}/-/issues`, 'https://gitlab.com/groups/gitlab-com/-/work_items/8']) {
      expect(expectData(await route({ type: 'page:visit', url }, contentScript(url)))).toEqual({ emergency: false });
    }
    expect(deps.injectPanel).not.toHaveBeenCalled();
  });

  it('needs no token and calls no GitLab API', async () => {
    await storeSettings({}, null);
    expectData(await route({ type: 'page:visit', url: ISSUE_URL }, contentScript()));
    expect(deps.injectPanel).toHaveBeenCalledTimes(1);
    expect(gitlab.calls).toEqual([]);
  });
});

describe('emergency projects only', () => {
  it('retro:load for a project that is not an emergency project is rejected before any GitLab call', async () => {
    await storeSettings();
    const ref = { projectPath: 'gitlab-org/gitlab', iid: 1, view: 'issues' as const };
    const error = expectError(await route({ type: 'retro:load', ref }, contentScript('https://gitlab.com/gitlab-org/gitlab/-/issues/1')));
    expect(error.kind).toBe('rejected');
    expect(error.message).toContain('gitlab-org/gitlab');
    expect(gitlab.calls).toEqual([]);
  });

  it('retro:apply and retro:undo too', async () => {
    await storeSettings();
    const ref = { projectPath: 'gitlab-org/gitlab', iid: 1, view: 'issues' as const };
    expect(expectError(await route({ type: 'retro:apply', ref, engineer: 'sam-support' }, contentScript())).kind).toBe('rejected');
    expect(expectError(await route({ type: 'retro:undo', ref }, contentScript())).kind).toBe('rejected');
    expect(gitlab.calls).toEqual([]);
  });
});

describe('the rest of the dispatch', () => {
  it('options:open opens the options page and replies null', async () => {
    await storeSettings();
    expect(expectData(await route({ type: 'options:open' }, contentScript()))).toBeNull();
    expect(deps.openOptions).toHaveBeenCalledTimes(1);
  });

  it('users:search strips a leading @ and replies id, username and name only', async () => {
    await storeSettings();
    const data = expectData(await route({ type: 'users:search', query: '@maria' }, contentScript()));
    expect(gitlab.callsOf('searchUsers')).toEqual([{ method: 'searchUsers', args: ['maria'] }]);
    expect(data).toEqual([{ id: 42, username: 'maria-manager', name: 'Maria Manager' }]);
  });

  it('an unexpected exception becomes a plain error reply, not a thrown Error', async () => {
    await storeSettings();
    gitlab.fail('getIssue', new TypeError('boom'));
    const error = expectError(await route(load, contentScript()));
    expect(error.kind).toBe('server');
    expect(error.message).toContain('boom');
  });

  it('the gateway is built from the stored instance URL and token', async () => {
    await storeSettings({ gitlabUrl: 'https://gitlab.com' }, 'glpat-abc');
    expectData(await route(load, contentScript()));
    expect(gitlab.configs).toEqual([{ host: 'https://gitlab.com', token: 'glpat-abc' }]);
  });
});
