import type { ApplyResult, IssueSummary, PanelData, Result, UserSummary } from '@/lib/messaging';
import type { Roster } from '@/lib/retro/roster-lookup';
import type { ApiError } from '@/lib/gitlab/errors';

/** What the retro panel can ask for, bound to one issue. The entrypoint implements it with messaging. */
export interface PanelClient {
  load(): Promise<Result<PanelData>>;
  apply(engineer: string): Promise<Result<ApplyResult>>;
  undo(): Promise<Result<{ issue: IssueSummary; reverted: boolean }>>;
  searchUsers(query: string): Promise<Result<UserSummary[]>>;
  addRosterPair(engineer: string, manager: string): Promise<Result<{ roster: Roster }>>;
  openOptions(): void;
  /**
   * Loads the Timeline section (its own script, see lib/timeline-slot.ts) into `element`;
   * returns the unmount. Without it the section is not shown.
   */
  mountTimeline?(element: HTMLElement, context: { isIncident: boolean; canWrite: boolean }, onError: (error: ApiError) => void): () => void;
}
