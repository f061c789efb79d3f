/**
 * List filters GitLab's issue endpoints take (doc/api/issues.md): scope, labels, not[labels],
 * state, assignee, created_after, and order_by=due_date with sort (undated last, as GitLab
 * orders them). `GET /issues` defaults to scope=created_by_me (case C12).
 */
import type { Params } from './http.ts';
import type { SandboxIssue, SandboxState } from './types.ts';

const list = (value: unknown): string[] => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);

/** Filters both list endpoints share beyond what the project route had: not[labels], created_after. */
export function matchesExtraFilters(q: Params): (issue: SandboxIssue) => boolean {
  const without = list(q['not[labels]']);
  const after = typeof q.created_after === 'string' ? Date.parse(q.created_after) : Number.NaN;
  return (issue) =>
    !(without.length && without.every((l) => issue.labels.includes(l))) &&
    (Number.isNaN(after) || Date.parse(issue.createdAt) >= after);
}

/** `GET /issues` for the token's user, or an error message for a 400. */
export function instanceIssues(state: SandboxState, q: Params, userId: number): SandboxIssue[] | string {
  const scope = typeof q.scope === 'string' ? q.scope : 'created_by_me';
  if (!['created_by_me', 'assigned_to_me', 'all'].includes(scope)) return 'scope does not have a valid value';
  const issueState = typeof q.state === 'string' ? q.state : 'all';
  const labels = list(q.labels);
  const assigneeId = q.assignee_id === undefined ? null : Number(q.assignee_id);
  const assigneeName = typeof q.assignee_username === 'string' ? q.assignee_username.toLowerCase() : null;
  const assigneeByName = assigneeName === null ? null : state.users.find((u) => u.username.toLowerCase() === assigneeName)?.id ?? -1;
  return state.issues
    .filter((i) => scope !== 'created_by_me' || i.authorId === userId)
    .filter((i) => scope !== 'assigned_to_me' || i.assigneeIds.includes(userId))
    .filter((i) => issueState === 'all' || i.state === issueState)
    .filter((i) => labels.every((l) => i.labels.includes(l)))
    .filter((i) => assigneeId === null || i.assigneeIds.includes(assigneeId))
    .filter((i) => assigneeByName === null || i.assigneeIds.includes(assigneeByName))
    .filter(matchesExtraFilters(q))
    .sort(issueOrder(q));
}

/** Newest first, or by due date (undated last either way), as `order_by` and `sort` ask. */
export function issueOrder(q: Params): (a: SandboxIssue, b: SandboxIssue) => number {
  const newest = (a: SandboxIssue, b: SandboxIssue) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id;
  if (q.order_by !== 'due_date') return newest;
  const direction = q.sort === 'desc' ? -1 : 1;
  return (a, b) => (a.dueDate === null ? 1 : 0) - (b.dueDate === null ? 1 : 0) || direction * (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || newest(a, b);
}
