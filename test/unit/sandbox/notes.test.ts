import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TOKEN, READONLY_TOKEN } from '../../sandbox/seed';

import { addManyNotes } from '../../sandbox/seed-notes';
import { useSandbox } from './use-sandbox';
import { call, get } from './client';

const SHARED = 'test/fixtures/gitlab-api';
const fixtureKeys = (name: string): string[] => Object.keys(JSON.parse(readFileSync(`${SHARED}/${name}`, 'utf8'))[0]).sort();
const NOTES = `/api/v4/projects/${encodeURIComponent('gitlab-com/support/readiness/emergencies')}/issues/1/notes`;

const sb = useSandbox();

describe('issue notes and label events in the sandbox', () => {
  it('lists notes newest first with the documented note fields, and label events', async () => {
    const res = await get(sb.url, NOTES, { token: API_TOKEN });
    expect(res.status).toBe(200);
    const notes = res.json();
    expect(notes.length).toBe(6);
    expect(notes[0].created_at > notes[5].created_at).toBe(true);
    for (const key of fixtureKeys('list-issue-notes.json').filter((k) => k !== 'author')) expect(notes[0]).toHaveProperty(key);
    const events = (await get(sb.url, NOTES.replace('/notes', '/resource_label_events'), { token: API_TOKEN })).json();
    expect(events[0]).toMatchObject({ action: 'add', label: { name: 'customer-emergency' }, user: { username: 'sam-support' } });
  });

  it('pages 1,000 notes at 100 per page at most, with paging headers', async () => {
    addManyNotes(sb.state, 5001, 1000, new Date('2025-03-04T00:00:00Z'));
    const res = await get(sb.url, `${NOTES}?per_page=500&page=2&sort=asc`, { token: API_TOKEN });
    expect(res.json()).toHaveLength(100);
    expect(res.headers['x-total']).toBe('1006');
    expect(res.headers['x-total-pages']).toBe('11');
  });

  it('creates a note (201), lets only its author edit it, and refuses a read-only token', async () => {
    const created = await call(sb.url, 'POST', NOTES, { token: API_TOKEN, body: { body: 'hello', internal: true } });
    expect(created.status).toBe(201);
    expect(created.json()).toMatchObject({ body: 'hello', internal: true, system: false, author: { username: 'maria-manager' } });
    const id = created.json().id;
    expect((await call(sb.url, 'PUT', `${NOTES}/${id}`, { token: API_TOKEN, body: { body: 'edited' } })).json().body).toBe('edited');
    const someoneElses = sb.state.notes.find((n) => n.authorId !== 102)!;
    expect((await call(sb.url, 'PUT', `${NOTES}/${someoneElses.id}`, { token: API_TOKEN, body: { body: 'x' } })).status).toBe(403);
    expect((await call(sb.url, 'POST', NOTES, { token: READONLY_TOKEN, body: { body: 'no' } })).status).toBe(403);
  });

  it('pages the incident timeline-event connection 100 at a time, with cursors', async () => {
    const incident = sb.state.issues.find((i) => i.iid === 3 && i.issueType === 'incident')!;
    for (let n = 0; n < 130; n += 1) sb.state.timelineEvents.push({ id: 5000 + n, issueId: incident.id, authorId: 101, note: `event ${n}`, tags: [], occurredAt: '2025-03-04T10:00:00Z', createdAt: '2025-03-04T10:00:00Z' });
    const list = async (after: string | null) => (await call(sb.url, 'POST', '/api/graphql', { bearer: API_TOKEN, body: { query: 'query { incidentManagementTimelineEvents }', variables: { incidentId: `gid://gitlab/Issue/${incident.id}`, after } } })).json().data.project.incidentManagementTimelineEvents;
    const first = await list(null);
    expect(first.nodes).toHaveLength(100);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list(first.pageInfo.endCursor);
    expect(second.nodes.map((n: { note: string }) => n.note)).toEqual(Array.from({ length: 30 }, (_, n) => `event ${n + 100}`));
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('answers the timeline-event mutation on incidents only, and lists what it stored', async () => {
    const create = (issueId: number, note: string) => call(sb.url, 'POST', '/api/graphql', { bearer: API_TOKEN, body: {
      query: 'mutation CreateTimelineEvent($input: TimelineEventCreateInput!) { timelineEventCreate(input: $input) { timelineEvent { id } errors } }',
      variables: { input: { incidentId: `gid://gitlab/Issue/${issueId}`, note, occurredAt: '2025-03-04T10:32:00Z', timelineEventTagNames: ['Start time'] } },
    } });
    expect((await create(5001, 'on a plain issue')).json().data.timelineEventCreate.errors).toEqual(['Timeline events can only be added to incidents']);
    expect((await create(5003, 'x'.repeat(281))).json().data.timelineEventCreate.errors[0]).toContain('too long');
    expect((await create(5003, 'Impact began')).json().data.timelineEventCreate.errors).toEqual([]);
    const list = await call(sb.url, 'POST', '/api/graphql', { bearer: API_TOKEN, body: { query: 'query { incidentManagementTimelineEvents }', variables: { incidentId: 'gid://gitlab/Issue/5003' } } });
    expect(list.json().data.project.incidentManagementTimelineEvents.nodes).toMatchObject([{ note: 'Impact began', occurredAt: '2025-03-04T10:32:00Z', timelineEventTags: { nodes: [{ name: 'Start time' }] } }]);
  });
});
