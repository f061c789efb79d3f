import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter } from '@/entrypoints/background/router';
import { errorFromResponse, GitLabRequestError } from '@/lib/gitlab/errors';
import type { Result } from '@/lib/messaging';
import { followUpMarker } from '@/lib/retro/follow-up-text';
import { projectIssueFixture } from '../helpers/gitlab-fixtures';
import { FakeGitLab, SAM, fakeDeps } from '../helpers/fake-gateway';
import { EMERGENCY_PROJECT, ENV, REF, contentScript, storeSettings } from '../helpers/background';

const NOW = new Date(2026, 11, 3, 10, 0, 0);
const FINDING = { id: 'fabc123', list: 'couldBeBetter' as const, text: 'Geo replication stalls silently after a network change', type: 'bug' as const };
const EMERGENCY_REFERENCE = `${EMERGENCY_PROJECT}#1`;

let gitlab: FakeGitLab;
let route: ReturnType<typeof createRouter>;

beforeEach(async () => {
  fakeBrowser.reset();
  gitlab = new FakeGitLab();
  route = createRouter(fakeDeps(gitlab, NOW), ENV);
  await storeSettings({ retroLeads: ['lee-lead', 'sam-support', 'lina-leader'] });
});

function dataOf<T>(reply: Result<unknown>): T {
  expect(JSON.parse(JSON.stringify(reply))).toEqual(reply);
  if (!reply.ok) throw new Error(`expected success, got ${reply.error.kind}: ${reply.error.message}`);
  return reply.data as T;
}

const create = (finding: typeof FINDING | { [K in keyof typeof FINDING]: unknown } = FINDING) =>
  route({ type: 'followup:create', ref: REF, finding }, contentScript());
const checkIn = (target = 'gitlab-org/gitlab#7') => route({ type: 'followup:checkin', ref: REF, finding: { ...FINDING, type: 'pm-checkin' }, target }, contentScript());

describe('followup:create', () => {
  it('creates one issue in the configured project, labelled, describing and linking the emergency', async () => {
    const { followUp, linked } = dataOf<{ followUp: { reference: string; kind: string }; linked: boolean }>(await create());
    const [call] = gitlab.callsOf('createIssue');
    expect(gitlab.callsOf('createIssue')).toHaveLength(1);
    const [project, issue] = call!.args as [string, { title: string; description: string; labels: string[] }];
    expect(project).toBe('gitlab-org/gitlab');
    expect(issue.labels).toEqual(['customer-retro', 'type::bug']);
    expect(issue.title).toBe(FINDING.text);
    expect(issue.description).toContain(followUpMarker(EMERGENCY_REFERENCE, FINDING.id));
    expect(issue.description).toContain(projectIssueFixture().web_url);
    expect(gitlab.links).toEqual([[REF, { projectPath: 'gitlab-org/gitlab', iid: 100 }]]);
    expect({ followUp, linked }).toMatchObject({ followUp: { reference: 'gitlab-org/gitlab#100', kind: 'created' }, linked: true });
  });

  it('clicking again returns the same follow-up and sends nothing', async () => {
    dataOf(await create());
    const before = gitlab.calls.length;
    expect(dataOf<{ followUp: { reference: string } }>(await create()).followUp.reference).toBe('gitlab-org/gitlab#100');
    expect(gitlab.calls.length).toBe(before);
  });

  it('a create that GitLab stored but answered 502: the retry finds it by its marker, one issue only (case C10)', async () => {
    gitlab.failAfterCreate = new GitLabRequestError(errorFromResponse(502, {}));
    const failed = await create();
    expect(failed.ok).toBe(false);
    const { followUp } = dataOf<{ followUp: { reference: string } }>(await create());
    expect(gitlab.callsOf('createIssue')).toHaveLength(1);
    expect(gitlab.otherIssues).toHaveLength(1);
    expect(followUp.reference).toBe('gitlab-org/gitlab#100');
    expect(gitlab.callsOf('searchIssues')[0]!.args).toEqual(['gitlab-org/gitlab', FINDING.id, { in: 'description', state: 'all' }]);
  });

  it('a create that GitLab stored but answered 502, retried after the type changed: found where it went, no second issue', async () => {
    gitlab.failAfterCreate = new GitLabRequestError(errorFromResponse(502, {}));
    expect((await create()).ok).toBe(false);
    const { followUp } = dataOf<{ followUp: { reference: string } }>(await create({ ...FINDING, type: 'kb-article' }));
    expect(gitlab.callsOf('createIssue')).toHaveLength(1);
    expect(followUp.reference).toBe('gitlab-org/gitlab#100');
  });

  it('a create that failed before GitLab stored anything is made on retry, once', async () => {
    gitlab.fail('createIssue', new GitLabRequestError(errorFromResponse(500, {})));
    expect((await create()).ok).toBe(false);
    gitlab.succeed('createIssue');
    dataOf(await create());
    expect(gitlab.otherIssues).toHaveLength(1);
  });

  it('a failed link keeps the issue and says it is not linked', async () => {
    gitlab.fail('linkIssues', new GitLabRequestError(errorFromResponse(403, {})));
    expect(dataOf<{ linked: boolean }>(await create()).linked).toBe(false);
    expect(gitlab.otherIssues).toHaveLength(1);
  });

  it('refuses a malformed finding before any request', async () => {
    const reply = await create({ ...FINDING, text: '   ' });
    expect(reply.ok).toBe(false);
    expect(gitlab.calls).toHaveLength(0);
  });
});

