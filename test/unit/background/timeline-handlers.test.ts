import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter } from '@/entrypoints/background/router';
import { errorFromResponse, GitLabRequestError } from '@/lib/gitlab/errors';
import type { Result, TimelinePublishResult } from '@/lib/messaging';
import type { DraftSaveResult, DraftView } from '@/lib/drafts';
import type { TimelineDraftData } from '@/lib/timeline-draft';
import type { TimelineCandidate } from '@/lib/retro/timeline-harvest';
import { PARSE_MEASURE, type TranscriptResult } from '@/lib/retro/transcript/parse-transcript';
import { readTimelineMarkdown, renderTimelineMarkdown, TIMELINE_MARKER } from '@/lib/retro/timeline-markdown';
import { entriesFingerprint } from '@/lib/retro/timeline-entry';
import { tokenStatusItem } from '@/lib/settings';
import { FakeGitLab, fakeDeps } from '../helpers/fake-gateway';
import { apiFixture, currentUserFixture, projectIssueFixture } from '../helpers/gitlab-fixtures';
import { ENV, REF, contentScript, storeSettings } from '../helpers/background';

let gitlab: FakeGitLab;
let deps: ReturnType<typeof fakeDeps>;
let route: ReturnType<typeof createRouter>;
const ME = currentUserFixture();

beforeEach(async () => {
  fakeBrowser.reset();
  gitlab = new FakeGitLab();
  deps = fakeDeps(gitlab, new Date('2025-03-05T12:00:00Z'));
  route = createRouter(deps, ENV);
  await storeSettings();
});

function dataOf<T>(reply: Result<unknown>): T {
  expect(JSON.parse(JSON.stringify(reply))).toEqual(reply);
  if (!reply.ok) throw new Error(`expected success, got ${reply.error.kind}: ${reply.error.message}`);
  return reply.data as T;
}

const DATA: TimelineDraftData = {
  entries: [
    { id: 'b', at: '2025-03-04T10:05:00.000Z', text: 'Fix A | B', tag: 'Impact mitigated' },
    { id: 'a', at: '2025-03-04T09:32:00.000Z', text: 'Customer reports 500s', tag: 'Impact detected', source: 'note:1' },
  ],
  unplaced: [],
  form: null,
};
const save = (baseRevision: number, data = DATA, tab = 7) =>
  route({ type: 'draft:save', ref: REF, baseRevision, draft: { kind: 'timeline', data } }, contentScript(undefined, tab));
const load = () => route({ type: 'draft:load', ref: REF, kind: 'timeline' }, contentScript());
const publish = (revision: number, incidentEvents = false) =>
  route({ type: 'timeline:publish', ref: REF, revision, internal: false, incidentEvents, zone: 'Europe/Berlin' }, contentScript());

describe('drafts per issue with a revision', () => {
  it('saves, bumps the revision, and loads it back', async () => {
    expect(dataOf<DraftView>(await load())).toMatchObject({ revision: 0, data: null });
    expect(dataOf<DraftSaveResult>(await save(0))).toMatchObject({ status: 'saved', revision: 1 });
    expect(dataOf<DraftView>(await load())).toMatchObject({ revision: 1, data: DATA, savedAt: '2025-03-05T12:00:00.000Z' });
  });

  it('a second tab saving from an old revision gets a conflict with what is stored, and nothing is overwritten', async () => {
    dataOf(await save(0));
    const otherTab = { ...DATA, entries: [DATA.entries[0]!] };
    const clash = dataOf<DraftSaveResult>(await save(0, otherTab, 8));
    expect(clash).toMatchObject({ status: 'conflict', current: { revision: 1, data: DATA } });
    expect(dataOf<DraftView>(await load()).data).toEqual(DATA);
    // "Keep mine": save again on top of the revision the conflict showed.
    expect(dataOf<DraftSaveResult>(await save(1, otherTab, 8))).toMatchObject({ status: 'saved', revision: 2 });
  });

  it('lets only one of two simultaneous saves from the same revision land', async () => {
    const results = await Promise.all([save(0), save(0, { ...DATA, entries: [] }, 8)]);
    expect(results.map((r) => dataOf<DraftSaveResult>(r).status).sort()).toEqual(['conflict', 'saved']);
  });

  it('refuses an entry with a javascript: link, an unknown tag or a non-UTC time before storing anything', async () => {
    for (const bad of [{ link: 'javascript:alert(1)' }, { tag: 'Lunch' }, { at: '2025-03-04 10:00' }]) {
      const reply = await save(0, { ...DATA, entries: [{ ...DATA.entries[0]!, ...bad }] });
      expect(reply.ok ? 'saved' : reply.error.kind).toBe('invalid-request');
    }
    expect(dataOf<DraftView>(await load()).revision).toBe(0);
  });
});

