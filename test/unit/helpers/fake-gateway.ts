/**
 * An in-memory GitLab for background tests: implements GitLabGateway, keeps one issue's state
 * (edits change what the next read returns), records every call, and can be told to fail.
 */
import { vi } from 'vitest';
import type { GatewayConfig, GitLabGateway, IssuePointer, IssueQuery, NewIssue } from '@/lib/gitlab/gateway';
import type { GitLabIssue, GitLabLabelEvent, GitLabNote, GitLabPage, GitLabTokenInfo, GitLabUser } from '@/lib/gitlab/types';
import type { Page } from '@/lib/gitlab/page';
import type { IssueUpdate } from '@/lib/retro/retro-actions';
import type { BackgroundDeps } from '@/entrypoints/background/context';
import { currentUserFixture, projectIssueFixture } from './gitlab-fixtures';

export type GatewayMethod = keyof GitLabGateway;

export interface GatewayCall {
  method: GatewayMethod;
  args: unknown[];
}

export interface FakeGitLabOptions {
  issue?: GitLabIssue;
  users?: GitLabUser[];
  /** GitLab Free keeps one assignee: extra ids in assignee_ids are dropped. */
  maxAssignees?: number;
  tokenInfo?: GitLabTokenInfo;
  currentUser?: GitLabUser;
}

const user = (id: number, username: string, name: string): GitLabUser => ({ id, username, name, avatar_url: null, web_url: `https://gitlab.com/${username}` });

export const SAM = user(5, 'sam-support', 'Sam Support');
export const MARIA = user(42, 'maria-manager', 'Maria Manager');
export const OTHER = user(77, 'olly-other', 'Olly Other');

export class FakeGitLab implements GitLabGateway {
  issue: GitLabIssue;
  users: GitLabUser[];
  maxAssignees: number;
  tokenInfoValue: GitLabTokenInfo;
  currentUserValue: GitLabUser;
  readonly calls: GatewayCall[] = [];
  /** Gateways handed out by `deps.createGateway`, with the config they were built from. */
  readonly configs: GatewayConfig[] = [];
  /** What list queries search: filtered by labels, not-labels and state, then paged. */
  listed: GitLabIssue[] = [];
  /** Label events per `projectPath#iid`. */
  events: Record<string, GitLabLabelEvent[]> = {};
  readonly notes: { projectPath: string; iid: number; body: string }[] = [];
  private failures = new Map<GatewayMethod, unknown>();
  /** Issues of other projects (follow-up targets), with their descriptions. */
  readonly otherIssues: { projectPath: string; issue: GitLabIssue & { description: string } }[] = [];
  readonly links: [IssuePointer, IssuePointer][] = [];
  participants: GitLabUser[] = [];
  /** `createIssue` stores the issue, then throws this (GitLab answering 502 after saving). */
  failAfterCreate: unknown = null;
  /** Comments and system notes of the issue, oldest first (`notes` above records only what was created). */
  issueNotes: GitLabNote[] = [];
  /** Label events of the issue, for the paged `listLabelEvents` (`events` serves `labelEvents`). */
  issueLabelEvents: GitLabLabelEvent[] = [];
  /** Incident timeline events GraphQL has stored: `{note, occurredAt, tags}`. */
  timelineEvents: { note: string; occurredAt: string; tags: string[] }[] = [];
  private storedThenFail = new Map<GatewayMethod, unknown>();
  private inFlight = new Map<GatewayMethod, () => Promise<unknown>>();

  constructor(options: FakeGitLabOptions = {}) {
    const issue = options.issue ?? projectIssueFixture();
    this.issue = { ...issue, labels: [...issue.labels], assignees: issue.assignees.map((a) => ({ ...a })) };
    // Whoever is assigned already is a GitLab user too, so assignee_ids can name them.
    const users = options.users ?? [SAM, MARIA, OTHER];
    this.users = [...users, ...this.issue.assignees.filter((a) => !users.some((u) => u.id === a.id))];
    this.maxAssignees = options.maxAssignees ?? 100;
    this.tokenInfoValue = options.tokenInfo ?? { name: 'Emergency Retro', scopes: ['api'], expires_at: null, active: true, revoked: false };
    this.currentUserValue = options.currentUser ?? currentUserFixture();
  }

  /** The next calls of `method` throw `error` (until `succeed`). */
  fail(method: GatewayMethod, error: unknown): this {
    this.failures.set(method, error);
    return this;
  }

  succeed(method: GatewayMethod): this {
    this.failures.delete(method);
    this.storedThenFail.delete(method);
    return this;
  }

  /** The next call of `method` stores its change, then throws `error` (GitLab's "stored, then 502"). */
  failAfterStore(method: GatewayMethod, error: unknown): this {
    this.storedThenFail.set(method, error);
    return this;
  }