describe('followup:checkin', () => {
  beforeEach(() => {
    gitlab.otherIssues.push({ projectPath: 'gitlab-org/gitlab', issue: { ...projectIssueFixture(), iid: 7, title: 'Geo replication', description: '', web_url: 'https://gitlab.com/gitlab-org/gitlab/-/issues/7' } });
  });

  it('posts one comment quoting the finding with a link back, and adds customer-retro', async () => {
    const { followUp } = dataOf<{ followUp: { reference: string; kind: string } }>(await checkIn());
    expect(followUp).toMatchObject({ reference: 'gitlab-org/gitlab#7', kind: 'check-in' });
    const [note] = gitlab.callsOf('createNote');
    expect(note!.args.slice(0, 2)).toEqual(['gitlab-org/gitlab', 7]);
    expect(String(note!.args[2])).toContain(followUpMarker(EMERGENCY_REFERENCE, FINDING.id));
    expect(gitlab.callsOf('editIssue').map((call) => call.args)).toEqual([['gitlab-org/gitlab', 7, { add_labels: 'customer-retro' }]]);
    // The target is read once: its check, and its link for the panel.
    expect(gitlab.callsOf('getIssue').filter((call) => call.args[0] === 'gitlab-org/gitlab')).toHaveLength(1);
  });

  it('accepts the issue URL too, and never comments twice', async () => {
    dataOf(await checkIn('https://gitlab.com/gitlab-org/gitlab/-/issues/7'));
    dataOf(await checkIn('https://gitlab.com/gitlab-org/gitlab/-/issues/7'));
    expect(gitlab.callsOf('createNote')).toHaveLength(1);
  });

  it('a check-in GitLab stored but answered 502 is not posted again on another issue named in the retry', async () => {
    gitlab.otherIssues.push({ projectPath: 'gitlab-org/gitlab', issue: { ...projectIssueFixture(), iid: 8, title: 'Other', description: '', web_url: 'https://gitlab.com/gitlab-org/gitlab/-/issues/8' } });
    gitlab.failAfterStore('createNote', new GitLabRequestError(errorFromResponse(502, {})));
    expect((await checkIn('gitlab-org/gitlab#7')).ok).toBe(false);
    const { followUp } = dataOf<{ followUp: { reference: string } }>(await checkIn('gitlab-org/gitlab#8'));
    expect(followUp.reference).toBe('gitlab-org/gitlab#7');
    expect(gitlab.callsOf('createNote')).toHaveLength(1);
  });

  it('an issue created by an attempt GitLab stored but answered 502 is the follow-up, even when the type changed to a check-in', async () => {
    gitlab.failAfterCreate = new GitLabRequestError(errorFromResponse(502, {}));
    expect((await create()).ok).toBe(false);
    const { followUp } = dataOf<{ followUp: { reference: string; kind: string } }>(await checkIn('gitlab-org/gitlab#7'));
    const created = gitlab.otherIssues.at(-1)!.issue;
    expect(followUp).toMatchObject({ reference: `gitlab-org/gitlab#${created.iid}`, kind: 'created' });
    expect(gitlab.callsOf('createNote')).toHaveLength(0);
    expect(gitlab.callsOf('linkIssues')).toHaveLength(1);
  });

  it('a check-in GitLab stored but answered 502 is the follow-up when the type changed to a new issue: no issue is created', async () => {
    gitlab.failAfterStore('createNote', new GitLabRequestError(errorFromResponse(502, {})));
    expect((await checkIn('gitlab-org/gitlab#7')).ok).toBe(false);
    const { followUp } = dataOf<{ followUp: { reference: string; kind: string } }>(await create());
    expect(followUp).toMatchObject({ reference: 'gitlab-org/gitlab#7', kind: 'check-in' });
    expect(gitlab.callsOf('createIssue')).toHaveLength(0);
    expect(gitlab.callsOf('searchIssues')).toHaveLength(0); // no search in a "project" named gitlab-org/gitlab#7
  });

  it('says how to name the issue when the target is not an issue', async () => {
    const reply = await checkIn('the geo issue');
    expect(reply.ok ? '' : reply.error.message).toMatch(/URL or as group\/project#123/);
    expect(gitlab.calls).toHaveLength(0);
  });
});

describe('followup:similar and retro:leads', () => {
  it('offers open issues with similar titles in the target project', async () => {
    gitlab.otherIssues.push(
      { projectPath: 'gitlab-org/gitlab', issue: { ...projectIssueFixture(), iid: 11, title: 'Geo: replication stalled after network change', description: '' } },
      { projectPath: 'gitlab-org/gitlab', issue: { ...projectIssueFixture(), iid: 12, title: 'Dark mode for settings', description: '' } },
    );
    const { candidates } = dataOf<{ candidates: { reference: string }[] }>(
      await route({ type: 'followup:similar', ref: REF, followUpType: 'bug', title: FINDING.text }, contentScript()),
    );
    expect(candidates.map((candidate) => candidate.reference)).toEqual(['gitlab-org/gitlab#11']);
    expect(gitlab.callsOf('searchIssues').length).toBeLessThanOrEqual(2);
  });

  it('offers nothing for a finding with an attempt on record (after a 502 and a reload): its own issue is not "similar"', async () => {
    gitlab.failAfterCreate = new GitLabRequestError(errorFromResponse(502, {}));
    expect((await create()).ok).toBe(false);
    const searches = gitlab.callsOf('searchIssues').length;
    const { candidates } = dataOf<{ candidates: unknown[] }>(
      await route({ type: 'followup:similar', ref: REF, followUpType: 'bug', title: FINDING.text, findingId: FINDING.id }, contentScript()),
    );
    expect(candidates).toEqual([]);
    expect(gitlab.callsOf('searchIssues')).toHaveLength(searches);
  });

  it('suggests leads from the pool who did not take part in the emergency', async () => {
    gitlab.participants = [SAM];
    const data = dataOf<{ suggestions: string[]; poolSize: number }>(await route({ type: 'retro:leads', ref: REF }, contentScript()));
    expect(data.suggestions).toEqual(['lee-lead', 'lina-leader']);
    expect(data.poolSize).toBe(3);
  });
});
