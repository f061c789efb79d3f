import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter } from '@/entrypoints/background/router';
import { GitLabRequestError, errorFromResponse } from '@/lib/gitlab/errors';
import type { ApplyResult, PanelData, Result, SettingsInput, SettingsView } from '@/lib/messaging';
import type { GitLabIssue } from '@/lib/gitlab/types';
import type { GatewayConfig } from '@/lib/gitlab/gateway';
import { DEFAULT_FOLLOW_UPS, appliedItem, knownUsersItem, settingsItem, tokenItem, tokenStatusItem } from '@/lib/settings';
import { apiFixture, projectIssueFixture } from '../helpers/gitlab-fixtures';
import { FakeGitLab, MARIA, SAM, fakeDeps, type FakeDeps } from '../helpers/fake-gateway';
import { myRetrosItem, reviewItem } from '@/lib/retro-cache';
import { EMERGENCY_PROJECT, ENV, REF, contentScript, extensionPage, storeSettings } from '../helpers/background';

/** 23:30 local on 2025-03-08, the night before US daylight saving starts (C13). */
const NOW = new Date(2025, 2, 8, 23, 30, 0);
const IN_A_WEEK = '2025-03-15';
/** The assignee of the documented issue example. */
const LENNIE_ID = 9;

let gitlab: FakeGitLab;
let deps: FakeDeps;
let route: ReturnType<typeof createRouter>;

function setUp(issue?: GitLabIssue, maxAssignees?: number) {
  gitlab = new FakeGitLab({ issue, maxAssignees });
  deps = fakeDeps(gitlab, NOW);
  route = createRouter(deps, ENV);
}

beforeEach(async () => {
  fakeBrowser.reset();
  setUp();
  await storeSettings();
});

/** C7: what crosses messaging survives a JSON round trip unchanged (no Date, no Error). */
function expectPlainJson(reply: Result<unknown>): void {
  expect(JSON.parse(JSON.stringify(reply))).toEqual(reply);
}

function dataOf<T>(reply: Result<unknown>): T {
  expectPlainJson(reply);
  if (!reply.ok) throw new Error(`expected success, got ${reply.error.kind}: ${reply.error.message}`);
  return reply.data as T;
}

function errorOf(reply: Result<unknown>) {
  expectPlainJson(reply);
  if (reply.ok) throw new Error('expected an error reply');
  return reply.error;
}

const apply = (engineer = 'sam-support') => route({ type: 'retro:apply', ref: REF, engineer }, contentScript());
const undo = () => route({ type: 'retro:undo', ref: REF }, contentScript());
const load = () => route({ type: 'retro:load', ref: REF }, contentScript());

describe('retro:load', () => {
  it('answers the issue summary, labels, roster, no applied record and write access', async () => {
    const data = dataOf<PanelData>(await load());
    expect(gitlab.callsOf('getIssue')).toEqual([{ method: 'getIssue', args: [EMERGENCY_PROJECT, 1] }]);
    expect(data).toEqual({
      issue: {
        title: 'Ut commodi ullam eos dolores perferendis nihil sunt.',
        webUrl: 'http://gitlab.example.com/my-group/my-project/issues/1',
        issueType: 'issue',
        labels: [],
        dueDate: null,
        assignees: [{ id: LENNIE_ID, username: 'lennie', name: 'Dr. Luella Kovacek' }],
      },
      labels: { retro: 'retro', retroActions: 'retro-actions', customerRetro: 'customer-retro' },
      roster: { 'sam-support': 'maria-manager' },
      applied: null,
      canWrite: true,
    });
  });

  it('a token without the api scope makes the panel read-only', async () => {
    await tokenStatusItem.setValue({ username: 'sam', name: 'Sam', scopes: ['read_api'], expiresAt: null });
    expect(dataOf<PanelData>(await load()).canWrite).toBe(false);
  });

  it('C14c: a 404 from GitLab replies "not found, or you have no access"', async () => {
    gitlab.fail('getIssue', new GitLabRequestError(errorFromResponse(404, apiFixture('errors/404-project-not-found.json'))));
    const error = errorOf(await load());
    expect(error).toMatchObject({ kind: 'not-found', status: 404 });
    expect(error.message).toContain('not found, or you have no access');
  });

  it('C11: a 401 for an expired token replies that the token has expired', async () => {
    gitlab.fail('getIssue', new GitLabRequestError(errorFromResponse(401, apiFixture('errors/401-invalid-token-expired.json'))));
    const error = errorOf(await load());
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toMatch(/the token has expired\. Create a new token/);
  });
});

