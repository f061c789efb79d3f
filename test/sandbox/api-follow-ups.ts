/** REST routes for follow-ups: create an issue, link issues, list participants. */
import type { Ctx, Route } from './api.ts';
import { issueJson } from './entities.ts';
import { json, requestParams } from './http.ts';
import { findIssue, findProject, findUser, projectIssues } from './lookup.ts';
import { userBasic } from './entities.ts';
import type { SandboxIssue, SandboxProject } from './types.ts';

const PROJECT_404 = json(404, { message: '404 Project Not Found' });
const NOT_FOUND = json(404, { message: '404 Not found' });
const project = (ctx: Ctx, index = 1) => findProject(ctx.state, decodeURIComponent(ctx.match[index] ?? ''));

function newIssue(ctx: Ctx, target: SandboxProject, params: Record<string, unknown>): SandboxIssue {
  const now = new Date().toISOString();
  const iid = Math.max(0, ...projectIssues(ctx.state, target).map((i) => i.iid)) + 1;
  const labels = typeof params.labels === 'string' ? params.labels.split(',').map((l) => l.trim()).filter(Boolean) : [];
  return {
    id: target.id * 10_000 + iid, iid, projectId: target.id, title: String(params.title), description: String(params.description ?? ''),
    state: 'opened', issueType: 'issue', layout: 'classic', labels: [...new Set(labels)], assigneeIds: [], authorId: ctx.token.userId,
    dueDate: null, severity: 'UNKNOWN', createdAt: now, updatedAt: now, closedAt: null, closedById: null, userNotesCount: 0,
  };
}

const linkJson = (ctx: Ctx, source: SandboxIssue, target: SandboxIssue, linkType: string, id: number) => {
  const sourceProject = ctx.state.projects.find((p) => p.id === source.projectId)!;
  const targetProject = ctx.state.projects.find((p) => p.id === target.projectId)!;
  return { id, source_issue: issueJson(ctx.state, sourceProject, source), target_issue: issueJson(ctx.state, targetProject, target), link_type: linkType };
};

export const FOLLOW_UP_ROUTES: Route[] = [
  { method: 'POST', pattern: /^\/projects\/([^/]+)\/issues$/, write: true, run: (ctx) => {
    const target = project(ctx);
    if (!target) return PROJECT_404;
    const params = requestParams(ctx.req);
    if ('invalidJson' in params) return json(400, { error: 'The request body is not valid JSON' });
    if (typeof params.title !== 'string') return json(400, { error: 'title is missing' });
    if (!params.title.trim()) return json(400, { message: { title: ["can't be blank"] } });
    const issue = newIssue(ctx, target, params);
    ctx.state.issues.push(issue);
    return json(201, issueJson(ctx.state, target, issue));
  } },
  { method: 'POST', pattern: /^\/projects\/([^/]+)\/issues\/(\d+)\/links$/, write: true, run: (ctx) => {
    const sourceProject = project(ctx);
    if (!sourceProject) return PROJECT_404;
    const source = findIssue(ctx.state, sourceProject, Number(ctx.match[2]));
    const params = requestParams(ctx.req);
    if (!source || 'invalidJson' in params) return NOT_FOUND;
    const targetProject = findProject(ctx.state, String(params.target_project_id ?? ''));
    const target = targetProject && findIssue(ctx.state, targetProject, Number(params.target_issue_iid));
    if (!target) return NOT_FOUND;
    const same = (a: { projectId: number; iid: number }, b: SandboxIssue) => a.projectId === b.projectId && a.iid === b.iid;
    if (ctx.state.issueLinks.some((l) => (same(l.source, source) && same(l.target, target)) || (same(l.source, target) && same(l.target, source)))) {
      return json(409, { message: 'Issue(s) already assigned' });
    }
    const linkType = typeof params.link_type === 'string' ? params.link_type : 'relates_to';
    const id = ctx.state.issueLinks.length + 1;
    ctx.state.issueLinks.push({ id, source: { projectId: source.projectId, iid: source.iid }, target: { projectId: target.projectId, iid: target.iid }, linkType: linkType as 'relates_to', createdAt: new Date().toISOString() });
    return json(201, linkJson(ctx, source, target, linkType, id));
  } },
  { method: 'GET', pattern: /^\/projects\/([^/]+)\/issues\/(\d+)\/participants$/, run: (ctx) => {
    const p = project(ctx);
    const issue = p && findIssue(ctx.state, p, Number(ctx.match[2]));
    if (!issue) return p ? NOT_FOUND : PROJECT_404;
    const ids = [...new Set([issue.authorId, ...issue.assigneeIds])];
    return json(200, ids.map((id) => findUser(ctx.state, id)).filter((u) => u !== undefined).map(userBasic));
  } },
];
