import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { retroPanel } from '../browser/configure';
import { EMERGENCIES_PATH } from '../sandbox/seed';
import { issueUrl, useSession } from './session';

const session = useSession();
const GITLAB_PROJECT = 2002;

async function openPanel(iid: number): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(issueUrl(EMERGENCIES_PATH, `issues/${iid}`));
  await retroPanel(page).getByTestId('findings').waitFor();
  return page;
}

/** Types a finding into a list and picks its follow-up type, as a person would. */
async function addFinding(page: Page, list: string, text: string, followUp?: string) {
  const panel = retroPanel(page);
  await panel.getByRole('button', { name: `Add to “${list}”` }).click();
  const field = panel.getByLabel(new RegExp(`^${list} \\d+$`)).last();
  await field.fill(text);
  if (followUp) await panel.getByLabel(new RegExp(`^Follow-up for ${list} \\d+$`)).last().selectOption({ label: followUp });
}

const createdIssues = () => session.sandbox.state.issues.filter((issue) => issue.projectId === GITLAB_PROJECT && issue.labels.includes('customer-retro') && issue.description.includes('emergency-retro:follow-up'));

describe('findings and follow-ups', () => {
  it('creates a bug follow-up in the configured project, labelled, describing and linked to the emergency', async () => {
    const page = await openPanel(1);
    await addFinding(page, 'What could have gone better', 'Support had no runbook for a stalled secondary site', 'New bug issue');
    await retroPanel(page).getByRole('button', { name: 'Create: new bug issue' }).click();
    await retroPanel(page).getByTestId('follow-up-link').waitFor();
    const [issue] = createdIssues();
    expect(createdIssues()).toHaveLength(1);
    expect(issue!.labels.sort()).toEqual(['customer-retro', 'type::bug']);
    expect(issue!.title).toBe('Support had no runbook for a stalled secondary site');
    expect(issue!.description).toContain(`https://gitlab.com/${EMERGENCIES_PATH}/-/issues/1`);
    expect(session.sandbox.state.issueLinks).toEqual([expect.objectContaining({ source: { projectId: 1001, iid: 1 }, target: { projectId: GITLAB_PROJECT, iid: issue!.iid } })]);
    await page.close();
  });

  it('a create that GitLab stored but answered 502: trying again leaves exactly one issue (case C10)', async () => {
    const page = await openPanel(4);
    await addFinding(page, 'Suggestions', 'Page the Geo on-call for every stalled secondary', 'New bug issue');
    session.sandbox.fail({ method: 'POST', path: '/api/v4/projects/gitlab-org%2Fgitlab/issues', status: 502, afterApply: true });
    const create = retroPanel(page).getByRole('button', { name: 'Create: new bug issue' });
    await create.click();
    await expect.poll(() => retroPanel(page).getByRole('alert').first().textContent()).toMatch(/\(502\)/);
    await create.click();
    await retroPanel(page).getByTestId('follow-up-link').waitFor();
    expect(createdIssues()).toHaveLength(1);
    const posts = session.sandbox.apiRequests().filter((request) => request.method === 'POST' && request.path.endsWith('/issues'));
    expect(posts).toHaveLength(1);
    await page.close();
  });

  it('offers a similar open issue; taking it posts a check-in there instead of a duplicate', async () => {
    const page = await openPanel(3);
    await addFinding(page, 'What could have gone better', 'Geo replication queue never drains on large repositories', 'New bug issue');
    await retroPanel(page).getByRole('button', { name: 'Create: new bug issue' }).click();
    await retroPanel(page).getByTestId('similar').waitFor();
    await retroPanel(page).getByRole('button', { name: 'Check in there instead' }).first().click();
    await retroPanel(page).getByTestId('follow-up-link').filter({ hasText: 'gitlab-org/gitlab#7' }).waitFor();
    expect(createdIssues()).toHaveLength(0);
    const target = session.sandbox.state.issues.find((issue) => issue.projectId === GITLAB_PROJECT && issue.iid === 7)!;
    expect(target.labels).toContain('customer-retro');
    const checkIns = session.sandbox.state.notes.filter((note) => note.body.includes('emergency-retro:follow-up'));
    expect(checkIns).toHaveLength(1);
    await page.close();
  });

  it('a similar issue whose title holds a long URL wraps inside the narrow panel: nothing reaches past its edge', async () => {
    const similar = session.sandbox.state.issues.find((issue) => issue.projectId === GITLAB_PROJECT && issue.iid === 7)!;
    similar.title = `Geo replication queue never drains, see https://gitlab.com/g/p/-/issues/1/designs/${'screenshot_of_the_queue_'.repeat(4)}.png`;
    const page = await openPanel(3);
    await addFinding(page, 'What could have gone better', `Geo replication queue never drains https://gitlab.com/gitlab-org/gitlab/-/jobs/${'1234567890'.repeat(5)}`, 'New bug issue');
    await retroPanel(page).getByRole('button', { name: 'Create: new bug issue' }).click();
    await retroPanel(page).getByTestId('similar').waitFor();
    // Nothing in the panel reaches past its right edge.
    const beyond = await page.evaluate(() => {
      const host = document.querySelector('emergency-retro-panel')!;
      const right = host.getBoundingClientRect().right;
      return [...host.shadowRoot!.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > right + 1).map((el) => el.localName);
    });
    expect(beyond).toEqual([]);
    await page.close();
  });

  it('a PM check-in on an existing issue named by reference; the issue typed for it and the retro lead survive a reload', async () => {
    const page = await openPanel(5);
    await addFinding(page, 'Open questions', 'Will the registry get a read-only mode?', 'Check-in with the PM on an existing issue');
    await retroPanel(page).getByLabel('Existing issue for the PM check-in').fill('gitlab-org/gitlab#13');
    // What is typed in the panel's fields survives a reload: the check-in's issue, and the retro lead.
    const notesSection = retroPanel(page).getByTestId('retro-notes');
    await notesSection.locator('summary').click();
    await notesSection.getByLabel('Retro lead (optional)').fill('lee-lead');
    await expect.poll(() => retroPanel(page).getByTestId('draft-status').last().textContent()).toMatch(/Draft saved/);
    await page.reload();
    await expect.poll(() => retroPanel(page).getByLabel('Existing issue for the PM check-in').inputValue()).toBe('gitlab-org/gitlab#13');
    await retroPanel(page).getByTestId('retro-notes').locator('summary').click();
    expect(await retroPanel(page).getByTestId('retro-notes').getByLabel('Retro lead (optional)').inputValue()).toBe('lee-lead');
    await retroPanel(page).getByRole('button', { name: 'Post check-in' }).click();
    await retroPanel(page).getByTestId('follow-up-link').filter({ hasText: 'gitlab-org/gitlab#13' }).waitFor();
    const notes = session.sandbox.state.notes.filter((note) => note.body.includes('read-only mode'));
    expect(notes).toHaveLength(1);
    await page.close();
  });

  it('the checklist ticks steps live and highlights Apply exactly when open items remain', async () => {
    const page = await openPanel(2);
    const checklist = retroPanel(page).getByTestId('checklist');
    await expect.poll(() => checklist.locator('[data-step="retro-label"]').getAttribute('data-done')).toBe('yes');
    expect(await retroPanel(page).getByTestId('apply-due').count()).toBe(0);
    await addFinding(page, 'Open questions', 'Who owns runner token rotation docs?');
    await expect.poll(() => retroPanel(page).getByTestId('apply-due').count()).toBe(1);
    expect(await checklist.locator('[data-step="retro-actions"]').getAttribute('data-done')).toBe('no');
    await retroPanel(page).getByRole('button', { name: 'Apply retro-actions' }).click();
    await retroPanel(page).getByTestId('outcome').filter({ hasText: 'GitLab now has' }).waitFor();
    await expect.poll(() => retroPanel(page).getByTestId('apply-due').count()).toBe(0);
    expect(await checklist.locator('[data-step="retro-actions"]').getAttribute('data-done')).toBe('yes');
    await page.close();
  });

  it('findings survive a reload; retro notes are posted, then updated in place', async () => {
    const page = await openPanel(2);
    await addFinding(page, 'What went well', 'Sam found the stuck runner token within minutes');
    await addFinding(page, 'Suggestions', 'Document the runner token rotation', 'New knowledge-base article');
    await expect.poll(() => retroPanel(page).getByTestId('draft-status').last().textContent()).toMatch(/Draft saved/);
    await page.reload();
    await expect.poll(() => retroPanel(page).getByLabel('What went well 1', { exact: true }).inputValue()).toBe('Sam found the stuck runner token within minutes');

    const notesSection = retroPanel(page).getByTestId('retro-notes');
    await notesSection.locator('summary').click();
    await notesSection.getByRole('button', { name: 'Post retro notes' }).click();
    await notesSection.getByTestId('notes-outcome').filter({ hasText: 'Retro notes posted' }).waitFor();
    await retroPanel(page).getByLabel('Suggestions 1', { exact: true }).fill('Document the runner token rotation, with screenshots');
    await notesSection.getByRole('button', { name: 'Post retro notes' }).click();
    await notesSection.getByTestId('notes-outcome').filter({ hasText: 'updated in place' }).waitFor();
    const notes = session.sandbox.state.notes.filter((note) => note.body.includes('emergency-retro:retro-notes'));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain('with screenshots');
    expect(notes[0]!.body).toContain('### What went well');
    await page.close();
  });

  it('findings typed in two tabs: reloading the second with the clash still open keeps both', async () => {
    const first = await openPanel(10);
    const second = await openPanel(10);
    await addFinding(first, 'What went well', 'From the first tab');
    await expect.poll(() => retroPanel(first).getByTestId('draft-status').last().textContent()).toMatch(/Draft saved/);
    await addFinding(second, 'Open questions', 'From the second tab');
    await retroPanel(second).getByTestId('draft-conflict').filter({ hasText: '(1 finding)' }).waitFor();
    await second.reload();
    await expect.poll(() => retroPanel(second).getByLabel('Open questions 1', { exact: true }).inputValue()).toBe('From the second tab');
    expect(await retroPanel(second).getByLabel('What went well 1', { exact: true }).inputValue()).toBe('From the first tab');
    expect(await retroPanel(second).getByTestId('draft-conflict').count()).toBe(0);
    await first.close();
    await second.close();
  });
});
