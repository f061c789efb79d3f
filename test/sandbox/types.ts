/** Shapes shared by the sandbox modules: the seeded world, requests, replies and fault rules. */
import type { IncomingHttpHeaders } from 'node:http';

export interface SandboxUser {
  id: number;
  username: string;
  name: string;
  email: string;
  jobTitle: string;
  createdAt: string;
}

export interface SandboxProject {
  id: number;
  /** Full path, e.g. `gitlab-com/support/readiness/emergencies`. */
  path: string;
  name: string;
  description: string;
  namespaceId: number;
  namespaceName: string;
  /** GitLab Free keeps a single assignee per issue. */
  freeTier?: boolean;
}

/** How GitLab renders the issue at `/-/issues/<iid>`. */
export type IssueLayout = 'classic' | 'work_item' | 'incident';

export interface SandboxIssue {
  id: number;
  iid: number;
  projectId: number;
  title: string;
  description: string;
  state: 'opened' | 'closed';
  issueType: 'issue' | 'incident';
  layout: IssueLayout;
  labels: string[];
  assigneeIds: number[];
  authorId: number;
  dueDate: string | null;
  severity: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedById: number | null;
  userNotesCount: number;
}

/** A work item that belongs to a group, not a project (epics and the like). */
export interface SandboxGroupWorkItem {
  groupPath: string;
  groupId: number;
  iid: number;
  title: string;
  workItemType: string;
}

export interface SandboxToken {
  id: number;
  token: string;
  name: string;
  description: string;
  userId: number;
  scopes: string[];
  createdAt: string;
  /** `YYYY-MM-DD`, as GitLab stores it. */
  expiresAt: string | null;
  revoked: boolean;
  lastUsedAt: string | null;
}

/** A label added to or removed from an issue (GitLab keeps these instead of system notes). */
export interface SandboxLabelEvent {
  id: number;
  issueId: number;
  userId: number;
  label: string;
  action: 'add' | 'remove';
  createdAt: string;
}

export interface SandboxNote {
  id: number;
  issueId: number;
  authorId: number;
  body: string;
  createdAt: string;
  /** A note GitLab wrote itself ("assigned to @sam"); default false. */
  system?: boolean;
  /** Visible to project members only; default false. */
  internal?: boolean;
  /** Default: createdAt. */
  updatedAt?: string;
}

export interface SandboxState {
  users: SandboxUser[];
  projects: SandboxProject[];
  issues: SandboxIssue[];
  groupWorkItems: SandboxGroupWorkItem[];
  tokens: SandboxToken[];
  /** Related-issue links, one entry per link (GitLab shows them from both sides). */
  issueLinks: SandboxIssueLink[];
  labelEvents: SandboxLabelEvent[];
  notes: SandboxNote[];
  /** Who is "signed in" on the HTML pages (window.gon). */
  sessionUserId: number;
  csrfToken: string;
  timelineEvents: SandboxTimelineEvent[];
}

/** One HTTP request as the sandbox saw it. */
export interface RecordedRequest {
  method: string;
  /** pathname + search, as sent. */
  path: string;
  /** Node lower-cases header names. */
  headers: IncomingHttpHeaders;
  body: string;
  /** Date.now() when the request arrived. */
  time: number;
  /** Status that was answered; 0 while pending or when the socket was dropped. */
  status: number;
}

/** A parsed request handed to route handlers. */
export interface Incoming {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Handlers return a reply instead of writing to the socket, so a fault can swap it after the fact. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface FaultRule {
  method?: string;
  /** Prefix match on the pathname, e.g. `/api/v4/projects`. */
  path?: string;
  /** Only requests whose body holds this text (one GraphQL mutation among several, say). */
  bodyIncludes?: string;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  contentType?: string;
  delayMs?: number;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** Answer 200 text/html with a SAML-SSO-like sign-in page (an expired gitlab.com session). */
  html?: boolean;
  /** Let the real handler run and store its change, then answer with `status`. */
  afterApply?: boolean;
  /** How many matching requests the rule hits; default 1. */
  times?: number;
}

export interface SandboxIssueLink {
  id: number;
  source: { projectId: number; iid: number };
  target: { projectId: number; iid: number };
  linkType: 'relates_to' | 'blocks' | 'is_blocked_by';
  createdAt: string;
}

/** An incident timeline event (GraphQL only). */
export interface SandboxTimelineEvent {
  id: number;
  issueId: number;
  authorId: number;
  note: string;
  occurredAt: string;
  tags: string[];
  createdAt: string;
}
