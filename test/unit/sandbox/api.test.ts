import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TOKEN, EXPIRED_TOKEN, EXPIRING_TOKEN, READONLY_TOKEN, REVOKED_TOKEN, ymd } from '../../sandbox/seed';

import { useSandbox } from './use-sandbox';
import { call, get } from './client';

const SHARED = 'test/fixtures/gitlab-api';
const fixtureKeys = (name: string): string[] => Object.keys(JSON.parse(readFileSync(`${SHARED}/${name}`, 'utf8'))).sort();
const EMERGENCIES = encodeURIComponent('gitlab-com/support/readiness/emergencies');
const issueUrl = (iid: number, project = EMERGENCIES) => `/api/v4/projects/${project}/issues/${iid}`;

const sb = useSandbox();

describe('GET issue', () => {
  it('finds an issue by URL-encoded full path, case-insensitively', async () => {
    const res = await get(sb.url, issueUrl(1, encodeURIComponent('GitLab-com/Support/Readiness/Emergencies')), { token: API_TOKEN });
    expect(res.status).toBe(200);
    const issue = res.json();
    expect(issue).toMatchObject({
      id: 5001, iid: 1, project_id: 1001, title: 'Customer emergency: Geo replication stalled', labels: ['customer-emergency'],
      due_date: null, issue_type: 'issue', web_url: 'https://gitlab.com/gitlab-com/support/readiness/emergencies/-/issues/1',
      references: { full: 'gitlab-com/support/readiness/emergencies#1' },
    });
    expect(issue.assignees.map((a: { username: string }) => a.username)).toEqual(['sam-support']);
  });

  it.skipIf(!existsSync(SHARED))('has the same keys as the documented issue example', async () => {
    const issue = (await get(sb.url, issueUrl(3), { token: API_TOKEN })).json();
    expect(Object.keys(issue).sort()).toEqual(fixtureKeys('get-project-issue.json'));
    expect(issue).toMatchObject({ issue_type: 'incident', type: 'INCIDENT' });
  });

  it('gives the work-item issue a /-/work_items/ web_url and finds issues by numeric project id', async () => {
    const issue = (await get(sb.url, issueUrl(2, '1001'), { bearer: API_TOKEN })).json();
    expect(issue.web_url).toBe('https://gitlab.com/gitlab-com/support/readiness/emergencies/-/work_items/2');
  });

  it('answers GitLab 404 bodies for unknown iid, unknown project and unknown route', async () => {
    expect((await get(sb.url, issueUrl(99), { token: API_TOKEN })).json()).toEqual({ message: '404 Not found' });
    const noProject = await get(sb.url, issueUrl(1, 'nope%2Fnope'), { token: API_TOKEN });
    expect([noProject.status, noProject.json()]).toEqual([404, { message: '404 Project Not Found' }]);
    const noRoute = await get(sb.url, '/api/v4/nothing/here', { token: API_TOKEN });
    expect([noRoute.status, noRoute.json()]).toEqual([404, { error: '404 Not Found' }]);
  });
});

describe('auth', () => {
  it('rejects missing and unknown tokens with 401 Unauthorized', async () => {
    for (const token of [undefined, 'glpat-nope']) {
      const res = await get(sb.url, issueUrl(1), { token });
      expect([res.status, res.json()]).toEqual([401, { message: '401 Unauthorized' }]);
    }
  });

  it('answers the revoked and expired bodies', async () => {
    const revoked = await get(sb.url, '/api/v4/user', { token: REVOKED_TOKEN });
    expect(revoked.status).toBe(401);
    // api/errors/401-invalid-token-revoked.json
    expect(revoked.json()).toEqual({ error: 'invalid_token', error_description: 'Token was revoked. You have to re-authorize from the user.' });
    const expired = await get(sb.url, '/api/v4/user', { token: EXPIRED_TOKEN });
    expect([expired.status, expired.json().error_description]).toEqual([401, expect.stringContaining('expired')]);
  });

  it('lets a read_api token read but not write', async () => {
    expect((await get(sb.url, issueUrl(1), { token: READONLY_TOKEN })).status).toBe(200);
    const res = await call(sb.url, 'PUT', issueUrl(1), { token: READONLY_TOKEN, body: { add_labels: 'retro' } });
    expect(res.status).toBe(403);
    expect(res.json()).toEqual({
      error: 'insufficient_scope',
      error_description: 'The request requires higher privileges than provided by the access token.',
      scope: 'api',
    });
    expect(sb.state.issues.find((i) => i.iid === 1)?.labels).toEqual(['customer-emergency']);
  });

  it('describes tokens at /personal_access_tokens/self and the owner at /user', async () => {
    const expiring = (await get(sb.url, '/api/v4/personal_access_tokens/self', { token: EXPIRING_TOKEN })).json();
    expect(Object.keys(expiring).sort()).toEqual(['active', 'created_at', 'description', 'expires_at', 'id', 'last_used_at', 'name', 'revoked', 'scopes', 'user_id']);
    expect(expiring).toMatchObject({ scopes: ['api'], user_id: 102, active: true, revoked: false, expires_at: ymd(new Date(Date.now() + 3 * 86_400_000)) });
    const readonly = (await get(sb.url, '/api/v4/personal_access_tokens/self', { token: READONLY_TOKEN })).json();
    expect(readonly.scopes).toEqual(['read_api']);
    const user = (await get(sb.url, '/api/v4/user', { token: API_TOKEN })).json();
    expect(user).toMatchObject({ id: 102, username: 'maria-manager' });
    if (existsSync(SHARED)) expect(Object.keys(user).sort()).toEqual(fixtureKeys('get-current-user.json'));
  });
});

