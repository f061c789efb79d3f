/**
 * Issue notes and label events, the way lib/api/notes.rb and resource_label_events answer
 * (see /work/shared/gitlab/api/README.md): newest first by default, 100 per page at most,
 * only the author may edit a note.
 */
import { userBasic } from './entities.ts';
import { json, paginate, requestParams, searchParams } from './http.ts';
import { findUser } from './lookup.ts';
import type { Reply, SandboxIssue, SandboxNote, SandboxState, SandboxToken, Incoming } from './types.ts';

const NOTE_MAX = 1_000_000;

export function noteJson(state: SandboxState, issue: SandboxIssue, n: SandboxNote) {
  const author = findUser(state, n.authorId);
  return {
    id: n.id,
    type: null,
    body: n.body,
    attachment: null,
    author: author ? userBasic(author) : null,
    created_at: n.createdAt,
    updated_at: n.updatedAt,
    system: n.system,
    noteable_id: issue.id,
    noteable_type: 'Issue',
    project_id: issue.projectId,
    resolvable: false,
    confidential: n.internal,
    internal: n.internal,
    imported: false,
    imported_from: 'none',
    noteable_iid: issue.iid,
    commands_changes: {},
  };
}

export function listNotes(state: SandboxState, issue: SandboxIssue, req: Incoming): Reply {
  const q = searchParams(req.url.searchParams);
  const field = q.order_by === 'updated_at' ? 'updatedAt' : 'createdAt';
  const direction = q.sort === 'asc' ? 1 : -1;
  const notes = state.notes
    .filter((n) => n.issueId === issue.id)
    .sort((a, b) => direction * (a[field].localeCompare(b[field]) || a.id - b.id));
  const { page, headers } = paginate(notes.map((n) => noteJson(state, issue, n)), req.url);
  return json(200, page, headers);
}

export function createNote(state: SandboxState, issue: SandboxIssue, req: Incoming, token: SandboxToken): Reply {
  const params = requestParams(req);
  if ('invalidJson' in params) return json(400, { error: 'The request body is not valid JSON' });
  const body = typeof params.body === 'string' ? params.body : '';
  if (!body.trim()) return json(400, { error: 'body is missing' });
  if (body.length > NOTE_MAX) return json(400, { message: { note: [`is too long (maximum is ${NOTE_MAX} characters)`] } });
  const now = new Date().toISOString();
  const internal = params.internal === true || params.internal === 'true';
  const note: SandboxNote = { id: Math.max(600, ...state.notes.map((n) => n.id)) + 1, issueId: issue.id, body, authorId: token.userId, system: false, internal, createdAt: now, updatedAt: now };
  state.notes.push(note);
  issue.userNotesCount += 1;
  return json(201, noteJson(state, issue, note));
}

export function editNote(state: SandboxState, issue: SandboxIssue, noteId: number, req: Incoming, token: SandboxToken): Reply {
  const note = state.notes.find((n) => n.id === noteId && n.issueId === issue.id);
  if (!note) return json(404, { message: '404 Not found' });
  if (note.authorId !== token.userId || note.system) return json(403, { message: '403 Forbidden' });
  const params = requestParams(req);
  if ('invalidJson' in params) return json(400, { error: 'The request body is not valid JSON' });
  if (typeof params.body !== 'string' || !params.body.trim()) return json(400, { error: 'body is missing' });
  note.body = params.body;
  note.updatedAt = new Date().toISOString();
  return json(200, noteJson(state, issue, note));
}

export function listLabelEvents(state: SandboxState, issue: SandboxIssue, req: Incoming): Reply {
  const events = state.labelEvents
    .filter((e) => e.issueId === issue.id)
    .sort((a, b) => a.id - b.id)
    .map((e) => {
      const user = findUser(state, e.userId);
      return {
        id: e.id,
        user: user ? userBasic(user) : null,
        created_at: e.createdAt,
        resource_type: 'Issue',
        resource_id: issue.id,
        label: { id: 70 + e.label.length, name: e.label, color: '#34495E', description: '' },
        action: e.action,
      };
    });
  const { page, headers } = paginate(events, req.url);
  return json(200, page, headers);
}