describe('retro:apply', () => {
  it('C13/C7: one PUT with label, local date + 7 and merged assignees; a plain-JSON reply', async () => {
    const reply = await apply();
    expectPlainJson(reply);
    const data = dataOf<ApplyResult>(reply);
    expect(gitlab.callsOf('editIssue')).toEqual([
      { method: 'editIssue', args: [EMERGENCY_PROJECT, 1, { add_labels: 'retro-actions', due_date: IN_A_WEEK, assignee_ids: [LENNIE_ID, MARIA.id] }] },
    ]);
    expect(data.alreadyApplied).toBe(false);
    expect(data.managerDropped).toBe(false);
    expect(data.issue.labels).toEqual(['retro-actions']);
    expect(data.issue.dueDate).toBe(IN_A_WEEK);
    expect(data.issue.assignees.map((a) => a.username)).toEqual(['lennie', 'maria-manager']);
    expect(data.applied).toEqual({
      label: 'retro-actions',
      addedLabel: true,
      previousDueDate: null,
      appliedDueDate: IN_A_WEEK,
      addedManagerId: MARIA.id,
      appliedAt: NOW.toISOString(),
    });
    expect(typeof data.applied?.appliedAt).toBe('string');
  });

  it('reads the issue fresh before writing and resolves the manager by username', async () => {
    await apply();
    expect(gitlab.calls.map((c) => c.method)).toEqual(['findUser', 'getIssue', 'editIssue']);
    expect(gitlab.callsOf('findUser')[0]?.args).toEqual(['maria-manager']);
  });

  it('remembers the manager’s id: the next apply does not look the user up again', async () => {
    await apply();
    expect(await knownUsersItem.getValue()).toEqual({ 'https://gitlab.com/maria-manager': { id: MARIA.id, username: MARIA.username, name: MARIA.name } });
    await undo();
    await apply();
    expect(gitlab.callsOf('findUser')).toHaveLength(1);
    expect(gitlab.callsOf('editIssue')).toHaveLength(3);
  });

  it('accepts the engineer with @ and in any case', async () => {
    await apply('@Sam-Support');
    expect(gitlab.callsOf('editIssue')).toHaveLength(1);
  });

  it('GitLab Free drops the second assignee: managerDropped is true', async () => {
    setUp(undefined, 1);
    const data = dataOf<ApplyResult>(await apply());
    expect(gitlab.callsOf('editIssue')).toHaveLength(1);
    expect(data.issue.assignees.map((a) => a.id)).toEqual([LENNIE_ID]);
    expect(data.managerDropped).toBe(true);
  });

  it('already applied: no PUT at all', async () => {
    const issue = projectIssueFixture();
    setUp({ ...issue, labels: ['retro', 'retro-actions'], due_date: '2025-03-20', assignees: [...issue.assignees, MARIA] });
    const data = dataOf<ApplyResult>(await apply());
    expect(gitlab.callsOf('editIssue')).toEqual([]);
    expect(data.alreadyApplied).toBe(true);
    expect(data.managerDropped).toBe(false);
    expect(data.issue.dueDate).toBe('2025-03-20');
  });

  it('applying twice sends one PUT', async () => {
    dataOf(await apply());
    const second = dataOf<ApplyResult>(await apply());
    expect(second.alreadyApplied).toBe(true);
    expect(gitlab.callsOf('editIssue')).toHaveLength(1);
  });

  it('the label is there with a due date: the date is kept', async () => {
    setUp({ ...projectIssueFixture(), labels: ['retro-actions'], due_date: '2025-04-01' });
    dataOf(await apply());
    expect(gitlab.callsOf('editIssue')[0]?.args[2]).toEqual({ add_labels: 'retro-actions', due_date: '2025-04-01', assignee_ids: [LENNIE_ID, MARIA.id] });
  });

  it('uses the configured label name', async () => {
    await storeSettings({ labels: { retro: 'retro', retroActions: 'Retro::Actions', customerRetro: 'customer-retro' } });
    dataOf(await apply());
    expect(gitlab.callsOf('editIssue')[0]?.args[2]).toMatchObject({ add_labels: 'Retro::Actions' });
  });

  it('an engineer missing from the roster is refused before any write', async () => {
    const error = errorOf(await apply('nobody-here'));
    expect(error.kind).toBe('not-configured');
    expect(error.message).toContain('@nobody-here');
    expect(gitlab.callsOf('editIssue')).toEqual([]);
  });

  it('a manager unknown to GitLab is refused with a message naming them', async () => {
    await storeSettings({ rosterText: 'sam-support: ghost-manager\n' });
    const error = errorOf(await apply());
    expect(error.kind).toBe('not-configured');
    expect(error.message).toContain('@ghost-manager');
    expect(gitlab.callsOf('editIssue')).toEqual([]);
  });

  it('a PUT GitLab refused records nothing to undo', async () => {
    gitlab.fail('editIssue', new GitLabRequestError(errorFromResponse(422, { message: 'invalid' })));
    expect(errorOf(await apply()).kind).toBe('rejected');
    expect(await appliedItem.getValue()).toEqual({});
    expect(gitlab.callsOf('editIssue')).toHaveLength(1);
  });

  it('a PUT GitLab stored before answering 502 can still be undone: the retry finds it applied, and Undo reverts it', async () => {
    gitlab.failAfterStore('editIssue', new GitLabRequestError(errorFromResponse(502, '')));
    expect(errorOf(await apply()).kind).toBe('server');
    const retry = dataOf<ApplyResult>(await apply());
    expect(retry.alreadyApplied).toBe(true);
    expect(retry.applied).toMatchObject({ addedLabel: true, addedManagerId: MARIA.id });
    const undone = dataOf<{ reverted: boolean }>(await undo());
    expect(undone.reverted).toBe(true);
    expect(gitlab.issue.labels).not.toContain('retro-actions');
  });

  it('a second apply before Undo keeps the first record: Undo goes back to before the first one', async () => {
    gitlab.maxAssignees = 1; // GitLab Free keeps one assignee: the manager is dropped, so Apply stays available
    const dueBefore = gitlab.issue.due_date;
    expect(dataOf<ApplyResult>(await apply()).managerDropped).toBe(true);
    expect(dataOf<ApplyResult>(await apply()).alreadyApplied).toBe(false);
    const undone = dataOf<{ reverted: boolean }>(await undo());
    expect(undone.reverted).toBe(true);
    expect(gitlab.issue.labels).not.toContain('retro-actions');
    expect(gitlab.issue.due_date).toBe(dueBefore);
  });

  it('C14b: a 403 insufficient_scope replies that the token needs the api scope', async () => {
    gitlab.fail('editIssue', new GitLabRequestError(errorFromResponse(403, { error: 'insufficient_scope', scope: 'api' })));
    const error = errorOf(await apply());
    expect(error.kind).toBe('insufficient-scope');
    expect(error.message).toContain('api scope');
  });
});

