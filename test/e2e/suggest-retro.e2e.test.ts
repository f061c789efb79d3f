import { describe, expect, it } from 'vitest';
import { retroPanel } from '../browser/configure';
import { EMERGENCIES_PATH, GITLAB_PATH } from '../sandbox/seed';
import { badgeText, clickMenu, menuItemExists, notificationIds, restartWorker } from './extension-pages';
import { issueUrl, useSession } from './session';

const session = useSession();
const writes = () => session.sandbox.apiRequests().filter((r) => r.method !== 'GET');
const issue = (iid: number, projectId = 1001) => session.sandbox.state.issues.find((i) => i.iid === iid && i.projectId === projectId)!;
/** Notes on one issue: the sandbox seeds a discussion on other issues (seed-notes.ts). */
const notesOn = (iid: number) => session.sandbox.state.notes.filter((n) => n.issueId === issue(iid).id);

describe('context menu "Suggest retro" (through the listener the menu click calls)', () => {
  it('both menu items exist', async () => {
    expect(await menuItemExists(session.browser.worker!, 'suggest-retro-page')).toBe(true);
    expect(await menuItemExists(session.browser.worker!, 'suggest-retro-link')).toBe(true);
    expect(await menuItemExists(session.browser.worker!, 'no-such-item')).toBe(false);
  });

  it('on an issue page without selection: one PUT adding the label, no comment, a notification; the open panel shows the label', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(issueUrl(EMERGENCIES_PATH, 'issues/1'));
    const retroState = retroPanel(page).getByTestId('status-retro');
    await expect.poll(() => retroState.textContent()).toContain('not applied');
    const outcome = await clickMenu(session.browser.worker!, { menuItemId: 'suggest-retro-page', pageUrl: issueUrl(EMERGENCIES_PATH, 'issues/1') });
    expect(outcome).toMatchObject({ ok: true, title: 'Retro suggested' });
    expect(writes().map((r) => [r.method, r.path, JSON.parse(r.body)])).toEqual([
      ['PUT', `/api/v4/projects/${encodeURIComponent(EMERGENCIES_PATH)}/issues/1`, { add_labels: 'retro' }],
    ]);
    expect(issue(1).labels).toContain('retro');
    expect((await notificationIds(session.browser.worker!)).length).toBeGreaterThan(0);
    // The panel already open on that issue reads it again: no reload needed to see the label.
    await expect.poll(() => retroState.textContent()).not.toContain('not');
    await page.close();
  });

  it('on a link with selected text: the label, then the reason as one quoted comment', async () => {
    const outcome = await clickMenu(session.browser.worker!, {
      menuItemId: 'suggest-retro-link',
      pageUrl: `https://gitlab.com/${GITLAB_PATH}/-/issues/7`,
      linkUrl: issueUrl(EMERGENCIES_PATH, 'work_items/2'),
      selectionText: 'Customer blocked for 3 hours\n/close',
    });
    expect(outcome?.ok).toBe(true);
    expect(writes().map((r) => [r.method, r.path.split('/').slice(-2).join('/')])).toEqual([['PUT', 'issues/2'], ['POST', '2/notes']]);
    expect(notesOn(2).map((n) => n.body)).toEqual(['Retro suggested, with this reason:\n\n> Customer blocked for 3 hours\n> /close\n']);
    expect(issue(2).state).toBe('opened'); // the quoted "/close" ran no quick action
  });

  it('a failed comment is reported and not sent again (C10)', async () => {
    session.sandbox.fail({ method: 'POST', path: '/api/v4/projects', status: 502, afterApply: true });
    const outcome = await clickMenu(session.browser.worker!, { menuItemId: 'suggest-retro-page', pageUrl: issueUrl(EMERGENCIES_PATH, 'issues/4'), selectionText: 'why' });
    expect(outcome).toMatchObject({ ok: false, title: 'Retro suggested, reason not posted' });
    expect(outcome!.message).toContain('not retried');
    expect(writes().filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(notesOn(4)).toHaveLength(1); // GitLab stored it once before answering 502
  });

  it('a read-only answer is explained with the error mapping, and nothing else is sent', async () => {
    session.sandbox.fail({ method: 'PUT', status: 403, body: JSON.stringify({ error: 'insufficient_scope' }), contentType: 'application/json' });
    const outcome = await clickMenu(session.browser.worker!, { menuItemId: 'suggest-retro-page', pageUrl: issueUrl(EMERGENCIES_PATH, 'issues/4'), selectionText: 'why' });
    expect(outcome?.message).toContain('needs the api scope');
    expect(writes()).toHaveLength(1);
  });

  it('refreshes the badge after the write', async () => {
    issue(9).dueDate = '2020-01-01'; // overdue now, as seen by the next refresh
    await clickMenu(session.browser.worker!, { menuItemId: 'suggest-retro-page', pageUrl: issueUrl(EMERGENCIES_PATH, 'issues/9') });
    await expect.poll(() => badgeText(session.browser.worker!)).toBe('2');
  });

  it('after the worker was stopped, the restarted worker has the listener and the menu, and the click works (C6)', async () => {
    const worker = session.browser.worker!;
    await restartWorker(session.browser.context, session.browser.extensionId!, worker);
    expect(await menuItemExists(worker, 'suggest-retro-page')).toBe(true);
    const outcome = await clickMenu(worker, { menuItemId: 'suggest-retro-page', pageUrl: issueUrl(EMERGENCIES_PATH, 'issues/3') });
    expect(outcome?.ok).toBe(true);
    expect(writes().filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('after a 429 with Retry-After 5, a second click sends nothing to GitLab until the wait is over (C10)', async () => {
    session.sandbox.fail({ method: 'PUT', status: 429, headers: { 'Retry-After': '5' }, body: 'Retry later', contentType: 'text/plain' });
    const click = () => clickMenu(session.browser.worker!, { menuItemId: 'suggest-retro-page', pageUrl: issueUrl(EMERGENCIES_PATH, 'issues/5') });
    const started = Date.now();
    expect((await click())?.message).toMatch(/rate limiting your requests\. Try again in 5 s/);
    const second = await click();
    expect(second).toMatchObject({ ok: false, title: 'Could not suggest a retro' });
    expect(second!.message).toMatch(/rate limiting your requests\. Try again in [1-5] s/);
    expect(writes()).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + 5_100 - Date.now())));
    expect((await click())?.ok).toBe(true);
    expect(writes()).toHaveLength(2);
  });

  // An extension reload cannot be driven here: with --load-extension, chrome.runtime.reload() unloads the
  // build for good (ERR_BLOCKED_BY_CLIENT afterwards). The update path is covered by the unit test
  // "installing again (worker restart, update, settings change, all at once) never meets a duplicate id".
});