describe('PUT issue', () => {
  it('applies add_labels, due_date and assignee_ids, visible on the next GET', async () => {
    const before = (await get(sb.url, issueUrl(1), { token: API_TOKEN })).json();
    const put = await call(sb.url, 'PUT', issueUrl(1), { token: API_TOKEN, body: { add_labels: 'retro,retro-actions', due_date: '2030-01-31', assignee_ids: [101, 102] } });
    expect(put.status).toBe(200);
    const after = (await get(sb.url, issueUrl(1), { token: API_TOKEN })).json();
    expect(after.labels).toEqual(['customer-emergency', 'retro', 'retro-actions']);
    expect(after.due_date).toBe('2030-01-31');
    expect(after.assignees.map((a: { id: number }) => a.id)).toEqual([101, 102]);
    expect(after.updated_at > before.updated_at).toBe(true);
    expect(put.json()).toEqual(after);
  });

  it('accepts query-string params and clears due date, labels and assignees', async () => {
    const res = await call(sb.url, 'PUT', `${issueUrl(5)}?remove_labels=retro-actions&due_date=&assignee_ids[]=0`, { token: API_TOKEN });
    expect(res.json()).toMatchObject({ labels: ['retro'], due_date: null, assignees: [], assignee: null });
    const replaced = await call(sb.url, 'PUT', issueUrl(5), { token: API_TOKEN, body: { labels: '', assignee_ids: [], due_date: null } });
    expect(replaced.json()).toMatchObject({ labels: [], assignees: [] });
  });

  it('rejects a malformed due date with a validation body', async () => {
    const res = await call(sb.url, 'PUT', issueUrl(1), { token: API_TOKEN, body: { due_date: '31/01/2030' } });
    expect([res.status, res.json()]).toEqual([400, { message: { due_date: ['is invalid'] } }]);
    expect((await call(sb.url, 'PUT', issueUrl(1), { token: API_TOKEN, body: { due_date: '2030-02-30' } })).status).toBe(400);
  });

  it('keeps only the first assignee on a GitLab Free project', async () => {
    const res = await call(sb.url, 'PUT', issueUrl(7, encodeURIComponent('gitlab-org/gitlab')), { token: API_TOKEN, body: { assignee_ids: [103, 101] } });
    expect(res.json().assignees.map((a: { id: number }) => a.id)).toEqual([103]);
  });

  it('updates title and description, and needs at least one parameter', async () => {
    const res = await call(sb.url, 'PUT', issueUrl(4), { token: API_TOKEN, body: { title: 'New title', description: 'Body' } });
    expect(res.json()).toMatchObject({ title: 'New title', description: 'Body' });
    expect((await call(sb.url, 'PUT', issueUrl(4), { token: API_TOKEN, body: {} })).status).toBe(400);
  });
});

describe('users', () => {
  it('looks up a username case-insensitively, as an array of 0 or 1', async () => {
    const one = await get(sb.url, '/api/v4/users?username=Lee-Lead', { token: API_TOKEN });
    expect(one.json()).toEqual([expect.objectContaining({ id: 103, username: 'lee-lead', name: 'Lee Lead' })]);
    expect(Object.keys(one.json()[0]).sort()).toEqual(['avatar_url', 'id', 'locked', 'name', 'state', 'username', 'web_url']);
    expect((await get(sb.url, '/api/v4/users?username=ghost', { token: API_TOKEN })).json()).toEqual([]);
  });

  it('searches username and name, with pagination headers', async () => {
    const res = await get(sb.url, '/api/v4/users?search=LEADER&per_page=1', { token: API_TOKEN });
    expect(res.json().map((u: { username: string }) => u.username)).toEqual(['lina-leader']);
    expect(res.headers).toMatchObject({ 'x-page': '1', 'x-per-page': '1', 'x-total': '1', 'x-total-pages': '1', 'x-next-page': '' });
    const all = await get(sb.url, '/api/v4/users?per_page=3', { token: API_TOKEN });
    expect(all.headers).toMatchObject({ 'x-total': '4', 'x-total-pages': '2', 'x-next-page': '2' });
    expect(all.headers.link).toContain('<https://gitlab.com/api/v4/users?per_page=3&page=2>; rel="next"');
  });

  it('gets a user by id', async () => {
    expect((await get(sb.url, '/api/v4/users/101', { token: API_TOKEN })).json()).toMatchObject({ id: 101, name: 'Sam Support' });
    expect((await get(sb.url, '/api/v4/users/999', { token: API_TOKEN })).status).toBe(404);
  });
});

it('serves the project by path', async () => {
  const project = (await get(sb.url, `/api/v4/projects/${encodeURIComponent('gitlab-org/gitlab')}`, { token: API_TOKEN })).json();
  expect(project).toMatchObject({ id: 2002, path_with_namespace: 'gitlab-org/gitlab', web_url: 'https://gitlab.com/gitlab-org/gitlab', name: 'GitLab' });
});
