/** Which GitLab issue a page or a message is about. Built from the URL alone (see issue-url.ts). */
export type IssueView = 'issues' | 'work_items' | 'incident';

export interface IssueRef {
  /** Full project path, any depth of subgroups: `group/sub/project`. */
  projectPath: string;
  iid: number;
  view: IssueView;
}

/** A work item that belongs to a group, not a project: recognised so that it gets no project-issue API call. */
export interface GroupWorkItemRef {
  groupPath: string;
  iid: number;
}

export type ParsedIssueUrl =
  | { kind: 'project-issue'; ref: IssueRef }
  | { kind: 'group-work-item'; ref: GroupWorkItemRef };

export const sameIssue = (a: IssueRef | null, b: IssueRef | null): boolean =>
  !!a && !!b && a.projectPath.toLowerCase() === b.projectPath.toLowerCase() && a.iid === b.iid;
