/**
 * `POST /api/graphql`: only the incident timeline-event query and mutation the product sends
 * (shared/gitlab/api/graphql). GraphQL answers 200 even for errors, with an `errors` array.
 */
import { json } from './http.ts';
import { findUser } from './lookup.ts';
import type { Incoming, Reply, SandboxState, SandboxTimelineEvent, SandboxToken } from './types.ts';

const GITLAB_TAGS = ['Start time', 'Impact detected', 'Response initiated', 'Impact mitigated', 'Cause identified', 'End time'];
const NOTE_MAX = 280;

const fail = (message: string): Reply => json(200, { errors: [{ message }] });

function eventJson(state: SandboxState, e: SandboxTimelineEvent) {
  const author = findUser(state, e.authorId);
  return {
    id: `gid://gitlab/IncidentManagement::TimelineEvent/${e.id}`,
    note: e.note,
    noteHtml: `<p>${e.note.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
    action: 'comment',
    occurredAt: e.occurredAt,
    createdAt: e.createdAt,
    author: author ? { id: `gid://gitlab/User/${author.id}`, name: author.name, username: author.username } : null,
    timelineEventTags: { nodes: e.tags.map((name, i) => ({ id: `gid://gitlab/IncidentManagement::TimelineEventTag/${i + 1}`, name })) },
  };
}

const issueOfGid = (state: SandboxState, gid: unknown) => {
  const id = /^gid:\/\/gitlab\/Issue\/(\d+)$/.exec(String(gid ?? ''))?.[1];
  return id ? state.issues.find((i) => i.id === Number(id)) : undefined;
};

export function handleGraphql(state: SandboxState, req: Incoming, token: SandboxToken): Reply {
  let parsed: { query?: unknown; variables?: Record<string, unknown> };
  try {
    parsed = JSON.parse(req.body) as typeof parsed;
  } catch {
    return json(400, { errors: [{ message: 'Invalid JSON' }] });
  }
  const query = String(parsed.query ?? '');
  const vars = parsed.variables ?? {};
  if (query.includes('timelineEventCreate')) {
    if (!token.scopes.includes('api')) return fail("The resource that you are attempting to access does not exist or you don't have permission to perform this action");
    const input = (vars.input ?? {}) as { incidentId?: unknown; note?: unknown; occurredAt?: unknown; timelineEventTagNames?: unknown };
    const issue = issueOfGid(state, input.incidentId);
    if (!issue) return fail("The resource that you are attempting to access does not exist or you don't have permission to perform this action");
    const note = String(input.note ?? '');
    const tags = Array.isArray(input.timelineEventTagNames) ? input.timelineEventTagNames.map(String) : [];
    const errors: string[] = [];
    if (issue.issueType !== 'incident') errors.push('Timeline events can only be added to incidents');
    if (!note.trim()) errors.push("Timeline text can't be blank");
    if (note.length > NOTE_MAX) errors.push(`Timeline text is too long (maximum is ${NOTE_MAX} characters)`);
    const unknown = tags.filter((t) => !GITLAB_TAGS.includes(t));
    if (unknown.length) errors.push(`Following tags don't exist: ${unknown.join(', ')}`);
    if (Number.isNaN(Date.parse(String(input.occurredAt)))) errors.push('Occurred at is invalid');
    if (errors.length) return json(200, { data: { timelineEventCreate: { timelineEvent: null, errors } } });
    const event: SandboxTimelineEvent = {
      id: 130 + state.timelineEvents.length + 1, issueId: issue.id, authorId: token.userId, note, tags,
      occurredAt: new Date(String(input.occurredAt)).toISOString().replace(/:\d{2}\.\d{3}Z$/, ':00Z'),
      createdAt: new Date().toISOString(),
    };
    state.timelineEvents.push(event);
    return json(200, { data: { timelineEventCreate: { timelineEvent: eventJson(state, event), errors: [] } } });
  }
  if (query.includes('incidentManagementTimelineEvents')) {
    const issue = issueOfGid(state, vars.incidentId);
    const all = issue ? state.timelineEvents.filter((e) => e.issueId === issue.id) : [];
    // A GraphQL connection: at most 100 nodes a page (GitLab's max_page_size), opaque cursors.
    const first = Math.min(Number(vars.first ?? 100) || 100, 100);
    const start = typeof vars.after === 'string' ? Number(Buffer.from(vars.after, 'base64').toString()) + 1 : 0;
    const page = all.slice(start, start + first);
    const end = start + page.length - 1;
    const pageInfo = { hasNextPage: end + 1 < all.length, endCursor: page.length ? Buffer.from(String(end)).toString('base64') : null };
    const nodes = page.map((e) => eventJson(state, e));
    return json(200, { data: { project: { id: 'gid://gitlab/Project/1001', incidentManagementTimelineEvents: { nodes, pageInfo } } } });
  }
  return fail('The sandbox answers only the incident timeline-event query and mutation.');
}
