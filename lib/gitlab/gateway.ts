/**
 * The GitLab calls the product makes, on top of gitbeaker with the single-shot requester.
 * Background worker only: it is the one place that sees the token.
 */
import { IssueLinks, IssueNotes, Issues, PersonalAccessTokens, Users } from '@gitbeaker/rest';
import { singleShotRequester } from './requester';
import { GitLabRequestError, notJsonError } from './errors';
import type { GitLabIssue, GitLabNote, GitLabTokenInfo, GitLabUser } from './types';
import type { IssueUpdate } from '../retro/retro-actions';

export interface GitLabGateway {
  getIssue(projectPath: string, iid: number): Promise<GitLabIssue>;
  editIssue(projectPath: string, iid: number, update: IssueUpdate): Promise<GitLabIssue>;
  findUser(username: string): Promise<GitLabUser | null>;
  searchUsers(query: string): Promise<GitLabUser[]>;
  currentUser(): Promise<GitLabUser>;
  tokenInfo(): Promise<GitLabTokenInfo>;
  createIssue(projectPath: string, issue: NewIssue): Promise<GitLabIssue>;
  /** Open and closed issues whose title or description contains `search` (GitLab matches substrings). */
  searchIssues(projectPath: string, search: string, options?: { in?: 'title' | 'description'; state?: 'opened' | 'all' }): Promise<GitLabIssue[]>;
  linkIssues(from: IssuePointer, to: IssuePointer): Promise<void>;
  issueParticipants(projectPath: string, iid: number): Promise<GitLabUser[]>;
  /** The newest `perPage` notes of an issue, newest first. */
  recentNotes(projectPath: string, iid: number, perPage: number): Promise<GitLabNote[]>;
  createNote(projectPath: string, iid: number, body: string): Promise<GitLabNote>;
}

export interface NewIssue {
  title: string;
  description: string;
  labels: string[];
}

export interface IssuePointer {
  projectPath: string;
  iid: number;
}

export interface GatewayConfig {
  /** Instance URL, e.g. https://gitlab.com (a relative root such as https://host/gitlab works too). */
  host: string;
  token: string;
}

/** GitLab's answer must be the JSON we expect; anything else (a proxy's JSON, an empty body) is refused. */
function expectObject<T>(value: unknown, key: string): T {
  if (value && typeof value === 'object' && !Array.isArray(value) && key in value) return value as T;
  throw new GitLabRequestError(notJsonError(200));
}

function expectArray<T>(value: unknown): T[] {
  if (Array.isArray(value)) return value as T[];
  throw new GitLabRequestError(notJsonError(200));
}

export function createGateway({ host, token }: GatewayConfig): GitLabGateway {
  const options = { host: host.replace(/\/+$/, ''), token, requesterFn: singleShotRequester };
  const issues = new Issues(options);
  const users = new Users(options);
  const tokens = new PersonalAccessTokens(options);
  const links = new IssueLinks(options);
  const notes = new IssueNotes(options);
  return {
    async getIssue(projectPath, iid) {
      return expectObject<GitLabIssue>(await issues.show(iid, { projectId: projectPath }), 'iid');
    },
    async editIssue(projectPath, iid, update) {
      const body = {
        addLabels: update.add_labels,
        removeLabels: update.remove_labels,
        // `null` clears the due date; gitbeaker's types only know strings.
        dueDate: update.due_date as string | undefined,
        assigneeIds: update.assignee_ids,
      };
      const defined = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
      return expectObject<GitLabIssue>(await issues.edit(projectPath, iid, defined), 'iid');
    },
    async findUser(username) {
      const found = expectArray<GitLabUser>(await users.all({ username, maxPages: 1 }));
      return found[0] ?? null;
    },
    async searchUsers(query) {
      return expectArray<GitLabUser>(await users.all({ search: query, perPage: 10, maxPages: 1 }));
    },
    async currentUser() {
      return expectObject<GitLabUser>(await users.showCurrentUser(), 'username');
    },
    async tokenInfo() {
      return expectObject<GitLabTokenInfo>(await tokens.show(), 'scopes');
    },
    async createIssue(projectPath, { title, description, labels }) {
      return expectObject<GitLabIssue>(await issues.create(projectPath, title, { description, labels: labels.join(',') }), 'iid');
    },
    async searchIssues(projectPath, search, { in: within, state = 'opened' } = {}) {
      const found = await issues.all({ projectId: projectPath, search, in: within, state: state === 'all' ? undefined : state, perPage: 50, maxPages: 1 });
      return expectArray<GitLabIssue>(found);
    },
    async linkIssues(from, to) {
      await links.create(from.projectPath, from.iid, to.projectPath, to.iid, { linkType: 'relates_to' });
    },
    async issueParticipants(projectPath, iid) {
      return expectArray<GitLabUser>(await issues.allParticipants(projectPath, iid));
    },
    async recentNotes(projectPath, iid, perPage) {
      return expectArray<GitLabNote>(await notes.all(projectPath, iid, { sort: 'desc', orderBy: 'created_at', perPage, maxPages: 1 }));
    },
    async createNote(projectPath, iid, body) {
      return expectObject<GitLabNote>(await notes.create(projectPath, iid, body), 'id');
    },
  };
}
