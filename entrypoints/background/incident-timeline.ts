/**
 * Writes timeline entries as GitLab incident timeline events (GraphQL only, incidents only).
 * Reads the events GitLab has first, so publishing twice adds nothing; each create is sent once,
 * and the first failure stops the run (no blind retries, case C10) and is reported.
 */
import type { GitLabGateway } from '@/lib/gitlab/gateway';
import { asApiError, GitLabRequestError } from '@/lib/gitlab/errors';
import { planIncidentEvents, type ExistingIncidentEvent } from '@/lib/retro/incident-events';
import type { TimelineEntry } from '@/lib/retro/timeline-entry';
import type { IncidentEventsReport } from '@/lib/messaging';

const LIST = `query GetTimelineEvents($fullPath: ID!, $incidentId: IssueID!, $after: String) {
  project(fullPath: $fullPath) {
    incidentManagementTimelineEvents(incidentId: $incidentId, first: 100, after: $after) { nodes { note occurredAt } pageInfo { hasNextPage endCursor } }
  }
}`;
/** A bound on pages read (100 events each), so a misbehaving server cannot keep the worker looping. */
const MAX_PAGES = 50;

const CREATE = `mutation CreateTimelineEvent($input: TimelineEventCreateInput!) {
  timelineEventCreate(input: $input) { timelineEvent { id occurredAt } errors }
}`;

interface ListReply {
  project: { incidentManagementTimelineEvents: { nodes: ExistingIncidentEvent[]; pageInfo?: { hasNextPage: boolean; endCursor: string | null } } | null } | null;
}

/** Every event GitLab has on the incident: the connection is read page by page. */
async function existingEvents(gateway: GitLabGateway, fullPath: string, incidentId: string): Promise<ExistingIncidentEvent[]> {
  const events: ExistingIncidentEvent[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const reply: ListReply = await gateway.graphql<ListReply>(LIST, { fullPath, incidentId, after });
    const connection = reply.project?.incidentManagementTimelineEvents;
    events.push(...(connection?.nodes ?? []));
    if (!connection?.pageInfo?.hasNextPage || !connection.pageInfo.endCursor) return events;
    after = connection.pageInfo.endCursor;
  }
  // Not knowing them all, any event sent could be one GitLab already has.
  throw new GitLabRequestError({ kind: 'rejected', status: 0, message: `This incident has more than ${MAX_PAGES * 100} timeline events; none were written, so none is doubled. Add new ones on the incident's Timeline tab.` });
}

interface CreateReply {
  timelineEventCreate: { timelineEvent: { id: string } | null; errors: string[] } | null;
}

export async function publishIncidentEvents(gateway: GitLabGateway, projectPath: string, issueId: number, timeline: readonly TimelineEntry[]): Promise<IncidentEventsReport> {
  const incidentId = `gid://gitlab/Issue/${issueId}`;
  // Everyone who can see the incident sees its timeline events: text from internal notes stays out.
  const entries = timeline.filter((entry) => !entry.internal);
  const keptInternal = timeline.length - entries.length;
  const kept = keptInternal ? { keptInternal } : {};
  let existing: ExistingIncidentEvent[];
  try {
    existing = await existingEvents(gateway, projectPath, incidentId);
  } catch (thrown) {
    // The comment is posted already: the report says why no event was written.
    return { created: 0, alreadyThere: 0, refused: [], stopped: asApiError(thrown), notSent: entries.length, ...kept };
  }
  const plan = planIncidentEvents(entries, existing);
  const report: IncidentEventsReport = { created: 0, alreadyThere: plan.alreadyThere, refused: [], stopped: null, notSent: 0, ...kept };
  for (const [index, event] of plan.create.entries()) {
    try {
      const { entryId: _id, ...input } = event;
      const reply = await gateway.graphql<CreateReply>(CREATE, { input: { incidentId, ...input } });
      const errors = reply.timelineEventCreate?.errors ?? [];
      if (errors.length || !reply.timelineEventCreate?.timelineEvent) report.refused.push({ note: event.note, message: errors.join('; ') || 'GitLab stored nothing' });
      else report.created += 1;
    } catch (thrown) {
      report.stopped = asApiError(thrown);
      report.notSent = plan.create.length - index;
      break;
    }
  }
  return report;
}
