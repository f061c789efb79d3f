/**
 * The seeded world: four Support people, the emergencies project, a project on GitLab Free and
 * the issues the retro flow touches. Pure data; every call builds a fresh state so tests can't leak.
 */
import type { SandboxIssue, SandboxState, SandboxToken } from './types.ts';
import { seedDiscussion } from './seed-notes.ts';

export const API_TOKEN = 'glpat-sandbox-api';
export const READONLY_TOKEN = 'glpat-sandbox-readonly';
export const EXPIRING_TOKEN = 'glpat-sandbox-expiring';
export const REVOKED_TOKEN = 'glpat-sandbox-revoked';
/** Not in the brief, but GitLab answers an expired token differently from a revoked one. */
export const EXPIRED_TOKEN = 'glpat-sandbox-expired';
export const TOKENS = {
  api: API_TOKEN,
  readonly: READONLY_TOKEN,
  expiring: EXPIRING_TOKEN,
  revoked: REVOKED_TOKEN,
  expired: EXPIRED_TOKEN,
} as const;

export const USER_IDS = { sam: 101, maria: 102, lee: 103, lina: 104 } as const;
export const PROJECT_IDS = { emergencies: 1001, gitlab: 2002 } as const;
export const EMERGENCIES_PATH = 'gitlab-com/support/readiness/emergencies';
export const GITLAB_PATH = 'gitlab-org/gitlab';

const DAY = 86_400_000;
/** `YYYY-MM-DD` in UTC, the format GitLab uses for due dates and token expiry. */
export const ymd = (d: Date): string => d.toISOString().slice(0, 10);

/** Global issue id: a per-project base plus the iid, so ids are stable and readable in logs. */
export const issueId = (projectId: number, iid: number): number =>
  (projectId === PROJECT_IDS.emergencies ? 5000 : 7000) + iid;

