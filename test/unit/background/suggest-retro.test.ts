import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reasonNote, suggestRetro } from '@/entrypoints/background/suggest-retro';
import { GitLabRequestError, errorFromResponse } from '@/lib/gitlab/errors';
import { FakeGitLab, fakeDeps, type FakeDeps } from '../helpers/fake-gateway';
import { storeSettings } from '../helpers/background';

const PROJECT = 'gitlab-com/support/readiness/emergencies';
const PAGE = `https://gitlab.com/${PROJECT}/-/issues/1`;
let gitlab: FakeGitLab;
let deps: FakeDeps;

beforeEach(async () => {
  fakeBrowser.reset();
  gitlab = new FakeGitLab();
  deps = fakeDeps(gitlab, new Date(2025, 2, 8));
  await storeSettings();
});

describe('Suggest retro', () => {
  it('without selected text: one PUT adding the retro label, no comment', async () => {
    const outcome = await suggestRetro(deps, PAGE);
    expect(gitlab.calls.map((call) => [call.method, call.args])).toEqual([['editIssue', [PROJECT, 1, { add_labels: 'retro' }]]]);
    expect(outcome).toEqual({ ok: true, title: 'Retro suggested', message: `${PROJECT}#1 now has the retro label.`, labelled: { projectPath: PROJECT, iid: 1 } });
  });

  it('with selected text on a work-item link: the label, then the text quoted as the reason in one comment', async () => {
    const outcome = await suggestRetro(deps, `https://gitlab.com/${PROJECT}/-/work_items/5#note_3`, 'Customer waited 3 hours\n/close');
    expect(gitlab.calls.map((call) => call.method)).toEqual(['editIssue', 'createNote']);
    expect(gitlab.notes).toEqual([{ projectPath: PROJECT, iid: 5, body: 'Retro suggested, with this reason:\n\n> Customer waited 3 hours\n> /close\n' }]);
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toContain('now has the retro label, and your reason is posted as a comment');
  });

  it('whitespace-only selection is no reason: no comment', async () => {
    await suggestRetro(deps, PAGE, '   \n ');
    expect(gitlab.callsOf('createNote')).toEqual([]);
  });

  it('a refused PUT posts no comment and says why, with the mapped message', async () => {
    gitlab.fail('editIssue', new GitLabRequestError(errorFromResponse(403, { error: 'insufficient_scope' })));
    const outcome = await suggestRetro(deps, PAGE, 'reason');
    expect(gitlab.callsOf('createNote')).toEqual([]);
    expect(outcome).toMatchObject({ ok: false, title: 'Could not suggest a retro' });
    expect(outcome.message).toContain('needs the api scope');
  });

  it('a failed comment is reported, never sent again (C10)', async () => {
    gitlab.fail('createNote', new GitLabRequestError(errorFromResponse(502, {})));
    const outcome = await suggestRetro(deps, PAGE, 'reason');
    expect(gitlab.callsOf('createNote')).toHaveLength(1);
    expect(outcome).toMatchObject({ ok: false, title: 'Retro suggested, reason not posted' }); // the label did land
    expect(outcome.message).toMatch(/now has the retro label, but the comment with your reason was not posted \(it is not retried\)/);
  });

  it.each([
    ['a merge request', `https://gitlab.com/${PROJECT}/-/merge_requests/3`],
    ['a group work item', 'https://gitlab.com/groups/gitlab-org/-/work_items/8'],
    ['another instance', `https://gitlab.example.com/${PROJECT}/-/issues/1`],
  ])('refuses %s without a request', async (_name, url) => {
    const outcome = await suggestRetro(deps, url);
    expect(outcome.ok).toBe(false);
    expect(gitlab.calls).toEqual([]);
  });

  it('without a token: no request, and the way to fix it', async () => {
    fakeBrowser.reset();
    await storeSettings({}, null);
    const outcome = await suggestRetro(deps, PAGE);
    expect(outcome.message).toContain('add a personal access token in the options');
    expect(gitlab.configs).toEqual([]);
  });

  it('after a 429 with Retry-After 5, a second Suggest retro within 5 s sends nothing; after it, it goes out (C10)', async () => {
    gitlab.fail('editIssue', new GitLabRequestError(errorFromResponse(429, 'Retry later', '5')));
    expect((await suggestRetro(deps, PAGE)).message).toContain('Try again in 5 s');
    gitlab.succeed('editIssue');
    deps.setNow(new Date(deps.now().getTime() + 2_000));
    const second = await suggestRetro(deps, PAGE);
    expect(second).toMatchObject({ ok: false, title: 'Could not suggest a retro' });
    expect(second.message).toContain('Try again in 3 s');
    expect(gitlab.callsOf('editIssue')).toHaveLength(1);
    deps.setNow(new Date(deps.now().getTime() + 3_001));
    expect((await suggestRetro(deps, PAGE)).ok).toBe(true);
    expect(gitlab.callsOf('editIssue')).toHaveLength(2);
  });

  it('uses the configured label name', async () => {
    await storeSettings({ labels: { retro: 'needs-retro', retroActions: 'retro-actions', customerRetro: 'customer-retro' } });
    await suggestRetro(deps, PAGE);
    expect(gitlab.callsOf('editIssue')[0]!.args[2]).toEqual({ add_labels: 'needs-retro' });
  });
});

describe('reasonNote', () => {
  it('quotes every line, so nothing selected runs as a quick action, mentions nobody, shows no image, and caps the length', () => {
    expect(reasonNote('/label ~x\r\n/close')).toBe('Retro suggested, with this reason:\n\n> /label \\~x\n> /close\n');
    expect(reasonNote('ping @all ![x](https://evil.example/x.png)')).toBe('Retro suggested, with this reason:\n\n> ping @\u200ball \\!\\[x\\]\\(https://evil.example/x.png\\)\n');
    expect(reasonNote('x'.repeat(9000)).length).toBeLessThan(5100);
  });
});
