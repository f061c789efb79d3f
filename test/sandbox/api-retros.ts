/** REST routes the popup, badge, menu and review page use: instance-wide issue list, label events, notes. */
import { issueJson, userBasic } from './entities.ts';
import { json, paginate, requestParams, searchParams } from './http.ts';
import { instanceIssues } from './issue-filters.ts';
import { labelEventsOf, labelId } from './label-events.ts';
import { findIssue, findProject, findUser, projectOf } from './lookup.ts';
import type { Incoming, Reply, SandboxIssue, SandboxNote, SandboxState, SandboxToken } from './types.ts';

interface Ctx {
  state: SandboxState;
  req: Incoming;
  token: SandboxToken;
  match: string[];
}

type Found = { issue: SandboxIssue } | { reply: Reply };

function issueOf(ctx: Ctx): Found {
  const project = findProject(ctx.state, decodeURIComponent(ctx.match[1] ?? ''));
  if (!project) return { reply: json(404, { message: '404 Project Not Found' }) };
  const issue = findIssue(ctx.state, project, Number(ctx.match[2]));
  return issue ? { issue } : { reply: json(404, { message: '404 Not found' }) };
}

const user = (state: SandboxState, id: number) => {
  const found = findUser(state, id);
  return found ? userBasic(found) : null;
};

function noteJson(state: SandboxState, issue: SandboxIssue, note: SandboxNote) {
  return {
    id: note.id, type: null, body: note.body, attachment: null, author: user(state, note.authorId),
    created_at: note.createdAt, updated_at: note.createdAt, system: false, noteable_id: issue.id, noteable_type: 'Issue',
    project_id: issue.projectId, resolvable: false, confidential: note.internal ?? false, internal: note.internal ?? false, imported: false,
    imported_from: 'none', noteable_iid: issue.iid, commands_changes: {},
  };
}

function createNote(ctx: Ctx): Reply {
  const found = issueOf(ctx);
  if ('reply' in found) return found.reply;
  const params = requestParams(ctx.req);
  if ('invalidJson' in params) return json(400, { error: 'The request body is not valid JSON' });
  if (params.body === undefined) return json(400, { error: 'body is missing' });
  const body = String(params.body);
  if (!body.trim()) return json(400, { message: '400 Bad request - Note {:note=>["can\'t be blank"]}' });
  const now = new Date().toISOString();
  const internal = params.internal === true || params.internal === 'true';
  const note = { id: Math.max(3000, ...ctx.state.notes.map((n) => n.id)) + 1, issueId: found.issue.id, authorId: ctx.token.userId, body, createdAt: now, internal };
  ctx.state.notes.push(note);
  Object.assign(found.issue, { userNotesCount: found.issue.userNotesCount + 1, updatedAt: now });
  return json(201, noteJson(ctx.state, found.issue, note));
}

export const RETRO_ROUTES = [
  { method: 'GET', pattern: /^\/issues$/, run: (ctx: Ctx): Reply => {
    const issues = instanceIssues(ctx.state, searchParams(ctx.req.url.searchParams), ctx.token.userId);
    if (typeof issues === 'string') return json(400, { error: issues });
    const { page, headers } = paginate(issues.map((i) => issueJson(ctx.state, projectOf(ctx.state, i), i)), ctx.req.url);
    return json(200, page, headers);
  } },
  { method: 'GET', pattern: /^\/projects\/([^/]+)\/issues\/(\d+)\/resource_label_events$/, run: (ctx: Ctx): Reply => {
    const found = issueOf(ctx);
    if ('reply' in found) return found.reply;
    const events = labelEventsOf(ctx.state, found.issue).map((e) => ({
      id: e.id, user: user(ctx.state, e.userId), created_at: e.createdAt, resource_type: 'Issue', resource_id: e.issueId,
      label: { id: labelId(e.label), name: e.label, color: '#34495E', description: '' }, action: e.action,
    }));
    const { page, headers } = paginate(events, ctx.req.url);
    return json(200, page, headers);
  } },
  { method: 'POST', pattern: /^\/projects\/([^/]+)\/issues\/(\d+)\/notes$/, write: true, run: createNote },
];
