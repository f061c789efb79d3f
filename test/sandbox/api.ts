/** REST v4 routes the product uses, with GitLab's auth, scope and error behaviour. */
import { currentUserJson, issueJson, projectJson, tokenJson, userBasic, userJson } from './entities.ts';
import { json, paginate, requestParams, searchParams } from './http.ts';
import { updateIssue } from './issue-update.ts';
import { RETRO_ROUTES } from './api-retros.ts';
import { matchesExtraFilters } from './issue-filters.ts';
import { findIssue, findProject, findUser, projectIssues } from './lookup.ts';
import { ymd } from './seed.ts';
import { FOLLOW_UP_ROUTES } from './api-follow-ups.ts';
import type { Incoming, Reply, SandboxState, SandboxToken } from './types.ts';
import { editNote, listNotes } from './notes-api.ts';
import { handleGraphql } from './graphql.ts';

export interface Ctx {
  state: SandboxState;
  req: Incoming;
  token: SandboxToken;
  match: string[];
}

export interface Route {
  method: string;
  pattern: RegExp;
  write?: boolean;
  run: (ctx: Ctx) => Reply;
}

const UNAUTHORIZED = { message: '401 Unauthorized' };
const REVOKED = { error: 'invalid_token', error_description: 'Token was revoked. You have to re-authorize from the user.' };
const EXPIRED = { error: 'invalid_token', error_description: 'Token is expired. You can either do re-authorization or token refresh.' };
const INSUFFICIENT = {
  error: 'insufficient_scope',
  error_description: 'The request requires higher privileges than provided by the access token.',
  scope: 'api',
};
// GitLab's Rack::Cors allows any origin on /api/* without credentials and exposes the paging headers.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'link, x-total, x-total-pages, x-per-page, x-page, x-next-page, x-prev-page',
};

const bearerChallenge = (body: { error: string; error_description: string }): Record<string, string> => ({
  'www-authenticate': `Bearer realm="Protected by OAuth 2.0", error="${body.error}", error_description="${body.error_description}"`,
});

/** `:id` segments arrive URL-encoded (`group%2Fproject`). */
const projectOr404 = (ctx: Ctx) => findProject(ctx.state, decodeURIComponent(ctx.match[1] ?? ''));
const PROJECT_404 = json(404, { message: '404 Project Not Found' });
const NOT_FOUND = json(404, { message: '404 Not found' });

function issueRoute(ctx: Ctx, write: boolean): Reply {
  const project = projectOr404(ctx);
  if (!project) return PROJECT_404;
  const issue = findIssue(ctx.state, project, Number(ctx.match[2]));
  if (!issue) return NOT_FOUND;
  if (write) {
    const params = requestParams(ctx.req);
    if ('invalidJson' in params) return json(400, { error: 'The request body is not valid JSON' });
    const error = updateIssue(ctx.state, project, issue, params, ctx.token.userId);
    if (error) return error;
  }
  return json(200, issueJson(ctx.state, project, issue));
}

/** The issue a nested route (`…/issues/:iid/notes`) is about, or GitLab's 404. */
function withIssue(ctx: Ctx, run: (issue: NonNullable<ReturnType<typeof findIssue>>) => Reply): Reply {
  const project = projectOr404(ctx);
  if (!project) return PROJECT_404;
  const issue = findIssue(ctx.state, project, Number(ctx.match[2]));
  return issue ? run(issue) : NOT_FOUND;
}

