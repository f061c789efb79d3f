/**
 * Listing and editing issue notes, the way lib/api/notes.rb answers (see /work/shared/gitlab/api/README.md):
 * newest first by default, 100 per page at most, only the author may edit a note. Creating notes and
 * label events live in api-retros.ts and label-events.ts.
 */
import { userBasic } from './entities.ts';
import { json, paginate, requestParams, searchParams } from './http.ts';
import { findUser } from './lookup.ts';
import type { Reply, SandboxIssue, SandboxNote, SandboxState, SandboxToken, Incoming } from './types.ts';


export function noteJson(state: SandboxState, issue: SandboxIssue, n: SandboxNote) {
  const author = findUser(state, n.authorId);
  return {
    id: n.id,
    type: null,
    body: n.body,
    attachment: null,
    author: author ? userBasic(author) : null,
    created_at: n.createdAt,
    updated_at: n.updatedAt ?? n.createdAt,
    system: n.system ?? false,
    noteable_id: issue.id,
    noteable_type: 'Issue',
    project_id: issue.projectId,
    resolvable: false,
    confidential: n.internal ?? false,
    internal: n.internal ?? false,
    imported: false,
    imported_from: 'none',
    noteable_iid: issue.iid,
    commands_changes: {},
  };
}

export function listNotes(state: SandboxState, issue: SandboxIssue, req: Incoming): Reply {
  const q = searchParams(req.url.searchParams);
  const time = (n: SandboxNote) => (q.order_by === 'updated_at' ? (n.updatedAt ?? n.createdAt) : n.createdAt);
  const direction = q.sort === 'asc' ? 1 : -1;
  const notes = state.notes
    .filter((n) => n.issueId === issue.id)
    .sort((a, b) => direction * (time(a).localeCompare(time(b)) || a.id - b.id));
  const { page, headers } = paginate(notes.map((n) => noteJson(state, issue, n)), req.url);
  return json(200, page, headers);
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
