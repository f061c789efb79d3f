/**
 * `PUT /projects/:id/issues/:iid`: the parameters the retro flow sends, validated and applied the way
 * GitLab does (labels add/remove/replace, due date, assignees, title, description, state_event).
 */
import { json, type Params } from './http.ts';
import type { Reply, SandboxIssue, SandboxProject, SandboxState } from './types.ts';
import { recordLabelChanges } from './label-events.ts';

const UPDATABLE = ['add_labels', 'remove_labels', 'labels', 'due_date', 'assignee_ids', 'assignee_id', 'title', 'description', 'state_event'];

/** Grape's comma-separated list type: a string `a,b` or an array of strings. */
function list(value: unknown): string[] {
  const parts = Array.isArray(value) ? value.map(String) : value === null || value === undefined ? [] : String(value).split(',');
  return parts.map((s) => s.trim()).filter((s) => s !== '');
}

function validDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** Applies `params` to `issue` in place. Returns an error reply, or null when the update was valid. */
export function updateIssue(state: SandboxState, project: SandboxProject, issue: SandboxIssue, params: Params, actorId: number): Reply | null {
  if (!UPDATABLE.some((k) => k in params)) {
    return json(400, { error: `${UPDATABLE.join(', ')} are missing, at least one parameter must be provided` });
  }
  const next = { ...issue, labels: [...issue.labels], assigneeIds: [...issue.assigneeIds] };

  if ('labels' in params) next.labels = list(params.labels);
  if ('add_labels' in params) next.labels.push(...list(params.add_labels));
  if ('remove_labels' in params) {
    const gone = new Set(list(params.remove_labels).map((l) => l.toLowerCase()));
    next.labels = next.labels.filter((l) => !gone.has(l.toLowerCase()));
  }
  // Labels are unique per issue; GitLab's IssueBasic entity sorts titles (`labels.map(&:title).sort`).
  next.labels = [...new Set(next.labels)].sort();

  if ('due_date' in params) {
    const raw = params.due_date;
    if (raw === null || raw === '') next.dueDate = null;
    else if (typeof raw === 'string' && validDate(raw)) next.dueDate = raw;
    else return json(400, { message: { due_date: ['is invalid'] } });
  }

  const rawAssignees = 'assignee_ids' in params ? params.assignee_ids : 'assignee_id' in params ? [params.assignee_id] : undefined;
  if (rawAssignees !== undefined) {
    const ids = (Array.isArray(rawAssignees) ? rawAssignees : list(rawAssignees)).map((v) => (v === null || v === '' ? 0 : Number(v)));
    if (ids.some((id) => !Number.isInteger(id))) return json(400, { error: 'assignee_ids is invalid' });
    // `[]` or `[0]` unassigns; unknown users are dropped silently, like GitLab.
    const known = [...new Set(ids)].filter((id) => state.users.some((u) => u.id === id));
    next.assigneeIds = project.freeTier ? known.slice(0, 1) : known;
  }

  if ('title' in params) {
    const title = String(params.title ?? '').trim();
    if (!title) return json(400, { message: { title: ["can't be blank"] } });
    next.title = title;
  }
  if ('description' in params) next.description = String(params.description ?? '');
  if (params.state_event === 'close' && next.state === 'opened') Object.assign(next, { state: 'closed', closedAt: new Date().toISOString(), closedById: actorId });
  if (params.state_event === 'reopen' && next.state === 'closed') Object.assign(next, { state: 'opened', closedAt: null, closedById: null });

  if (JSON.stringify(next) !== JSON.stringify(issue)) {
    // Strictly later than before, even when two writes land in the same millisecond.
    const now = Math.max(Date.now(), new Date(issue.updatedAt).getTime() + 1);
    next.updatedAt = new Date(now).toISOString();
    recordLabelChanges(state, issue, issue.labels, next.labels, actorId, next.updatedAt);
    Object.assign(issue, next);
  }
  return null;
}