describe('retro:undo', () => {
  it('after an apply, one PUT reverts exactly what was changed', async () => {
    dataOf(await apply());
    const data = dataOf<{ reverted: boolean; issue: { labels: string[]; dueDate: string | null; assignees: { id: number }[] } }>(await undo());
    const edits = gitlab.callsOf('editIssue');
    expect(edits).toHaveLength(2);
    expect(edits[1]?.args).toEqual([EMERGENCY_PROJECT, 1, { remove_labels: 'retro-actions', due_date: null, assignee_ids: [LENNIE_ID] }]);
    expect(data.reverted).toBe(true);
    expect(data.issue).toMatchObject({ labels: [], dueDate: null, assignees: [{ id: LENNIE_ID }] });
    expect(await appliedItem.getValue()).toEqual({});
  });

  it('keeps what others changed since: a new due date and an extra assignee stay', async () => {
    dataOf(await apply());
    gitlab.issue.due_date = '2025-03-31';
    gitlab.issue.assignees.push(SAM);
    dataOf(await undo());
    expect(gitlab.callsOf('editIssue')[1]?.args[2]).toEqual({ remove_labels: 'retro-actions', assignee_ids: [LENNIE_ID, SAM.id] });
  });

  it('nothing left to revert: no PUT, reverted false', async () => {
    dataOf(await apply());
    gitlab.issue.labels = [];
    gitlab.issue.due_date = '2025-04-04';
    gitlab.issue.assignees = gitlab.issue.assignees.filter((a) => a.id !== MARIA.id);
    const data = dataOf<{ reverted: boolean }>(await undo());
    expect(data.reverted).toBe(false);
    expect(gitlab.callsOf('editIssue')).toHaveLength(1);
  });

  it('without a record of an apply, undo is refused and nothing is sent', async () => {
    const error = errorOf(await undo());
    expect(error.kind).toBe('rejected');
    expect(error.message).toMatch(/nothing to undo/i);
    expect(gitlab.calls).toEqual([]);
  });

  it('the record is per issue: retro:load of the applied issue shows it', async () => {
    dataOf(await apply());
    expect(dataOf<PanelData>(await load()).applied).toMatchObject({ addedManagerId: MARIA.id, appliedDueDate: IN_A_WEEK });
  });
});

