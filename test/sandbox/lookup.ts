/** Finding things in the live state, the way GitLab resolves ids, paths and usernames. */
import type { SandboxIssue, SandboxProject, SandboxState, SandboxUser } from './types.ts';

/** `:id` in the API is a numeric id or a full path; paths match case-insensitively. */
export function findProject(state: SandboxState, idOrPath: string): SandboxProject | undefined {
  if (/^\d+$/.test(idOrPath)) return state.projects.find((p) => p.id === Number(idOrPath));
  const wanted = idOrPath.toLowerCase();
  return state.projects.find((p) => p.path.toLowerCase() === wanted);
}

export const findIssue = (state: SandboxState, project: SandboxProject, iid: number): SandboxIssue | undefined =>
  state.issues.find((i) => i.projectId === project.id && i.iid === iid);

export const projectIssues = (state: SandboxState, project: SandboxProject): SandboxIssue[] =>
  state.issues.filter((i) => i.projectId === project.id).sort((a, b) => a.iid - b.iid);

export const findUser = (state: SandboxState, id: number): SandboxUser | undefined =>
  state.users.find((u) => u.id === id);

export const findUsername = (state: SandboxState, username: string): SandboxUser | undefined =>
  state.users.find((u) => u.username.toLowerCase() === username.toLowerCase());

export const projectOf = (state: SandboxState, issue: SandboxIssue): SandboxProject => {
  const project = state.projects.find((p) => p.id === issue.projectId);
  if (!project) throw new Error(`sandbox seed: issue ${issue.id} has no project`);
  return project;
};

/** Path GitLab links to: work items live under `/-/work_items/`, the rest under `/-/issues/`. */
export const issuePath = (project: SandboxProject, issue: SandboxIssue): string =>
  `/${project.path}/-/${issue.layout === 'work_item' ? 'work_items' : 'issues'}/${issue.iid}`;

/** The namespace part of a project path (`group/sub` of `group/sub/project`). */
export const namespacePath = (project: SandboxProject): string => project.path.split('/').slice(0, -1).join('/');

export const avatarUrl = (user: SandboxUser): string =>
  `https://gitlab.com/uploads/-/system/user/avatar/${user.id}/avatar.png`;
