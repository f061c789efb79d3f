/**
 * REST v4 bodies, keyed and ordered like GitLab's documented examples in /work/shared/gitlab/api
 * (get-project-issue.json, get-current-user.json, get-user-by-id.json, get-single-project.json).
 */
import { avatarUrl, findUser, issuePath, namespacePath } from './lookup.ts';
import { ORIGIN } from './http.ts';
import type { SandboxIssue, SandboxProject, SandboxState, SandboxToken, SandboxUser } from './types.ts';

/** UserBasic: what issues, notes and `/users` lists embed. */
export const userBasic = (u: SandboxUser) => ({
  id: u.id,
  username: u.username,
  name: u.name,
  state: 'active',
  locked: false,
  avatar_url: avatarUrl(u),
  web_url: `${ORIGIN}/${u.username}`,
});

const profile = (u: SandboxUser) => ({
  ...userBasic(u),
  created_at: u.createdAt,
  bio: '',
  bot: false,
  location: null,
  public_email: u.email,
  linkedin: '',
  twitter: '',
  discord: '',
  github: '',
  website_url: '',
  organization: 'GitLab',
  job_title: u.jobTitle,
  pronouns: null,
  work_information: null,
  followers: 0,
  following: 0,
  local_time: '9:00 AM',
});

export const userJson = (u: SandboxUser) => ({ ...profile(u), is_followed: false });

export const currentUserJson = (u: SandboxUser) => ({
  ...profile(u),
  email: u.email,
  last_sign_in_at: u.createdAt,
  confirmed_at: u.createdAt,
  theme_id: 1,
  last_activity_on: new Date().toISOString().slice(0, 10),
  color_scheme_id: 1,
  projects_limit: 100000,
  current_sign_in_at: u.createdAt,
  identities: [],
  can_create_group: true,
  can_create_project: true,
  two_factor_enabled: true,
  external: false,
  private_profile: false,
  commit_email: u.email,
});

export function issueJson(state: SandboxState, project: SandboxProject, issue: SandboxIssue) {
  const users = (ids: number[]) => ids.map((id) => findUser(state, id)).filter((u) => u !== undefined).map(userBasic);
  const assignees = users(issue.assigneeIds);
  const api = `${ORIGIN}/api/v4/projects/${project.id}`;
  return {
    project_id: project.id,
    milestone: null,
    author: users([issue.authorId])[0] ?? null,
    description: issue.description,
    state: issue.state,
    iid: issue.iid,
    assignees,
    assignee: assignees[0] ?? null,
    type: issue.issueType.toUpperCase(),
    labels: [...issue.labels].sort(),
    upvotes: 0,
    downvotes: 0,
    merge_requests_count: 0,
    id: issue.id,
    title: issue.title,
    updated_at: issue.updatedAt,
    created_at: issue.createdAt,
    closed_at: issue.closedAt,
    closed_by: issue.closedById === null ? null : (users([issue.closedById])[0] ?? null),
    subscribed: true,
    user_notes_count: issue.userNotesCount,
    due_date: issue.dueDate,
    imported: false,
    imported_from: 'none',
    web_url: `${ORIGIN}${issuePath(project, issue)}`,
    references: { short: `#${issue.iid}`, relative: `#${issue.iid}`, full: `${project.path}#${issue.iid}` },
    time_stats: { time_estimate: 0, total_time_spent: 0, human_time_estimate: null, human_total_time_spent: null },
    confidential: false,
    discussion_locked: false,
    issue_type: issue.issueType,
    severity: issue.severity,
    _links: {
      self: `${api}/issues/${issue.iid}`,
      notes: `${api}/issues/${issue.iid}/notes`,
      award_emoji: `${api}/issues/${issue.iid}/award_emoji`,
      project: api,
      closed_as_duplicate_of: null,
    },
    task_completion_status: { count: 0, completed_count: 0 },
  };
}

/** get-single-project.json, trimmed to the fields a client plausibly reads. */
export function projectJson(state: SandboxState, p: SandboxProject) {
  const ns = namespacePath(p);
  return {
    id: p.id,
    description: p.description,
    name: p.name,
    name_with_namespace: `${p.namespaceName} / ${p.name}`,
    path: p.path.split('/').pop(),
    path_with_namespace: p.path,
    created_at: '2016-01-04T15:31:46.176Z',
    default_branch: 'main',
    visibility: 'private',
    web_url: `${ORIGIN}/${p.path}`,
    readme_url: `${ORIGIN}/${p.path}/-/blob/main/README.md`,
    namespace: { id: p.namespaceId, name: p.namespaceName, path: ns.split('/').pop(), kind: 'group', full_path: ns, avatar_url: null, web_url: `${ORIGIN}/groups/${ns}` },
    issues_enabled: true,
    open_issues_count: state.issues.filter((i) => i.projectId === p.id && i.state === 'opened').length,
    archived: false,
    permissions: { project_access: { access_level: 30, notification_level: 3 }, group_access: null },
    _links: {
      self: `${ORIGIN}/api/v4/projects/${p.id}`,
      issues: `${ORIGIN}/api/v4/projects/${p.id}/issues`,
      labels: `${ORIGIN}/api/v4/projects/${p.id}/labels`,
      members: `${ORIGIN}/api/v4/projects/${p.id}/members`,
    },
  };
}

/** `GET /personal_access_tokens/self`. */
export const tokenJson = (t: SandboxToken, today: string) => ({
  id: t.id,
  name: t.name,
  revoked: t.revoked,
  created_at: t.createdAt,
  description: t.description,
  scopes: [...t.scopes],
  user_id: t.userId,
  last_used_at: t.lastUsedAt,
  active: !t.revoked && (t.expiresAt === null || t.expiresAt >= today),
  expires_at: t.expiresAt,
});
