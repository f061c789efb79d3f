/**
 * Everything the extension keeps, as typed, versioned WXT storage items. Only extension contexts
 * read these: our content scripts ask the background. Chrome also closes storage.local to content
 * scripts (the background sets its access level); Firefox has no such setting for storage.local.
 */
import { storage } from 'wxt/utils/storage';
import type { SettingsInput, TokenStatus, UserSummary } from './messaging';
import type { AppliedRecord } from './retro/retro-actions';
import type { FollowUpLink } from './retro/findings';
import { DEFAULT_LABELS } from './retro/labels';

export type Settings = SettingsInput;

export const DEFAULT_GITLAB_URL = 'https://gitlab.com';

export const DEFAULT_FOLLOW_UPS: Settings['followUps'] = {
  projects: {
    bug: 'gitlab-org/gitlab',
    feature: 'gitlab-org/gitlab',
    'kb-article': 'gitlab-com/support/knowledge-base',
    handbook: 'gitlab-com/content-sites/handbook',
  },
  labels: { bug: 'type::bug', feature: 'type::feature', 'kb-article': '', handbook: '' },
};

export const DEFAULT_SETTINGS: Settings = {
  gitlabUrl: DEFAULT_GITLAB_URL,
  emergencyProjects: ['gitlab-com/support/readiness/emergencies'],
  rosterText: '',
  labels: { ...DEFAULT_LABELS },
  followUps: DEFAULT_FOLLOW_UPS,
  retroLeads: [],
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    // Version 2 added follow-up projects and the retro lead pool.
    2: (old: Omit<Settings, 'followUps' | 'retroLeads'>): Settings => ({ ...old, followUps: DEFAULT_FOLLOW_UPS, retroLeads: [] }),
  },
});

export const tokenItem = storage.defineItem<string>('local:gitlabToken', { fallback: '' });

/** What GitLab said about the token when it was saved: who it is, scopes, expiry. */
export const tokenStatusItem = storage.defineItem<TokenStatus | null>('local:tokenStatus', { fallback: null });

/** Per issue, what the last "Apply retro-actions" changed, so Undo reverts exactly that. */
export const appliedItem = storage.defineItem<Record<string, AppliedRecord>>('local:appliedRetroActions', {
  fallback: {},
});

/** `<origin>/<username>` already resolved to GitLab ids: the roster names managers, the API wants ids. */
export const knownUsersItem = storage.defineItem<Record<string, UserSummary>>('local:knownUsers', { fallback: {} });

/** Epoch ms before which no request is sent (GitLab's Retry-After). Session: a restart clears it. */
export const rateLimitedUntilItem = storage.defineItem<number>('session:rateLimitedUntil', { fallback: 0 });

export function issueKey(gitlabUrl: string, projectPath: string, iid: number): string {
  return `${new URL(gitlabUrl).origin}/${projectPath.toLowerCase()}#${iid}`;
}

/**
 * Per emergency issue, per finding: the follow-up it made, or `pending` while a create is under
 * way, so a retry after a timeout or 5xx first looks for what may have landed (case C10).
 */
export type FollowUpRecord = FollowUpLink | {
  pending: true;
  /** Where the attempt went (a project for a new issue, `group/project#123` for a check-in): a retry looks there first, even after the finding's type changed. */
  at?: string;
};
export const followUpsItem = storage.defineItem<Record<string, Record<string, FollowUpRecord>>>('local:followUps', { fallback: {} });
