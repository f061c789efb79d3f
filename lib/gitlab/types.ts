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
  description?: string | null;
  state: string;
  labels: string[];
  assignees: GitLabUser[];
  due_date: string | null;
  web_url: string;
  issue_type?: string;
  updated_at?: string;
  created_at?: string;
  references?: { short?: string; full?: string };
}

export interface GitLabTokenInfo {
  name: string;
  scopes: string[];
  expires_at: string | null;
  active: boolean;
  revoked: boolean;
}

/** `GET /projects/:id/issues/:iid/resource_label_events`: label changes are kept here, not in notes. */
export interface GitLabLabelEvent {
  id: number;
  created_at: string;
  action: 'add' | 'remove';
  label: { id: number; name: string } | null;
  user?: GitLabUser | null;
}

/**
 * Entities::Note (api/list-issue-notes.json). `POST …/notes` answers the whole note; code that
 * only creates notes reads `id` and `body`, the timeline import and publisher read the rest.
 */
export interface GitLabNote {
  id: number;
  body: string;
  system?: boolean;
  created_at?: string;
  updated_at?: string;
  internal?: boolean;
  author?: GitLabUser | null;
}

/** One page of a list endpoint, with GitLab's `x-next-page` (null on the last page). */
export interface GitLabPage<T> {
  items: T[];
  nextPage: number | null;
  total: number | null;
}