export function seed(now: Date = new Date()): SandboxState {
  const ago = (days: number): string => new Date(now.getTime() - days * DAY).toISOString();
  const inDays = (days: number): string => ymd(new Date(now.getTime() + days * DAY));
  const sam = USER_IDS.sam;
  const maria = USER_IDS.maria;

  const issue = (p: Partial<SandboxIssue> & Pick<SandboxIssue, 'iid' | 'title'>): SandboxIssue => {
    const projectId = p.projectId ?? PROJECT_IDS.emergencies;
    return {
      id: issueId(projectId, p.iid),
      projectId,
      description: '',
      state: 'opened',
      issueType: 'issue',
      layout: 'classic',
      labels: [],
      assigneeIds: [],
      authorId: sam,
      dueDate: null,
      severity: 'UNKNOWN',
      createdAt: ago(20 - p.iid),
      updatedAt: ago(10 - p.iid),
      closedAt: null,
      closedById: null,
      userNotesCount: 3,
      ...p,
    };
  };

  const token = (t: Partial<SandboxToken> & Pick<SandboxToken, 'id' | 'token' | 'name'>): SandboxToken => ({
    description: 'Emergency Retro for GitLab',
    userId: maria,
    scopes: ['api'],
    createdAt: ago(30),
    expiresAt: inDays(365),
    revoked: false,
    lastUsedAt: null,
    ...t,
  });

  const discussion = seedDiscussion(now);
  return {
    users: [
      { id: sam, username: 'sam-support', name: 'Sam Support', email: 'sam@example.com', jobTitle: 'Support Engineer', createdAt: ago(900) },
      { id: maria, username: 'maria-manager', name: 'Maria Manager', email: 'maria@example.com', jobTitle: 'Support Engineering Manager', createdAt: ago(1500) },
      { id: USER_IDS.lee, username: 'lee-lead', name: 'Lee Lead', email: 'lee@example.com', jobTitle: 'Staff Support Engineer (retro lead)', createdAt: ago(1200) },
      { id: USER_IDS.lina, username: 'lina-leader', name: 'Lina Leader', email: 'lina@example.com', jobTitle: 'Director of Support', createdAt: ago(2000) },
    ],
    projects: [
      { id: PROJECT_IDS.emergencies, path: EMERGENCIES_PATH, name: 'Emergencies', description: 'Customer emergency tracking for GitLab Support.', namespaceId: 301, namespaceName: 'Readiness' },
      { id: PROJECT_IDS.gitlab, path: GITLAB_PATH, name: 'GitLab', description: 'GitLab is an open source end-to-end software development platform.', namespaceId: 9970, namespaceName: 'GitLab.org', freeTier: true },
    ],
    issues: [
      issue({ iid: 1, title: 'Customer emergency: Geo replication stalled', labels: ['customer-emergency'], assigneeIds: [sam],
        description: 'Secondary Geo site stopped replicating after a network change. Customer on Premium, ticket #512345.' }),
      issue({ iid: 2, title: 'Customer emergency: runners stuck pending', layout: 'work_item', labels: ['retro'], assigneeIds: [sam],
        description: 'All CI jobs stay pending after runner upgrade; customer blocked from deploying.' }),
      issue({ iid: 3, title: 'Customer emergency: production outage after upgrade', issueType: 'incident', layout: 'incident',
        severity: 'CRITICAL', labels: ['customer-emergency'], assigneeIds: [sam],
        description: 'Instance returns 500 on every page after upgrading to the latest patch release.' }),
      issue({ iid: 4, title: 'Customer emergency: SAML sign-in loop', labels: ['customer-emergency'],
        description: 'Users are redirected back to the IdP endlessly. No engineer assigned yet.' }),
      issue({ iid: 5, title: 'Customer emergency: container registry unavailable', labels: ['retro', 'retro-actions'],
        assigneeIds: [sam, maria], dueDate: inDays(14),
        description: 'Registry returned 503 for two hours. Retro already set up.' }),
      issue({ iid: 7, projectId: PROJECT_IDS.gitlab, title: 'Geo: replication queue never drains on large repositories',
        labels: ['bug', 'group::geo'], assigneeIds: [sam], authorId: USER_IDS.lee,
        description: 'Found while working a customer emergency.' }),
      // Retros for the popup, badge and review page. Maria (the API token's user) is assigned #5, #8 and #9,
      // all created by others (case C12); she created #10 but is not assigned to it.
      issue({ iid: 8, title: 'Customer emergency: LFS objects missing after migration', labels: ['retro', 'retro-actions'],
        assigneeIds: [maria], authorId: USER_IDS.lee, dueDate: inDays(-2), createdAt: ago(40), updatedAt: ago(9),
        description: 'Retro held; follow-ups still open.' }),
      issue({ iid: 9, title: 'Customer emergency: merge trains stuck', labels: ['retro'], assigneeIds: [maria],
        authorId: USER_IDS.lina, createdAt: ago(6), updatedAt: ago(1), description: 'Suggested for a retro.' }),
      issue({ iid: 10, title: 'Customer emergency: search index corrupted', labels: ['retro'], assigneeIds: [USER_IDS.lee],
        authorId: maria, createdAt: ago(5), updatedAt: ago(2), description: 'Suggested by Maria, led by Lee.' }),
      issue({ iid: 11, title: 'Customer emergency: pages deploy failing', labels: ['retro', 'retro-actions'], assigneeIds: [maria],
        state: 'closed', closedAt: ago(3), closedById: maria, dueDate: inDays(-20), createdAt: ago(60), updatedAt: ago(3) }),
      issue({ iid: 12, projectId: PROJECT_IDS.gitlab, title: 'LFS: migration drops objects over 2 GB', labels: ['customer-retro', 'type::bug'],
        authorId: USER_IDS.lee, createdAt: ago(20), updatedAt: ago(20), description: 'Follow-up of an emergency retro.' }),
      issue({ iid: 13, projectId: PROJECT_IDS.gitlab, title: 'Warn before a migration skips large LFS objects', labels: ['customer-retro', 'type::feature'],
        authorId: maria, createdAt: ago(18), updatedAt: ago(18), description: 'Follow-up of an emergency retro.' }),
    ],
    groupWorkItems: [
      { groupPath: 'gitlab-com/support', groupId: 300, iid: 12, title: 'Support readiness: emergency retro process', workItemType: 'Epic' },
    ],
    tokens: [
      token({ id: 9001, token: API_TOKEN, name: 'emergency-retro' }),
      token({ id: 9002, token: READONLY_TOKEN, name: 'emergency-retro-readonly', scopes: ['read_api'] }),
      token({ id: 9003, token: EXPIRING_TOKEN, name: 'emergency-retro-expiring', expiresAt: inDays(3), createdAt: ago(362) }),
      token({ id: 9004, token: REVOKED_TOKEN, name: 'emergency-retro-revoked', revoked: true }),
      token({ id: 9005, token: EXPIRED_TOKEN, name: 'emergency-retro-expired', expiresAt: inDays(-1), createdAt: ago(366) }),
    ],
    issueLinks: [],
    labelEvents: [
      ...discussion.labelEvents,
      { id: 901, issueId: issueId(PROJECT_IDS.emergencies, 5), userId: sam, label: 'retro', action: 'add', createdAt: ago(6) },
      { id: 902, issueId: issueId(PROJECT_IDS.emergencies, 5), userId: sam, label: 'retro-actions', action: 'add', createdAt: ago(3) },
      { id: 903, issueId: issueId(PROJECT_IDS.emergencies, 8), userId: USER_IDS.lee, label: 'retro', action: 'add', createdAt: ago(16) },
      { id: 904, issueId: issueId(PROJECT_IDS.emergencies, 8), userId: USER_IDS.lee, label: 'retro-actions', action: 'add', createdAt: ago(9) },
    ],
    notes: discussion.notes,
    sessionUserId: maria,
    csrfToken: 'sandbox-csrf-token-Zm9vYmFy==',
    timelineEvents: discussion.timelineEvents,
  };
}
