import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TOKEN, READONLY_TOKEN } from '../../sandbox/seed';

import { useSandbox } from './use-sandbox';
import { call, get } from './client';

const GITLAB = encodeURIComponent('gitlab-org/gitlab');
const EMERGENCIES = encodeURIComponent('gitlab-com/support/readiness/emergencies');
const linkKeys = Object.keys(JSON.parse(readFileSync('test/fixtures/gitlab-api/create-issue-link.json', 'utf8'))).sort();

const sb = useSandbox();

describe('follow-up routes', () => {
  it('POST issues creates the next iid with labels, and the next read finds it by a word of its description', async () => {
    const res = await call(sb.url, 'POST', `/api/v4/projects/${GITLAB}/issues`, { token: API_TOKEN, body: { title: 'Geo stalls', description: 'marker fxyz123', labels: 'customer-retro,type::bug' } });
    expect(res.status).toBe(201);
    const highest = Math.max(...sb.state.issues.filter((issue) => issue.projectId === 2002 && issue.title !== 'Geo stalls').map((issue) => issue.iid));
    expect(res.json()).toMatchObject({ iid: highest + 1, title: 'Geo stalls', labels: ['customer-retro', 'type::bug'] });
    const found = await get(sb.url, `/api/v4/projects/${GITLAB}/issues?search=fxyz123&in=description`, { token: API_TOKEN });
    expect(found.json().map((issue: { iid: number }) => issue.iid)).toEqual([highest + 1]);
    const byTitle = await get(sb.url, `/api/v4/projects/${GITLAB}/issues?search=fxyz123&in=title`, { token: API_TOKEN });
    expect(byTitle.json()).toEqual([]);
  });

  it('POST issues: a blank title is 400 with GitLab\'s message map; read-only tokens get 403', async () => {
    const blank = await call(sb.url, 'POST', `/api/v4/projects/${GITLAB}/issues`, { token: API_TOKEN, body: { title: ' ' } });
    expect(blank.status).toBe(400);
    expect(blank.json()).toEqual({ message: { title: ["can't be blank"] } });
    const readonly = await call(sb.url, 'POST', `/api/v4/projects/${GITLAB}/issues`, { token: READONLY_TOKEN, body: { title: 'x' } });
    expect(readonly.status).toBe(403);
  });

  it('POST links relates two issues once, shaped like GitLab\'s documented answer', async () => {
    const body = { target_project_id: 'gitlab-org/gitlab', target_issue_iid: 7, link_type: 'relates_to' };
    const first = await call(sb.url, 'POST', `/api/v4/projects/${EMERGENCIES}/issues/1/links`, { token: API_TOKEN, body });
    expect(first.status).toBe(201);
    expect(Object.keys(first.json()).sort()).toEqual(expect.arrayContaining(linkKeys.filter((key) => key !== 'id')));
    const again = await call(sb.url, 'POST', `/api/v4/projects/${EMERGENCIES}/issues/1/links`, { token: API_TOKEN, body });
    expect(again.status).toBe(409);
    expect(sb.state.issueLinks).toHaveLength(1);
  });

  it('GET participants lists the author and assignees', async () => {
    const res = await get(sb.url, `/api/v4/projects/${GITLAB}/issues/7/participants`, { token: API_TOKEN });
    expect(res.json().map((user: { username: string }) => user.username).sort()).toEqual(['lee-lead', 'sam-support']);
  });
});
