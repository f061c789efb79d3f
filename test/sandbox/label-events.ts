/** Resource label events: what GitLab records when an issue's labels change. */
import type { SandboxIssue, SandboxLabelEvent, SandboxState } from './types.ts';

/** GitLab's label ids are per project; a stable number per name is enough here. */
export const labelId = (name: string): number => [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 100_000, 7);

const nextId = (state: SandboxState) => Math.max(1000, ...state.labelEvents.map((e) => e.id)) + 1;

/** Records the difference between two label lists, as GitLab does on every issue update. */
export function recordLabelChanges(state: SandboxState, issue: SandboxIssue, before: string[], after: string[], userId: number, at: string): void {
  const lower = (list: string[]) => new Set(list.map((l) => l.toLowerCase()));
  const [was, is] = [lower(before), lower(after)];
  for (const label of after.filter((l) => !was.has(l.toLowerCase()))) {
    state.labelEvents.push({ id: nextId(state), issueId: issue.id, userId, label, action: 'add', createdAt: at });
  }
  for (const label of before.filter((l) => !is.has(l.toLowerCase()))) {
    state.labelEvents.push({ id: nextId(state), issueId: issue.id, userId, label, action: 'remove', createdAt: at });
  }
}

export const labelEventsOf = (state: SandboxState, issue: SandboxIssue): SandboxLabelEvent[] =>
  state.labelEvents.filter((e) => e.issueId === issue.id).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