describe('settings:save', () => {
  const input = (overrides: Partial<SettingsInput> = {}): SettingsInput => ({
    gitlabUrl: 'https://gitlab.com',
    emergencyProjects: [EMERGENCY_PROJECT],
    rosterText: 'sam-support: maria-manager\n',
    labels: { retro: 'retro', retroActions: 'retro-actions', customerRetro: 'customer-retro' },
    followUps: DEFAULT_FOLLOW_UPS,
    retroLeads: [],
    ...overrides,
  });
  const save = (settings: SettingsInput, token?: string) =>
    route(token === undefined ? { type: 'settings:save', settings } : { type: 'settings:save', settings, token }, extensionPage());

  beforeEach(async () => {
    await storeSettings({}, 'glpat-old');
  });

  it('drops the cached lists of my retros and the review when the token or the settings change, not on a plain re-save', async () => {
    const fill = () => Promise.all([
      myRetrosItem.setValue({ instance: 'https://gitlab.com', items: [], next: { retro: null, retroActions: null }, fetchedAt: NOW.toISOString() }),
      reviewItem.setValue({ instance: 'https://gitlab.com' } as never),
    ]);
    const current = await settingsItem.getValue();
    await fill();
    dataOf(await save(current));
    expect(await myRetrosItem.getValue()).not.toBeNull();
    dataOf(await save(current, 'glpat-someone-else'));
    expect([await myRetrosItem.getValue(), await reviewItem.getValue()]).toEqual([null, null]);
    await fill();
    dataOf(await save({ ...current, emergencyProjects: ['other/project'] }));
    expect([await myRetrosItem.getValue(), await reviewItem.getValue()]).toEqual([null, null]);
  });

  it('a token GitLab accepts is stored with who it belongs to, checked against the new instance', async () => {
    const view = dataOf<SettingsView>(await save(input(), '  glpat-new  '));
    expect(gitlab.configs).toEqual([{ host: 'https://gitlab.com', token: 'glpat-new' }]);
    expect(gitlab.callsOf('currentUser')).toHaveLength(1);
    expect(gitlab.callsOf('tokenInfo')).toHaveLength(1);
    expect(await tokenItem.getValue()).toBe('glpat-new');
    expect(view.hasToken).toBe(true);
    expect(view.tokenError).toBeNull();
    expect(view.token).toEqual({ username: 'john_smith', name: 'John Smith', scopes: ['api'], expiresAt: null });
    expect(JSON.stringify(view)).not.toContain('glpat-new');
  });

  it('keeps a read_api-only token with its scopes (the options page warns from them)', async () => {
    gitlab.tokenInfoValue = { name: 'ro', scopes: ['read_api'], expires_at: null, active: true, revoked: false };
    const view = dataOf<SettingsView>(await save(input(), 'glpat-ro'));
    expect(await tokenItem.getValue()).toBe('glpat-ro');
    expect(view.token).toMatchObject({ scopes: ['read_api'], expiresAt: null });
  });

  it('a 401 returns tokenError and keeps the old token', async () => {
    gitlab.fail('currentUser', new GitLabRequestError(errorFromResponse(401, apiFixture('errors/401-invalid-token-revoked.json'))));
    const reply = await save(input(), 'glpat-revoked');
    const view = dataOf<SettingsView>(reply);
    expect(view.tokenError).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(await tokenItem.getValue()).toBe('glpat-old');
    expect(view.hasToken).toBe(true);
  });

  it('no token given: settings saved, token kept, GitLab not asked', async () => {
    const view = dataOf<SettingsView>(await save(input({ rosterText: 'alex: bob\n' })));
    expect(view.settings.rosterText).toBe('alex: bob\n');
    expect((await settingsItem.getValue()).rosterText).toBe('alex: bob\n');
    expect(await tokenItem.getValue()).toBe('glpat-old');
    expect(gitlab.calls).toEqual([]);
  });

  it('an empty token forgets the stored one', async () => {
    const view = dataOf<SettingsView>(await save(input(), ''));
    expect(await tokenItem.getValue()).toBe('');
    expect(view.hasToken).toBe(false);
    expect(gitlab.calls).toEqual([]);
  });

  it('moving to another instance without a new token forgets the old token', async () => {
    dataOf(await save(input({ gitlabUrl: 'https://gitlab.example.com' })));
    expect(await tokenItem.getValue()).toBe('');
  });

  it('a broken roster is refused with the line named, and nothing is saved', async () => {
    const before = await settingsItem.getValue();
    const error = errorOf(await save(input({ rosterText: 'sam-support: maria-manager\nalex bob\n' }), 'glpat-new'));
    expect(error.kind).toBe('rejected');
    expect(error.message).toMatch(/line 2/);
    expect(await settingsItem.getValue()).toEqual(before);
    expect(await tokenItem.getValue()).toBe('glpat-old');
  });
});

