/** The parts of GitLab's REST v4 entities the product reads (see ../shared/gitlab/api). */
export interface GitLabUser {
  id: number;
  username: string;
  name: string;
  avatar_url?: string | null;
  web_url?: string;
}

export interface GitLabIssue {
  id: number;
  iid: number;
  project_id: number;
  title: string;
  state: string;
  labels: string[];
  assignees: GitLabUser[];
  due_date: string | null;
  web_url: string;
  issue_type?: string;
  updated_at?: string;
}

export interface GitLabTokenInfo {
  name: string;
  scopes: string[];
  expires_at: string | null;
  active: boolean;
  revoked: boolean;
}

/** Entities::Note (api/list-issue-notes.json): what the timeline import and the publisher read. */
export interface GitLabNote {
  id: number;
  body: string;
  system: boolean;
  created_at: string;
  updated_at?: string;
  internal?: boolean;
  author?: GitLabUser | null;
}

/** A resource label event (api/list-issue-resource-label-events.json). */
export interface GitLabLabelEvent {
  id: number;
  created_at: string;
  action: 'add' | 'remove' | string;
  label?: { id?: number; name?: string } | null;
  user?: GitLabUser | null;
}
