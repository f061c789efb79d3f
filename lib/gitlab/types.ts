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
}

export interface GitLabTokenInfo {
  name: string;
  scopes: string[];
  expires_at: string | null;
  active: boolean;
  revoked: boolean;
}

export interface GitLabNote {
  id: number;
  body: string;
  system: boolean;
  created_at: string;
  author: GitLabUser;
}
