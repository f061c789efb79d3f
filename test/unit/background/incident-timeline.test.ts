import { describe, expect, it } from 'vitest';
import type { GitLabGateway } from '@/lib/gitlab/gateway';
import { publishIncidentEvents } from '@/entrypoints/background/incident-timeline';
import type { TimelineEntry } from '@/lib/retro/timeline-entry';

/** GitLab's events connection: 100 nodes a page at most, the cursor naming the last node read. */
function incidentWith(existing: { note: string; occurredAt: string }[]) {
  const lists: unknown[] = [];
  const creates: unknown[] = [];
  const gateway = {
    async graphql(query: string, variables: Record<string, unknown>) {
      if (query.includes('timelineEventCreate')) {
        creates.push(variables.input);
        return { timelineEventCreate: { timelineEvent: { id: 'gid://gitlab/IncidentManagement::TimelineEvent/1' }, errors: [] } };
      }
      lists.push(variables.after);
      const start = variables.after ? Number(variables.after) + 1 : 0;
      const nodes = existing.slice(start, start + 100);
      const end = start + nodes.length - 1;
      return { project: { incidentManagementTimelineEvents: { nodes, pageInfo: { hasNextPage: end + 1 < existing.length, endCursor: String(end) } } } };
    },
  } as unknown as GitLabGateway;
  return { gateway, lists, creates };
}

describe('publishIncidentEvents', () => {
  it('reads every page of the events GitLab has, so publishing again past 100 events adds only what is new', async () => {
    const at = (i: number) => new Date(Date.parse('2025-03-04T00:00:00Z') + i * 60_000).toISOString();
    const existing = Array.from({ length: 150 }, (_, i) => ({ note: `event ${i}`, occurredAt: at(i) }));
    const entries: TimelineEntry[] = [...existing.map((e, i) => ({ id: `e${i}`, at: e.occurredAt, text: e.note })), { id: 'new', at: at(200), text: 'the new one' }];
    const { gateway, lists, creates } = incidentWith(existing);
    const report = await publishIncidentEvents(gateway, 'g/p', 5003, entries);
    expect(lists).toEqual([null, '99']);
    expect(report).toMatchObject({ created: 1, alreadyThere: 150 });
    expect(creates).toEqual([expect.objectContaining({ note: 'the new one' })]);
  });

  it('writes nothing, and says why, when GitLab holds more events than it reads (5,000)', async () => {
    const existing = Array.from({ length: 5050 }, (_, i) => ({ note: `event ${i}`, occurredAt: new Date(Date.parse('2025-03-04T00:00:00Z') + i * 60_000).toISOString() }));
    const { gateway, lists, creates } = incidentWith(existing);
    const report = await publishIncidentEvents(gateway, 'g/p', 5003, [{ id: 'new', at: '2026-01-01T00:00:00.000Z', text: 'new' }]);
    expect(lists).toHaveLength(50);
    expect(creates).toEqual([]);
    expect(report).toMatchObject({ created: 0, notSent: 1, stopped: { message: expect.stringMatching(/more than 5000 timeline events; none were written/) } });
  });

  it('keeps entries from internal notes out of the incident timeline, and counts them', async () => {
    const { gateway, creates } = incidentWith([]);
    const report = await publishIncidentEvents(gateway, 'g/p', 5003, [
      { id: 'a', at: '2025-03-04T10:00:00.000Z', text: 'public' },
      { id: 'b', at: '2025-03-04T10:05:00.000Z', text: 'license key shared', internal: true },
    ]);
    expect(creates).toEqual([expect.objectContaining({ note: 'public' })]);
    expect(report).toMatchObject({ created: 1, keptInternal: 1 });
  });
});