describe('timeline:load-ui', () => {
  it("injects the section's script into the GitLab tab that asked, and refuses a page on another origin", async () => {
    expect((await route({ type: 'timeline:load-ui' }, contentScript(undefined, 12, 3))).ok).toBe(true);
    expect(deps.injectTimeline).toHaveBeenCalledWith(12, 3);
    const foreign = await route({ type: 'timeline:load-ui' }, contentScript('https://evil.example/x', 13));
    expect(foreign.ok ? '' : foreign.error.kind).toBe('invalid-request');
    expect(deps.injectTimeline).toHaveBeenCalledTimes(1);
  });
});

describe('timeline:candidates', () => {
  it('reads every page of notes and label events, 100 per page, and skips what the draft has', async () => {
    gitlab.issueNotes = Array.from({ length: 250 }, (_, i) => ({ id: i + 1, body: `note ${i + 1}`, system: i % 2 === 0, created_at: new Date(Date.UTC(2025, 2, 4, 9, i)).toISOString(), author: ME }));
    gitlab.issueLabelEvents = apiFixture('list-issue-resource-label-events.json');
    dataOf(await save(0));
    const candidates = dataOf<TimelineCandidate[]>(await route({ type: 'timeline:candidates', ref: REF }, contentScript()));
    expect(gitlab.callsOf('listNotes').map((c) => (c.args[2] as { page: number; perPage: number }).page)).toEqual([1, 2, 3]);
    expect(gitlab.callsOf('listNotes').every((c) => (c.args[2] as { perPage: number }).perPage === 100)).toBe(true);
    expect(candidates).toHaveLength(249 + 2);
    expect(candidates.some((c) => c.source === 'note:1')).toBe(false);
    expect(candidates[0]!.at < candidates.at(-1)!.at).toBe(true);
  });
});

describe('timeline:parse', () => {
  it('parses in the worker and refuses an unknown time zone', async () => {
    const parsed = dataOf<TranscriptResult>(await route({ type: 'timeline:parse', text: '10:32 paged\nnoise', date: '2025-03-04', zone: 'Europe/Berlin' }, contentScript()));
    expect(parsed.messages).toEqual([{ line: 1, at: Date.parse('2025-03-04T09:32:00Z'), text: 'paged\nnoise' }]);
    const bad = await route({ type: 'timeline:parse', text: 'x', date: '2025-03-04', zone: 'Mars/Base' }, contentScript());
    expect(bad.ok ? '' : `${bad.error.kind} ${bad.error.message}`).toMatch(/^invalid-request .*zone/);
  });

  it('leaves the latest parse time in one User Timing entry (DevTools and the bench read it)', async () => {
    await route({ type: 'timeline:parse', text: '10:32 paged', date: '2025-03-04', zone: 'UTC' }, contentScript());
    await route({ type: 'timeline:parse', text: '10:33 again', date: '2025-03-04', zone: 'UTC' }, contentScript());
    expect(performance.getEntriesByName(PARSE_MEASURE, 'measure')).toHaveLength(1);
  });

  it('reads Slack\'s "Today" as the day it is now in the reader\'s zone', async () => {
    // 12:00 UTC on 5 March is already 01:00 on 6 March in Auckland.
    const parsed = dataOf<TranscriptResult>(await route({ type: 'timeline:parse', text: 'Today\n10:00 paged', date: '2025-03-01', zone: 'Pacific/Auckland' }, contentScript()));
    expect(parsed.relativeDays).toEqual({ today: '2025-03-06', read: ['Today'] });
    expect(parsed.messages.map((m) => new Date(m.at).toISOString())).toEqual(['2025-03-05T21:00:00.000Z']);
  });
});

