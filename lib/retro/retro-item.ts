/** One retro issue as the popup, badge and review page see it: plain JSON, GitLab values as text. */
export interface RetroItem {
  /** `group/project#iid`, unique across projects. */
  key: string;
  projectPath: string;
  iid: number;
  title: string;
  /** Only ever a URL on the configured GitLab instance (checked where it is built). */
  webUrl: string;
  labels: string[];
  /** `YYYY-MM-DD`, a calendar date. */
  dueDate: string | null;
  /** ISO instants, as GitLab sends them. */
  createdAt: string;
  updatedAt: string;
  assignees: string[];
  /** When `retro-actions` was last added (resource label events), when known. */
  retroActionsAppliedAt: string | null;
}
