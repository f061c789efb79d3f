/**
 * The GitLab calls the product makes, on top of gitbeaker with the single-shot requester.
 * Background worker only: it is the one place that sees the token.
 */
import { IssueLabelEvents, IssueLinks, IssueNotes, Issues, PersonalAccessTokens, Users } from '@gitbeaker/rest';
import { sendOnce, singleShotRequester } from './requester';
import { GitLabRequestError, notJsonError } from './errors';
import type { GitLabIssue, GitLabLabelEvent, GitLabNote, GitLabPage, GitLabTokenInfo, GitLabUser } from './types';
import { graphqlData } from './graphql';
import { pageOf, type Page } from './page';
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
  /** One page of `GET /issues` (no projectPath) or `GET /projects/:id/issues`. */
  listIssues(query: IssueQuery, page: number, perPage: number): Promise<GitLabPage<GitLabIssue>>;
  labelEvents(projectPath: string, iid: number): Promise<GitLabLabelEvent[]>;
  /** Sent once; never retried (case C10). `internal`: visible to project members only. */
  createNote(projectPath: string, iid: number, body: string, internal?: boolean): Promise<GitLabNote>;
  /** One page of an issue's notes (comments and system notes); GitLab allows at most 100 per page. */
  listNotes(projectPath: string, iid: number, options: { page: number; perPage: number; sort: 'asc' | 'desc' }): Promise<Page<GitLabNote>>;
  /** Every label event needs paging for the timeline import; `labelEvents` reads the first 100. */
  listLabelEvents(projectPath: string, iid: number, options: { page: number; perPage: number }): Promise<Page<GitLabLabelEvent>>;
  editNote(projectPath: string, iid: number, noteId: number, body: string): Promise<GitLabNote>;
  /** POST /api/graphql, sent once like every other request; GraphQL `errors` become a rejected error. */
  graphql<T>(query: string, variables: Record<string, unknown>): Promise<T>;
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

export interface IssueQuery {
  /** Omitted: across the instance (`GET /issues`), where `scope` matters. */
  projectPath?: string;
  /** `GET /issues` defaults to created_by_me (case C12): always say which. */
  scope?: 'assigned_to_me' | 'all';
  /** Comma-separated labels, all required. */
  labels: string;
  notLabels?: string;
  state: 'opened' | 'all';
  /** ISO instant. */
  createdAfter?: string;
  /** GitLab's default is newest first; `due_date` with `asc` puts the soonest due first, undated last. */
  orderBy?: 'due_date';
  sort?: 'asc' | 'desc';
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
  const labelEvents = new IssueLabelEvents(options);
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
    async listIssues(query, page, perPage) {
      const { projectPath, notLabels, ...rest } = query;
      const params = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
      const reply = (await issues.all({
        ...(projectPath ? { projectId: projectPath } : {}),
        ...params,
        ...(notLabels ? { not: { labels: notLabels } } : {}),
        page,
        perPage,
        maxPages: 1,
        showExpanded: true,
      } as never)) as unknown as { data: unknown; paginationInfo?: { next: number | null; total: number } };
      return {
        items: expectArray<GitLabIssue>(reply?.data),
        nextPage: reply.paginationInfo?.next ?? null,
        total: Number.isFinite(reply.paginationInfo?.total) ? reply.paginationInfo!.total : null,
      };
    },
    async labelEvents(projectPath, iid) {
      return expectArray<GitLabLabelEvent>(await labelEvents.all(projectPath, iid, { perPage: 100, maxPages: 1 }));
    },
    async listNotes(projectPath, iid, { page, perPage, sort }) {
      const reply = await notes.all(projectPath, iid, { page, perPage, sort, orderBy: 'created_at', showExpanded: true });
      return pageOf<GitLabNote>(expectArray(reply.data), reply.paginationInfo);
    },
    async listLabelEvents(projectPath, iid, { page, perPage }) {
      const reply = await labelEvents.all(projectPath, iid, { page, perPage, showExpanded: true });
      return pageOf<GitLabLabelEvent>(expectArray(reply.data), reply.paginationInfo);
    },
    async createNote(projectPath, iid, body, internal = false) {
      return expectObject<GitLabNote>(await notes.create(projectPath, iid, body, internal ? { internal } : {}), 'id');
    },
    async editNote(projectPath, iid, noteId, body) {
      return expectObject<GitLabNote>(await notes.edit(projectPath, iid, noteId, { body }), 'id');
    },
    async graphql<T>(query: string, variables: Record<string, unknown>) {
      const reply = (await sendOnce('api/graphql', {
        prefixUrl: `${options.host}/`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      })) as { body: unknown };
      return graphqlData<T>(reply.body);
    },
  };
}
