/**
 * An in-memory GitLab for background tests: implements GitLabGateway, keeps one issue's state
 * (edits change what the next read returns), records every call, and can be told to fail.
 */
import { vi } from 'vitest';
import type { GatewayConfig, GitLabGateway, IssuePointer, NewIssue } from '@/lib/gitlab/gateway';
import type { GitLabIssue, GitLabNote, GitLabTokenInfo, GitLabUser } from '@/lib/gitlab/types';
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
  private failures = new Map<GatewayMethod, unknown>();
  /** Issues of other projects (follow-up targets), with their descriptions. */
  readonly otherIssues: { projectPath: string; issue: GitLabIssue & { description: string } }[] = [];
  readonly notes = new Map<string, GitLabNote[]>();
  readonly links: [IssuePointer, IssuePointer][] = [];
  participants: GitLabUser[] = [];
  /** `createIssue` stores the issue, then throws this (GitLab answering 502 after saving). */
  failAfterCreate: unknown = null;

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
    return this;
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

  async recentNotes(projectPath: string, iid: number, perPage: number): Promise<GitLabNote[]> {
    this.record('recentNotes', [projectPath, iid, perPage]);
    return [...(this.notes.get(`${projectPath}#${iid}`) ?? [])].reverse().slice(0, perPage);
  }

  async createNote(projectPath: string, iid: number, body: string): Promise<GitLabNote> {
    this.record('createNote', [projectPath, iid, body]);
    const list = this.notes.get(`${projectPath}#${iid}`) ?? [];
    const note: GitLabNote = { id: 500 + list.length, body, system: false, created_at: new Date().toISOString(), author: this.currentUserValue };
    this.notes.set(`${projectPath}#${iid}`, [...list, note]);
    return note;
  }
}

export interface FakeDeps extends BackgroundDeps {
  gitlab: FakeGitLab;
  /** Moves the fake clock. */
  setNow(date: Date): void;
  injectPanel: ReturnType<typeof vi.fn<BackgroundDeps['injectPanel']>>;
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
    openOptions: vi.fn<BackgroundDeps['openOptions']>(async () => undefined),
  };
}
