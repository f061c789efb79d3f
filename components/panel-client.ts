import type { ApplyResult, IssueSummary, PanelData, Result, UserSummary } from '@/lib/messaging';
import type { Roster } from '@/lib/retro/roster-lookup';
import type { TimelineClient } from './timeline/timeline-client';

/** What the retro panel can ask for, bound to one issue. The entrypoint implements it with messaging. */
export interface PanelClient {
  load(): Promise<Result<PanelData>>;
  apply(engineer: string): Promise<Result<ApplyResult>>;
  undo(): Promise<Result<{ issue: IssueSummary; reverted: boolean }>>;
  searchUsers(query: string): Promise<Result<UserSummary[]>>;
  addRosterPair(engineer: string, manager: string): Promise<Result<{ roster: Roster }>>;
  openOptions(): void;
  /** The Timeline section's requests; without it the section is not shown. */
  timeline?: TimelineClient;
}