  private afterStore(method: GatewayMethod): void {
    if (!this.storedThenFail.has(method)) return;
    const error = this.storedThenFail.get(method);
    this.storedThenFail.delete(method);
    throw error;
  }

  /** While the next call of `method` is on its way (stored, not yet answered), `hook` runs: what a user does meanwhile. */
  beforeNextCall(method: GatewayMethod, hook: () => Promise<unknown>): this {
    this.inFlight.set(method, hook);
    return this;
  }

  private async whileInFlight(method: GatewayMethod): Promise<void> {
    const hook = this.inFlight.get(method);
    this.inFlight.delete(method);
    await hook?.();
  }

  callsOf(method: GatewayMethod): GatewayCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  private record(method: GatewayMethod, args: unknown[]): void {
    this.calls.push({ method, args: structuredClone(args) });
    if (this.failures.has(method)) throw this.failures.get(method);
  }

  private copy(): GitLabIssue {
    return structuredClone(this.issue);
  }

  async getIssue(projectPath: string, iid: number): Promise<GitLabIssue> {
    this.record('getIssue', [projectPath, iid]);
    return this.copy();
  }

  async editIssue(projectPath: string, iid: number, update: IssueUpdate): Promise<GitLabIssue> {
    this.record('editIssue', [projectPath, iid, update]);
    const lower = (s: string) => s.toLowerCase();
    if (update.add_labels) {
      for (const label of update.add_labels.split(',')) {
        if (!this.issue.labels.some((l) => lower(l) === lower(label))) this.issue.labels.push(label);
      }
    }
    if (update.remove_labels) {
      const removed = update.remove_labels.split(',').map(lower);
      this.issue.labels = this.issue.labels.filter((l) => !removed.includes(lower(l)));
    }
    if (update.due_date !== undefined) this.issue.due_date = update.due_date;
    if (update.assignee_ids) {
      this.issue.assignees = update.assignee_ids
        .slice(0, this.maxAssignees)
        .map((id) => this.users.find((u) => u.id === id))
        .filter((u): u is GitLabUser => u !== undefined);
    }
    this.afterStore('editIssue');
    return this.copy();
  }

  async findUser(username: string): Promise<GitLabUser | null> {
    this.record('findUser', [username]);
    return this.users.find((u) => u.username.toLowerCase() === username.toLowerCase()) ?? null;
  }

  async searchUsers(query: string): Promise<GitLabUser[]> {
    this.record('searchUsers', [query]);
    const q = query.toLowerCase();
    return this.users.filter((u) => u.username.includes(q) || u.name.toLowerCase().includes(q));
  }

  async currentUser(): Promise<GitLabUser> {
    this.record('currentUser', []);
    return this.currentUserValue;
  }

  async tokenInfo(): Promise<GitLabTokenInfo> {
    this.record('tokenInfo', []);
    return this.tokenInfoValue;
  }

  async createIssue(projectPath: string, { title, description, labels }: NewIssue): Promise<GitLabIssue> {
    this.record('createIssue', [projectPath, { title, description, labels }]);
    const iid = 100 + this.otherIssues.length;
    const issue = { ...projectIssueFixture(), iid, id: 9000 + iid, title, description, labels, assignees: [], web_url: `https://gitlab.com/${projectPath}/-/issues/${iid}` };
    this.otherIssues.push({ projectPath, issue });
    if (this.failAfterCreate) {
      const error = this.failAfterCreate;
      this.failAfterCreate = null;
      throw error;
    }
    return structuredClone(issue);
  }

  async searchIssues(projectPath: string, search: string, options: { in?: 'title' | 'description'; state?: 'opened' | 'all' } = {}): Promise<GitLabIssue[]> {
    this.record('searchIssues', [projectPath, search, options]);
    const q = search.toLowerCase();
    return this.otherIssues
      .filter((entry) => entry.projectPath === projectPath)
      .filter(({ issue }) => (options.in !== 'description' && issue.title.toLowerCase().includes(q)) || (options.in !== 'title' && issue.description.toLowerCase().includes(q)))
      .map(({ issue }) => structuredClone(issue));
  }

  async linkIssues(from: IssuePointer, to: IssuePointer): Promise<void> {
    this.record('linkIssues', [from, to]);
    this.links.push([from, to]);
  }

  async issueParticipants(projectPath: string, iid: number): Promise<GitLabUser[]> {
    this.record('issueParticipants', [projectPath, iid]);
    return this.participants;
  }