describe('switching to another GitLab instance', () => {
  const EXAMPLE = 'https://gitlab.example.com';
  const exampleSettings = (): SettingsInput => ({
    gitlabUrl: EXAMPLE,
    emergencyProjects: [EMERGENCY_PROJECT],
    rosterText: 'sam-support: maria-manager\n',
    labels: { retro: 'retro', retroActions: 'retro-actions', customerRetro: 'customer-retro' },
    followUps: DEFAULT_FOLLOW_UPS,
    retroLeads: [],
  });
  const exampleTab = () => contentScript(`${EXAMPLE}/${EMERGENCY_PROJECT}/-/issues/1`);

  /** gitlab.com is `gitlab`; the self-managed instance is a second fake where Maria has another id. */
  function twoInstances() {
    const maria = { ...MARIA, id: 420 };
    const other = new FakeGitLab({ users: [SAM, maria] });
    deps = { ...fakeDeps(gitlab, NOW), createGateway: (config) => (config.host === EXAMPLE ? other : gitlab) };
    route = createRouter(deps, ENV);
    return { other, maria };
  }

  it('a new token that GitLab refuses does not leave the old instance’s token in use for the new one', async () => {
    const { other } = twoInstances();
    await tokenItem.setValue('glpat-gitlab-com');
    other.fail('currentUser', new GitLabRequestError(errorFromResponse(401, apiFixture('errors/401-unauthorized.json'))));
    const view = dataOf<SettingsView>(await route({ type: 'settings:save', settings: exampleSettings(), token: 'glpat-typo' }, extensionPage()));
    expect(view.tokenError?.kind).toBe('unauthorized');
    // The gitlab.com token must never be sent to gitlab.example.com.
    const seen: GatewayConfig[] = [];
    const spyDeps = {
      ...deps,
      createGateway: (config: GatewayConfig) => {
        seen.push(config);
        return deps.createGateway(config);
      },
    };
    const reply = await createRouter(spyDeps, ENV)({ type: 'retro:load', ref: REF }, exampleTab());
    expect(seen).not.toContainEqual({ host: EXAMPLE, token: 'glpat-gitlab-com' });
    expect(errorOf(reply).kind).toBe('no-token');
    expect(await tokenItem.getValue()).not.toBe('glpat-gitlab-com');
  });

  it('manager ids looked up on gitlab.com are not reused on the new instance', async () => {
    const { other, maria } = twoInstances();
    dataOf(await apply());
    expect(gitlab.callsOf('editIssue')[0]?.args[2]).toMatchObject({ assignee_ids: [LENNIE_ID, MARIA.id] });
    dataOf(await route({ type: 'settings:save', settings: exampleSettings(), token: 'glpat-example' }, extensionPage()));
    dataOf(await route({ type: 'retro:apply', ref: REF, engineer: 'sam-support' }, exampleTab()));
    expect(other.callsOf('editIssue')).toHaveLength(1);
    expect(other.callsOf('editIssue')[0]?.args[2]).toMatchObject({ assignee_ids: [LENNIE_ID, maria.id] });
  });
});