describe('timeline:publish', () => {
  beforeEach(async () => {
    await tokenStatusItem.setValue({ username: ME.username, name: ME.name, scopes: ['api'], expiresAt: null });
  });

  it('creates one marked comment, then updates the same comment on the next publish', async () => {
    dataOf(await save(0));
    const first = dataOf<TimelinePublishResult>(await publish(1));
    expect(first.action).toBe('created');
    expect(gitlab.issueNotes).toHaveLength(1);
    expect(gitlab.issueNotes[0]!.body.startsWith(TIMELINE_MARKER)).toBe(true);
    expect(first.noteUrl).toBe(`${projectIssueFixture().web_url}#note_${gitlab.issueNotes[0]!.id}`);
    expect(dataOf<DraftView>(await load()).published).toMatchObject({ revision: 1, noteId: gitlab.issueNotes[0]!.id });

    dataOf(await save(1, { ...DATA, entries: [...DATA.entries, { id: 'c', at: '2025-03-04T11:00:00.000Z', text: 'Customer confirmed' }] }));
    const second = dataOf<TimelinePublishResult>(await publish(2));
    expect(second.action).toBe('updated');
    expect(gitlab.issueNotes).toHaveLength(1);
    expect(gitlab.issueNotes[0]!.body).toContain('Customer confirmed');
    expect(gitlab.callsOf('createNote')).toHaveLength(1);
  });

  it('after GitLab stored the note and answered 502, keeps the draft unpublished; the retry updates, never duplicates (C10)', async () => {
    dataOf(await save(0));
    gitlab.failAfterStore('createNote', new GitLabRequestError(errorFromResponse(502, { message: '502 Bad Gateway' })));
    const failed = await publish(1);
    expect(failed.ok ? 'ok' : failed.error.kind).toBe('server');
    expect(dataOf<DraftView>(await load())).toMatchObject({ revision: 1, data: DATA, published: null });
    expect(gitlab.callsOf('createNote')).toHaveLength(1); // sent once, not retried
    const retry = dataOf<TimelinePublishResult>(await publish(1));
    expect(retry.action).toBe('unchanged');
    expect(gitlab.issueNotes).toHaveLength(1);
    expect(gitlab.callsOf('createNote')).toHaveLength(1);
  });

  it('after a 502 on a stored comment, an entry deleted before the retry stays deleted: that comment was posted from here', async () => {
    dataOf(await save(0));
    gitlab.failAfterStore('createNote', new GitLabRequestError(errorFromResponse(502, { message: '502 Bad Gateway' })));
    expect((await publish(1)).ok).toBe(false);
    dataOf(await save(1, { ...DATA, entries: [DATA.entries[1]!] }));
    const retry = dataOf<TimelinePublishResult>(await publish(2));
    expect(retry).toMatchObject({ action: 'updated', takenFromGitLab: 0, revision: 2 });
    expect(readTimelineMarkdown(gitlab.issueNotes[0]!.body).map((e) => e.text)).toEqual(['Customer reports 500s']);
    expect((dataOf<DraftView>(await load()).data as TimelineDraftData).entries.map((e) => e.text)).toEqual(['Customer reports 500s']);
  });

  it('a post refused before anything was sent leaves the record of what was sent, so the comment a 502 hid is still known as ours', async () => {
    dataOf(await save(0));
    gitlab.failAfterStore('createNote', new GitLabRequestError(errorFromResponse(502, { message: '502 Bad Gateway' })));
    expect((await publish(1)).ok).toBe(false);
    // The comment GitLab kept is public: a timeline holding an internal-note entry is refused, and sends nothing.
    dataOf(await save(1, { ...DATA, entries: [...DATA.entries, { id: 'c', at: '2025-03-04T11:00:00.000Z', text: 'license key shared', internal: true }] }));
    expect((await publish(2)).ok).toBe(false);
    dataOf(await save(2, { ...DATA, entries: [DATA.entries[1]!] }));
    expect(dataOf<TimelinePublishResult>(await publish(3))).toMatchObject({ action: 'updated', takenFromGitLab: 0 });
    expect(readTimelineMarkdown(gitlab.issueNotes[0]!.body).map((e) => e.text)).toEqual(['Customer reports 500s']);
  });

  it('an edit saved while the post was on its way keeps the post recorded, so the next post does not take the comment in again', async () => {
    dataOf(await save(0));
    gitlab.beforeNextCall('createNote', () => save(1, { ...DATA, entries: [DATA.entries[1]!] }).then(dataOf));
    expect(dataOf<TimelinePublishResult>(await publish(1)).action).toBe('created');
    expect(dataOf<DraftView>(await load())).toMatchObject({ revision: 2, published: { revision: 1 } });
    expect(dataOf<TimelinePublishResult>(await publish(2))).toMatchObject({ action: 'updated', takenFromGitLab: 0 });
    expect(readTimelineMarkdown(gitlab.issueNotes[0]!.body).map((e) => e.text)).toEqual(['Customer reports 500s']);
  });

  it('takes in a timeline comment this draft did not post (another browser, a pruned draft) before updating it', async () => {
    const other = renderTimelineMarkdown([
      { id: 'x', at: '2025-03-04T08:00:00.000Z', text: 'Alert fired', tag: 'Start time' },
      { id: 'y', at: '2025-03-04T09:32:00.000Z', text: 'Customer reports 500s' }, // the draft has this one too
    ], 'UTC');
    gitlab.issueNotes = [{ id: 1, body: other, system: false, internal: false, created_at: '2025-03-04T00:00:00Z', author: { id: ME.id, username: ME.username, name: ME.name } }];
    dataOf(await save(0));
    const result = dataOf<TimelinePublishResult>(await publish(1));
    expect(result).toMatchObject({ action: 'updated', takenFromGitLab: 1, revision: 2 });
    expect(gitlab.issueNotes).toHaveLength(1);
    expect(readTimelineMarkdown(gitlab.issueNotes[0]!.body).map((e) => e.text)).toEqual(['Alert fired', 'Customer reports 500s', 'Fix A | B']);
    const view = dataOf<DraftView>(await load());
    expect(view).toMatchObject({ revision: 2, published: { revision: 2, noteId: 1 } });
    expect((view.data as TimelineDraftData).entries.map((e) => e.text)).toEqual(['Alert fired', 'Customer reports 500s', 'Fix A | B']);
    // The mark says what the comment shows, so typing that is no entry yet is no change to post.
    expect(view.published!.entries).toBe(entriesFingerprint((view.data as TimelineDraftData).entries));
  });

  it('knows its own entries in a comment that cannot show them as written: a reference the user put in code, spaces at the ends', async () => {
    const written = [{ id: 'x', at: '2025-03-04T08:00:00.000Z', text: 'ping `@lee` about `#512345` ' }];
    gitlab.issueNotes = [{ id: 1, body: renderTimelineMarkdown(written, 'UTC'), system: false, internal: false, created_at: '2025-03-04T00:00:00Z', author: { id: ME.id, username: ME.username, name: ME.name } }];
    dataOf(await save(0, { ...DATA, entries: written }));
    expect(dataOf<TimelinePublishResult>(await publish(1))).toMatchObject({ action: 'updated', takenFromGitLab: 0 });
    expect(readTimelineMarkdown(gitlab.issueNotes[0]!.body)).toHaveLength(1);
  });

  it('does not put text from internal notes into a public timeline comment found on GitLab, whatever the box said', async () => {
    gitlab.issueNotes = [{ id: 1, body: `${TIMELINE_MARKER}\nold`, system: false, internal: false, created_at: '2025-03-04T00:00:00Z', author: { id: ME.id, username: ME.username, name: ME.name } }];
    const secret = { ...DATA, entries: [...DATA.entries, { id: 'c', at: '2025-03-04T11:00:00.000Z', text: 'license key shared', internal: true as const }] };
    dataOf(await save(0, secret));
    // The panel sends internal: false once the comment is known to be public (its box is fixed).
    for (const internal of [true, false]) {
      const refused = await route({ type: 'timeline:publish', ref: REF, revision: 1, internal, incidentEvents: false, zone: 'Europe/Berlin' }, contentScript());
      expect(refused.ok ? '' : refused.error.message).toMatch(/^The timeline comment on GitLab is public, and 1 entry comes from internal notes: they are not posted there/);
    }
    expect(gitlab.callsOf('editNote')).toHaveLength(0);
    expect(gitlab.issueNotes[0]!.body).toBe(`${TIMELINE_MARKER}\nold`);
  });

  it('a public comment posted on purpose with internal entries can be updated with those entries, but given no new ones', async () => {
    const secret = { ...DATA, entries: [...DATA.entries, { id: 'c', at: '2025-03-04T11:00:00.000Z', text: 'license key shared', internal: true as const }] };
    dataOf(await save(0, secret));
    expect(dataOf<TimelinePublishResult>(await publish(1))).toMatchObject({ action: 'created', internal: false });
    dataOf(await save(1, { ...secret, entries: [...secret.entries, { id: 'd', at: '2025-03-04T12:00:00.000Z', text: 'Customer confirmed' }] }));
    expect(dataOf<TimelinePublishResult>(await publish(2)).action).toBe('updated');
    dataOf(await save(2, { ...secret, entries: [...secret.entries, { id: 'e', at: '2025-03-04T12:30:00.000Z', text: 'root password', internal: true }] }));
    const refused = await publish(3);
    expect(refused.ok ? '' : refused.error.message).toMatch(/^The timeline comment on GitLab is public, and 1 entry comes from internal notes/);
    expect(gitlab.issueNotes[0]!.body).not.toContain('root password');
  });

  it('retro notes holding timeline entries from internal notes are posted internal, and never written into a public one', async () => {
    const secret = { ...DATA, entries: [...DATA.entries, { id: 'c', at: '2025-03-04T11:00:00.000Z', text: 'license key shared', internal: true as const }] };
    dataOf(await save(0, secret));
    dataOf(await route({ type: 'retro:notes', ref: REF, zone: 'UTC' }, contentScript()));
    expect(gitlab.callsOf('createNote').map((call) => call.args[3])).toEqual([true]);
    gitlab.issueNotes[0]!.internal = false; // as if an earlier, public version of the notes were there
    dataOf(await save(1, { ...secret, entries: [...secret.entries, { id: 'd', at: '2025-03-04T12:00:00.000Z', text: 'more' }] }));
    const refused = await route({ type: 'retro:notes', ref: REF, zone: 'UTC' }, contentScript());
    expect(refused.ok ? '' : refused.error.message).toMatch(/^The comment on GitLab is public/);
    expect(gitlab.callsOf('editNote')).toHaveLength(0);
  });

  it("leaves someone else's timeline comment alone and posts its own", async () => {
    gitlab.issueNotes = [{ id: 1, body: `${TIMELINE_MARKER}\nold`, system: false, created_at: '2025-03-04T00:00:00Z', author: { id: 2, username: 'someone-else', name: 'S' } }];
    dataOf(await save(0));
    expect(dataOf<TimelinePublishResult>(await publish(1)).action).toBe('created');
    expect(gitlab.issueNotes.map((n) => n.id)).toEqual([1, 9001]);
  });

  it('publishes only the saved revision: a stale tab is told to review first, and nothing is sent', async () => {
    dataOf(await save(0));
    dataOf(await save(1));
    const stale = await publish(1);
    expect(stale.ok ? '' : stale.error.message).toContain('changed in another tab');
    expect(stale.ok ? '' : stale.error.kind).toBe('stale-draft');
    expect(gitlab.calls.filter((c) => c.method !== 'getIssue')).toHaveLength(0);
  });

  it('explains that incident events need an incident; on an incident writes them once, with GitLab tags only', async () => {
    dataOf(await save(0));
    const plain = dataOf<TimelinePublishResult>(await publish(1, true));
    expect(plain.incidentEvents).toEqual({ unavailable: expect.stringContaining('only on incident issues') });
    expect(gitlab.callsOf('graphql')).toHaveLength(0);

    gitlab.issue.issue_type = 'incident';
    const first = dataOf<TimelinePublishResult>(await publish(1, true));
    expect(first.incidentEvents).toEqual({ created: 2, alreadyThere: 0, refused: [], stopped: null, notSent: 0 });
    expect(gitlab.timelineEvents.map((e) => e.tags)).toEqual([['Impact detected'], ['Impact mitigated']]);
    const again = dataOf<TimelinePublishResult>(await publish(1, true));
    expect(again.incidentEvents).toMatchObject({ created: 0, alreadyThere: 2 });
    expect(gitlab.timelineEvents).toHaveLength(2);
  });

  it('stops at the first failed event request, reports what was not sent, and the next publish fills the gap without duplicates', async () => {
    gitlab.issue.issue_type = 'incident';
    dataOf(await save(0));
    gitlab.failAfterStore('graphql', new GitLabRequestError(errorFromResponse(502, { message: '502 Bad Gateway' })));
    const report = dataOf<TimelinePublishResult>(await publish(1, true)).incidentEvents;
    expect(report).toMatchObject({ created: 0, notSent: 2, stopped: { kind: 'server', status: 502 } });
    expect(gitlab.callsOf('graphql')).toHaveLength(2); // the list, then one create: no retry
    // The draft remembers it, so a reloaded panel still says the events are missing.
    expect(dataOf<DraftView>(await load()).published).toMatchObject({ revision: 1, eventsMissing: 2 });
    const again = dataOf<TimelinePublishResult>(await publish(1, true)).incidentEvents;
    expect(again).toMatchObject({ created: 1, alreadyThere: 1, stopped: null });
    expect(gitlab.timelineEvents).toHaveLength(2);
    expect(dataOf<DraftView>(await load()).published).not.toHaveProperty('eventsMissing');
  });
});