  async listIssues(query: IssueQuery, page: number, perPage: number): Promise<GitLabPage<GitLabIssue>> {
    this.record('listIssues', [query, page, perPage]);
    const has = (issue: GitLabIssue, names: string | undefined) => (names ?? '').split(',').filter(Boolean).every((l) => issue.labels.includes(l));
    const found = this.listed
      .filter((issue) => has(issue, query.labels))
      .filter((issue) => !query.notLabels || !has(issue, query.notLabels))
      .filter((issue) => query.state === 'all' || issue.state === query.state);
    // Soonest due first, undated last, as GitLab orders them.
    if (query.orderBy === 'due_date') found.sort((a, b) => (a.due_date === null ? 1 : 0) - (b.due_date === null ? 1 : 0) || (a.due_date ?? '').localeCompare(b.due_date ?? ''));
    const items = found.slice((page - 1) * perPage, page * perPage).map((issue) => structuredClone(issue));
    return { items, nextPage: page * perPage < found.length ? page + 1 : null, total: found.length };
  }

  async labelEvents(projectPath: string, iid: number): Promise<GitLabLabelEvent[]> {
    this.record('labelEvents', [projectPath, iid]);
    return structuredClone(this.events[`${projectPath}#${iid}`] ?? []);
  }

  private page<T>(all: T[], page: number, perPage: number): Page<T> {
    const totalPages = Math.max(1, Math.ceil(all.length / perPage));
    return { items: all.slice((page - 1) * perPage, page * perPage), page, totalPages, nextPage: page < totalPages ? page + 1 : null };
  }

  async listNotes(projectPath: string, iid: number, options: { page: number; perPage: number; sort: 'asc' | 'desc' }): Promise<Page<GitLabNote>> {
    this.record('listNotes', [projectPath, iid, options]);
    const ordered = options.sort === 'asc' ? this.issueNotes : [...this.issueNotes].reverse();
    return structuredClone(this.page(ordered, options.page, Math.min(100, options.perPage)));
  }

  async listLabelEvents(projectPath: string, iid: number, options: { page: number; perPage: number }): Promise<Page<GitLabLabelEvent>> {
    this.record('listLabelEvents', [projectPath, iid, options]);
    return structuredClone(this.page(this.issueLabelEvents, options.page, Math.min(100, options.perPage)));
  }

  /** Recorded with the arguments as given (three or four), so callers that never pass `internal` compare as before. */
  async createNote(...args: [projectPath: string, iid: number, body: string, internal?: boolean]): Promise<GitLabNote> {
    this.record('createNote', args);
    const [projectPath, iid, body, internal = false] = args;
    this.notes.push({ projectPath, iid, body });
    const note: GitLabNote = { id: 9000 + this.issueNotes.length, body, system: false, internal, created_at: new Date().toISOString(), author: this.currentUserValue };
    this.issueNotes.push(note);
    await this.whileInFlight('createNote');
    this.afterStore('createNote');
    return structuredClone(note);
  }

  async editNote(projectPath: string, iid: number, noteId: number, body: string): Promise<GitLabNote> {
    this.record('editNote', [projectPath, iid, noteId, body]);
    const note = this.issueNotes.find((n) => n.id === noteId);
    if (!note) throw new Error(`fake GitLab: no note ${noteId}`);
    note.body = body;
    this.afterStore('editNote');
    return structuredClone(note);
  }

  /** Answers the two timeline-event operations the product sends, by what the query asks for. */
  async graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    this.record('graphql', [query, variables]);
    if (query.includes('timelineEventCreate')) {
      const input = variables.input as { note: string; occurredAt: string; timelineEventTagNames?: string[] };
      const event = { note: input.note, occurredAt: input.occurredAt, tags: input.timelineEventTagNames ?? [] };
      this.timelineEvents.push(event);
      this.afterStore('graphql');
      return { timelineEventCreate: { timelineEvent: { id: `gid://gitlab/IncidentManagement::TimelineEvent/${this.timelineEvents.length}`, ...event }, errors: [] } } as T;
    }
    return { project: { incidentManagementTimelineEvents: { nodes: structuredClone(this.timelineEvents) } } } as T;
  }
}

export interface FakeDeps extends BackgroundDeps {
  gitlab: FakeGitLab;
  /** Moves the fake clock. */
  setNow(date: Date): void;
  injectPanel: ReturnType<typeof vi.fn<BackgroundDeps['injectPanel']>>;
  injectTimeline: ReturnType<typeof vi.fn<BackgroundDeps['injectTimeline']>>;
  openOptions: ReturnType<typeof vi.fn<BackgroundDeps['openOptions']>>;
}

export function fakeDeps(gitlab: FakeGitLab, now: Date): FakeDeps {
  let clock = now;
  return {
    gitlab,
    setNow(date) {
      clock = date;
    },
    createGateway(config) {
      gitlab.configs.push(config);
      return gitlab;
    },
    now: () => new Date(clock),
    injectPanel: vi.fn<BackgroundDeps['injectPanel']>(async () => undefined),
    injectTimeline: vi.fn<BackgroundDeps['injectTimeline']>(async () => undefined),
    openOptions: vi.fn<BackgroundDeps['openOptions']>(async () => undefined),
  };
}