describe('token:check', () => {
  const check = () => route({ type: 'token:check' }, extensionPage());
  const SAVED = { username: 'maria-manager', name: 'Maria Manager', scopes: ['api'], expiresAt: '2027-12-04' };

  beforeEach(async () => {
    await tokenStatusItem.setValue(SAVED);
  });

  it('asks GitLab once about the saved token and stores what it says now (scopes, expiry)', async () => {
    gitlab.tokenInfoValue = { name: 't', scopes: ['read_api'], expires_at: '2025-03-10', active: true, revoked: false };
    const view = dataOf<SettingsView>(await check());
    expect(gitlab.calls.map((call) => call.method)).toEqual(['tokenInfo']);
    expect(view).toMatchObject({ hasToken: true, tokenError: null, token: { username: 'maria-manager', scopes: ['read_api'], expiresAt: '2025-03-10' } });
    expect(await tokenStatusItem.getValue()).toEqual({ ...SAVED, scopes: ['read_api'], expiresAt: '2025-03-10' });
  });

  it('a revoked token: the reply says so, and the token stays saved until replaced or removed', async () => {
    gitlab.fail('tokenInfo', new GitLabRequestError(errorFromResponse(401, apiFixture('errors/401-invalid-token-revoked.json'), null, false)));
    const view = dataOf<SettingsView>(await check());
    expect(view.tokenError).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(view.tokenError?.message).toContain('the token was revoked');
    expect(await tokenItem.getValue()).toBe('glpat-test-token');
    expect(await tokenStatusItem.getValue()).toEqual(SAVED);
  });

  it('without a token: nothing is asked', async () => {
    await tokenItem.removeValue();
    expect(dataOf<SettingsView>(await check())).toMatchObject({ hasToken: false, token: null, tokenError: null });
    expect(gitlab.calls).toEqual([]);
  });

  it('a content script may not ask', async () => {
    expect(errorOf(await route({ type: 'token:check' }, contentScript())).kind).toBe('invalid-request');
    expect(gitlab.calls).toEqual([]);
  });
});