const ROUTES: Route[] = [
  ...FOLLOW_UP_ROUTES,
  { method: 'GET', pattern: /^\/user$/, run: ({ state, token }) => {
    const user = findUser(state, token.userId);
    return user ? json(200, currentUserJson(user)) : json(401, UNAUTHORIZED);
  } },
  { method: 'GET', pattern: /^\/personal_access_tokens\/self$/, run: ({ token }) => json(200, tokenJson(token, ymd(new Date()))) },
  { method: 'GET', pattern: /^\/users$/, run: ({ state, req }) => {
    const q = searchParams(req.url.searchParams);
    const username = typeof q.username === 'string' ? q.username.toLowerCase() : null;
    const search = typeof q.search === 'string' ? q.search.toLowerCase() : null;
    const users = state.users
      .filter((u) => username === null || u.username.toLowerCase() === username)
      .filter((u) => search === null || u.username.toLowerCase().includes(search) || u.name.toLowerCase().includes(search))
      .sort((a, b) => b.id - a.id); // GitLab's default: order_by=id, sort=desc
    const { page, headers } = paginate(users.map(userBasic), req.url);
    return json(200, page, headers);
  } },
  { method: 'GET', pattern: /^\/users\/(\d+)$/, run: ({ state, match }) => {
    const user = findUser(state, Number(match[1]));
    return user ? json(200, userJson(user)) : json(404, { message: '404 User Not Found' });
  } },
  { method: 'GET', pattern: /^\/projects\/([^/]+)$/, run: (ctx) => {
    const project = projectOr404(ctx);
    return project ? json(200, projectJson(ctx.state, project)) : PROJECT_404;
  } },
  { method: 'GET', pattern: /^\/projects\/([^/]+)\/issues$/, run: (ctx) => {
    const project = projectOr404(ctx);
    if (!project) return PROJECT_404;
    const q = searchParams(ctx.req.url.searchParams);
    const state = typeof q.state === 'string' ? q.state : 'all';
    const labels = typeof q.labels === 'string' ? q.labels.split(',').filter(Boolean) : [];
    const iids = Array.isArray(q.iids) ? q.iids.map(Number) : null;
    const search = typeof q.search === 'string' ? q.search.toLowerCase() : null;
    const within = typeof q.in === 'string' ? q.in.split(',') : ['title', 'description'];
    const issues = projectIssues(ctx.state, project)
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) => labels.every((l) => i.labels.includes(l)))
      .filter((i) => iids === null || iids.includes(i.iid))
      // GitLab's search: every word must appear (substring, any case) in the chosen fields.
      .filter((i) => search === null || search.split(/\s+/).every((word) =>
        (within.includes('title') && i.title.toLowerCase().includes(word)) || (within.includes('description') && i.description.toLowerCase().includes(word))))
      .filter(matchesExtraFilters(q))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const { page, headers } = paginate(issues.map((i) => issueJson(ctx.state, project, i)), ctx.req.url);
    return json(200, page, headers);
  } },
  { method: 'GET', pattern: /^\/projects\/([^/]+)\/issues\/(\d+)$/, run: (ctx) => issueRoute(ctx, false) },
  { method: 'PUT', pattern: /^\/projects\/([^/]+)\/issues\/(\d+)$/, write: true, run: (ctx) => issueRoute(ctx, true) },
  ...RETRO_ROUTES,
  { method: 'GET', pattern: /^\/projects\/([^/]+)\/issues\/(\d+)\/notes$/, run: (ctx) => withIssue(ctx, (issue) => listNotes(ctx.state, issue, ctx.req)) },
  { method: 'PUT', pattern: /^\/projects\/([^/]+)\/issues\/(\d+)\/notes\/(\d+)$/, write: true, run: (ctx) => withIssue(ctx, (issue) => editNote(ctx.state, issue, Number(ctx.match[3]), ctx.req, ctx.token)) },
  { method: 'POST', pattern: /^\/api\/graphql$/, run: (ctx) => handleGraphql(ctx.state, ctx.req, ctx.token) },
];

/** The token from `PRIVATE-TOKEN`, `Authorization: Bearer` or `?private_token=`, or the 401 to answer. */
function authenticate(state: SandboxState, req: Incoming): SandboxToken | Reply {
  const header = req.headers['private-token'];
  const bearer = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
  const secret = (Array.isArray(header) ? header[0] : header) ?? bearer ?? req.url.searchParams.get('private_token');
  const token = state.tokens.find((t) => t.token === secret?.trim());
  if (!token) return json(401, UNAUTHORIZED);
  if (token.revoked) return json(401, REVOKED, bearerChallenge(REVOKED));
  if (token.expiresAt !== null && token.expiresAt < ymd(new Date())) return json(401, EXPIRED, bearerChallenge(EXPIRED));
  return token;
}

function route(state: SandboxState, req: Incoming): Reply {
  if (req.method === 'OPTIONS') {
    return { status: 204, headers: { 'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS', 'access-control-allow-headers': 'private-token, authorization, content-type', 'access-control-max-age': '7200' } };
  }
  const rest = req.url.pathname.replace(/^\/api\/v4/, '');
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  for (const r of ROUTES) {
    const m = r.method === method ? r.pattern.exec(rest) : null;
    if (!m) continue;
    const auth = authenticate(state, req);
    if (!('token' in auth)) return auth;
    if (r.write && !auth.scopes.includes('api')) {
      return json(403, INSUFFICIENT, { 'www-authenticate': `Bearer realm="Protected by OAuth 2.0", error="insufficient_scope", error_description="${INSUFFICIENT.error_description}", scope="api"` });
    }
    auth.lastUsedAt = new Date().toISOString();
    return r.run({ state, req, token: auth, match: [...m] });
  }
  return json(404, { error: '404 Not Found' });
}

export function handleApi(state: SandboxState, req: Incoming): Reply {
  const reply = route(state, req);
  return { ...reply, headers: { ...CORS, ...reply.headers } };
}
