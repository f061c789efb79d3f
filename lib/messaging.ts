/**
 * The one protocol between the surfaces (content scripts, options, popup) and the background
 * worker. Requests are validated in the background (messaging-schema.ts); replies are plain JSON.
 */
import { browser } from 'wxt/browser';
import type { ApiError } from './gitlab/errors';
import { extensionUpdatedError } from './gitlab/errors';
import type { Request, SettingsInput } from './messaging-schema';
import type { AppliedRecord } from './retro/retro-actions';
import type { LabelNames } from './retro/labels';
import type { FollowUpLink } from './retro/findings';
import type { Roster } from './retro/roster-lookup';
import type { RetroItem } from './retro/retro-item';
import type { FollowUpSeries } from './retro/trends';
import type { DraftSaveResult, DraftView } from './drafts';
import type { TimelineCandidate } from './retro/timeline-harvest';
import type { TranscriptResult } from './retro/transcript/parse-transcript';

export type { Request, SettingsInput };

export interface UserSummary {
  id: number;
  username: string;
  name: string;
}

export interface IssueSummary {
  title: string;
  webUrl: string;
  issueType: string;
  labels: string[];
  /** `YYYY-MM-DD`, a calendar date. */
  dueDate: string | null;
  assignees: UserSummary[];
}

export interface PanelData {
  issue: IssueSummary;
  labels: LabelNames;
  roster: Roster;
  applied: AppliedRecord | null;
  /** False when the token lacks the `api` scope: the panel is read-only. */
  canWrite: boolean;
}

export interface ApplyResult {
  issue: IssueSummary;
  applied: AppliedRecord | null;
  alreadyApplied: boolean;
  /** GitLab did not keep the manager as assignee (GitLab Free keeps one assignee). */
  managerDropped: boolean;
}

export interface TokenStatus {
  username: string;
  name: string;
  scopes: string[];
  /** `YYYY-MM-DD`; the options page warns from it when shown (lib/gitlab/token-warnings.ts). */
  expiresAt: string | null;
}

export interface SettingsView {
  settings: SettingsInput;
  hasToken: boolean;
  token: TokenStatus | null;
  /** Set when the token was just checked and GitLab refused it, or could not be asked. */
  tokenError: ApiError | null;
}

/** Which label query a "show more" continues. */
export type RetroLabelKey = 'retro' | 'retroActions';

export interface MyRetrosCache {
  /** Origin of the instance the items came from. */
  instance: string;
  items: RetroItem[];
  /** Next page of each label query; null once all are shown. */
  next: Record<RetroLabelKey, number | null>;
  fetchedAt: string;
}

export interface MyRetrosView {
  /** False while no token is saved: nothing is requested then. */
  configured: boolean;
  cache: MyRetrosCache | null;
  labels: LabelNames;
}

export interface ReviewData {
  retroActions: RetroItem[];
  suggested: RetroItem[];
  /** `YYYY-MM`, oldest first; the series below follow this order. */
  months: string[];
  retrosPerMonth: number[];
  followUps: FollowUpSeries;
  fetchedAt: string;
  /** Some list stopped at the page cap: the counts are lower bounds. */
  truncated: boolean;
  /** GitLab requests the last refresh took. */
  requests: number;
  /** Emergency projects left out because GitLab refused them (absent in data cached before this was kept). */
  failedProjects?: FailedProject[];
}

export interface FailedProject {
  projectPath: string;
  error: ApiError;
}

export interface ReviewView {
  configured: boolean;
  data: ReviewData | null;
  labels: LabelNames;
  emergencyProjects: string[];
}

export interface ResponseMap {
  'page:visit': { emergency: boolean };
  'retro:load': PanelData;
  'retro:apply': ApplyResult;
  'retro:undo': { issue: IssueSummary; reverted: boolean };
  'retro:add-label': { issue: IssueSummary };
  'users:search': UserSummary[];
  'roster:add': { roster: Roster };
  'options:open': null;
  'settings:load': SettingsView;
  'settings:save': SettingsView;
  'token:check': SettingsView;
  'token:remove': SettingsView;
  'followup:similar': { candidates: SimilarIssue[] };
  'followup:create': { followUp: FollowUpLink; linked: boolean };
  'followup:checkin': { followUp: FollowUpLink };
  'retro:leads': { suggestions: string[]; participants: string[]; poolSize: number };
  'retro:notes': { noteUrl: string; action: 'created' | 'updated' | 'unchanged' };
  'myretros:cached': MyRetrosView;
  'myretros:refresh': MyRetrosView;
  'myretros:more': MyRetrosView;
  'review:cached': ReviewView;
  'review:refresh': ReviewView;
  'timeline:load-ui': null;
  'draft:load': DraftView;
  'draft:save': DraftSaveResult;
  'timeline:candidates': TimelineCandidate[];
  'timeline:parse': TranscriptResult;
  'timeline:publish': TimelinePublishResult;
}

export interface SimilarIssue {
  reference: string;
  title: string;
  webUrl: string;
  score: number;
}


/** What GitLab accepted of the incident timeline events (GraphQL). */
export interface IncidentEventsReport {
  created: number;
  /** Events GitLab already had (same minute, same text): not sent again. */
  alreadyThere: number;
  /** GitLab answered but refused these (`errors` in the mutation payload). */
  refused: { note: string; message: string }[];
  /** The request that failed and stopped the run, if one did. */
  stopped: ApiError | null;
  /** Events not sent because the run stopped. */
  notSent: number;
  /** Entries from internal notes, not sent: everyone who can see the incident sees its timeline events. */
  keptInternal?: number;
}

export interface TimelinePublishResult {
  noteId: number;
  noteUrl: string;
  action: 'created' | 'updated' | 'unchanged';
  internal: boolean;
  /** Entries of a timeline comment this draft had not posted, added to the draft before updating that comment. */
  takenFromGitLab: number;
  /** The draft revision that is now on GitLab. */
  revision: number;
  /** `entriesFingerprint` of the entries now on GitLab (the posted mark keeps it too). */
  entries: string;
  incidentEvents: IncidentEventsReport | { unavailable: string } | null;
}

export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Sends one request; a dead extension context (update, reload) becomes a readable error (case C5). */
export async function sendRequest<T extends RequestType>(request: RequestOf<T>): Promise<Result<ResponseMap[T]>> {
  try {
    if (!browser.runtime?.id) return { ok: false, error: extensionUpdatedError() };
    const reply = (await browser.runtime.sendMessage(request)) as Result<ResponseMap[T]> | undefined;
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) return { ok: false, error: extensionUpdatedError() };
    return reply;
  } catch {
    return { ok: false, error: extensionUpdatedError() };
  }
}