describe('token:remove', () => {
  it('forgets the token, its status and what was fetched with it; nothing is sent to GitLab', async () => {
    await tokenStatusItem.setValue({ username: 'maria-manager', name: 'Maria Manager', scopes: ['api'], expiresAt: null });
    await myRetrosItem.setValue({ instance: 'https://gitlab.com', items: [], next: { retro: null, retroActions: null }, fetchedAt: NOW.toISOString() });
    const view = dataOf<SettingsView>(await route({ type: 'token:remove' }, extensionPage()));
    expect(view).toMatchObject({ hasToken: false, token: null });
    expect([await tokenItem.getValue(), await tokenStatusItem.getValue(), await myRetrosItem.getValue()]).toEqual(['', null, null]);
    expect(errorOf(await load()).kind).toBe('no-token');
    expect(dataOf<{ configured: boolean }>(await route({ type: 'myretros:cached' }, extensionPage())).configured).toBe(false);
    expect(gitlab.calls).toEqual([]);
  });

  it('a content script may not ask', async () => {
    expect(errorOf(await route({ type: 'token:remove' }, contentScript())).kind).toBe('invalid-request');
    expect(await tokenItem.getValue()).not.toBe('');
  });
});

describe('roster:add', () => {
  it('appends a line, keeping the existing text and comments', async () => {
    await storeSettings({ rosterText: '# EMEA support\nsam-support: maria-manager' });
    const data = dataOf<{ roster: Record<string, string> }>(await route({ type: 'roster:add', engineer: '@Alex-Eng', manager: '@Olly-Other' }, contentScript()));
    expect((await settingsItem.getValue()).rosterText).toBe('# EMEA support\nsam-support: maria-manager\nalex-eng: olly-other\n');
    expect(data.roster).toEqual({ 'sam-support': 'maria-manager', 'alex-eng': 'olly-other' });
    expect(gitlab.calls).toEqual([]);
  });

  it('keeps a CSV roster in CSV', async () => {
    await storeSettings({ rosterText: 'engineer,manager\nsam-support,maria-manager\n' });
    dataOf(await route({ type: 'roster:add', engineer: 'alex', manager: 'bob' }, contentScript()));
    expect((await settingsItem.getValue()).rosterText).toBe('engineer,manager\nsam-support,maria-manager\nalex,bob\n');
  });

  it('into an empty roster writes just the line', async () => {
    await storeSettings({ rosterText: '' });
    dataOf(await route({ type: 'roster:add', engineer: 'alex', manager: 'bob' }, contentScript()));
    expect((await settingsItem.getValue()).rosterText).toBe('alex: bob\n');
  });

  it('a conflicting pair is refused and the text is left alone', async () => {
    const error = errorOf(await route({ type: 'roster:add', engineer: 'sam-support', manager: 'someone-else' }, contentScript()));
    expect(error.kind).toBe('rejected');
    expect((await settingsItem.getValue()).rosterText).toBe('sam-support: maria-manager\n');
  });

  it('after adding, apply finds the new manager', async () => {
    await storeSettings({ rosterText: '' });
    dataOf(await route({ type: 'roster:add', engineer: 'sam-support', manager: 'maria-manager' }, contentScript()));
    dataOf(await apply());
    expect(gitlab.callsOf('editIssue')).toHaveLength(1);
  });
});
