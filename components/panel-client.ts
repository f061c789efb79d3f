import type { ApplyResult, IssueSummary, PanelData, ResponseMap, Result, UserSummary } from '@/lib/messaging';
import type { Finding } from '@/lib/retro/findings';
import type { DraftClient } from './drafts/draft-client';
import type { Roster } from '@/lib/retro/roster-lookup';
import type { ApiError } from '@/lib/gitlab/errors';

/** What the retro panel can ask for, bound to one issue. The entrypoint implements it with messaging. */
export interface PanelClient {
  load(): Promise<Result<PanelData>>;
  /** Calls back when the issue changed on GitLab through another surface (the context menu); returns an unsubscribe. */
  onChanged(callback: () => void): () => void;
  apply(engineer: string): Promise<Result<ApplyResult>>;
  undo(): Promise<Result<{ issue: IssueSummary; reverted: boolean }>>;
  addRetroLabel(): Promise<Result<{ issue: IssueSummary }>>;
  searchUsers(query: string): Promise<Result<UserSummary[]>>;
  addRosterPair(engineer: string, manager: string): Promise<Result<{ roster: Roster }>>;
  openOptions(): void;
  followUps: FollowUpClient;
  suggestLeads(): Promise<Result<ResponseMap['retro:leads']>>;
  /**
   * Loads the Timeline section (its own script, see lib/timeline-slot.ts) into `element`;
   * returns the unmount. Without it the section is not shown.
   */
  mountTimeline?(element: HTMLElement, context: { isIncident: boolean; canWrite: boolean; onEntries?(count: number): void }, onError: (error: ApiError) => void): () => void;
  drafts: DraftClient;
  postRetroNotes(zone: string, lead: string | undefined): Promise<Result<ResponseMap['retro:notes']>>;
}

export type CreatedType = 'bug' | 'feature' | 'kb-article' | 'handbook';

/** A finding as the background needs it to make its follow-up. */
export type FollowUpFinding = Pick<Finding, 'id' | 'list' | 'text'> & { type: CreatedType | 'pm-checkin' };

export interface FollowUpClient {
  similar(type: CreatedType, title: string, findingId: string): Promise<Result<ResponseMap['followup:similar']>>;
  create(finding: FollowUpFinding): Promise<Result<ResponseMap['followup:create']>>;
  checkIn(finding: FollowUpFinding, target: string): Promise<Result<ResponseMap['followup:checkin']>>;
}
