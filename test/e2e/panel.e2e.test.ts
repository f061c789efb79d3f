import { describe, expect, it } from 'vitest';
import { focusedInPanel, retroPanel } from '../browser/configure';
import { EMERGENCIES_PATH, GITLAB_PATH } from '../sandbox/seed';
import { issueUrl, useSession } from './session';

const session = useSession();

describe('the retro panel on emergency issues', () => {
  it.each([
    ['classic issue', 'issues/1'],
    ['work item', 'work_items/2'],
    ['incident', 'issues/incident/3'],
  ])('appears once on a %s', async (_name, path) => {
    const page = await session.browser.context.newPage();
    await page.goto(issueUrl(EMERGENCIES_PATH, path));
    await expect.poll(() => retroPanel(page).count()).toBe(1);
    await retroPanel(page).getByTestId('status-assignees').filter({ hasText: '@sam-support' }).waitFor();
    // Mounted inside the issue's right sidebar, not floating.
    const layout = await page.locator('emergency-retro-panel').getAttribute('data-layout');
    expect(layout === 'classic' || layout === 'work-item').toBe(true);
    await page.close();
  });

  it("does not appear on another project's issue, and sends nothing to GitLab there", async () => {
    const page = await session.browser.context.newPage();
    await page.goto(issueUrl(GITLAB_PATH, 'issues/7'));
    await page.waitForTimeout(1500);
    expect(await retroPanel(page).count()).toBe(0);
    expect(session.sandbox.apiRequests()).toHaveLength(0);
    await page.close();
  });

  it('Apply sends exactly one PUT with the merged assignees, the label and the due date, then Undo reverts it', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(issueUrl(EMERGENCIES_PATH, 'issues/1'));
    const panel = retroPanel(page);
    await panel.getByTestId('preview').filter({ hasText: 'assign @maria-manager' }).waitFor();
    await panel.getByRole('button', { name: 'Apply retro-actions' }).click();
    await panel.getByTestId('outcome').filter({ hasText: 'GitLab now has' }).waitFor();

    const puts = session.sandbox.apiRequests().filter((request) => request.method === 'PUT');
    expect(puts).toHaveLength(1);
    const expectedDue = await page.evaluate(() => {
      const date = new Date();
      date.setDate(date.getDate() + 7);
      return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    });
    expect(puts[0]!.path).toBe(`/api/v4/projects/${encodeURIComponent(EMERGENCIES_PATH)}/issues/1`);
    expect(JSON.parse(puts[0]!.body)).toEqual({ add_labels: 'retro-actions', due_date: expectedDue, assignee_ids: [101, 102] });
    await expect.poll(() => panel.getByTestId('status-assignees').textContent()).toContain('@maria-manager');

    await panel.getByRole('button', { name: 'Undo' }).click();
    await panel.getByTestId('outcome').filter({ hasText: 'Undone' }).waitFor();
    const undo = session.sandbox.apiRequests().filter((request) => request.method === 'PUT');
    expect(undo).toHaveLength(2);
    expect(JSON.parse(undo[1]!.body)).toEqual({ remove_labels: 'retro-actions', due_date: null, assignee_ids: [101] });
    await page.close();
  });

  it('keyboard: Enter on Apply keeps focus in the panel while it works and after it is done', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(issueUrl(EMERGENCIES_PATH, 'issues/1'));
    const panel = retroPanel(page);
    await panel.getByTestId('preview').filter({ hasText: 'assign @maria-manager' }).waitFor();
    await panel.getByRole('button', { name: 'Apply retro-actions' }).focus();
    await page.keyboard.press('Enter');
    await panel.getByTestId('outcome').filter({ hasText: 'GitLab now has' }).waitFor();
    // The button is disabled now (applied), so focus moved to the panel rather than GitLab's page.
    await expect.poll(() => focusedInPanel(page)).toBe('section: Retro');
    await page.keyboard.press('Tab');
    expect(await focusedInPanel(page)).not.toBe('');
    await page.close();
  });

  it('says retro-actions are applied and sends no write when they already are', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(issueUrl(EMERGENCIES_PATH, 'issues/5'));
    const panel = retroPanel(page);
    await panel.getByTestId('preview').filter({ hasText: 'Retro-actions are applied' }).waitFor();
    await expect.poll(() => panel.getByRole('button', { name: 'Apply retro-actions' }).isDisabled()).toBe(true);
    expect(session.sandbox.apiRequests().filter((request) => request.method !== 'GET')).toHaveLength(0);
    await page.close();
  });

  it('adds the retro label from the panel in one request (handbook step 1)', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(issueUrl(EMERGENCIES_PATH, 'issues/4'));
    const panel = retroPanel(page);
    await panel.getByRole('button', { name: 'Add the retro label' }).click();
    await expect.poll(() => panel.getByTestId('status-retro').textContent()).toContain('✓');
    const writes = session.sandbox.apiRequests().filter((request) => request.method === 'PUT');
    expect(writes.map((request) => JSON.parse(request.body))).toEqual([{ add_labels: 'retro' }]);
    expect(await panel.getByTestId('retro-label-hint').count()).toBe(0);
    await page.close();
  });

  it('finds a manager missing from the roster by GitLab user search and adds the pair', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(issueUrl(EMERGENCIES_PATH, 'issues/4'));
    const panel = retroPanel(page);
    await panel.getByTestId('manager').filter({ hasText: 'choose the engineer first' }).waitFor();
    await panel.getByLabel('Responding support engineer').fill('lee-lead');
    await panel.getByLabel('Search GitLab users').fill('lina');
    await panel.getByRole('button', { name: 'Search' }).click();
    await panel.getByRole('button', { name: /Use @lina-leader/ }).click();
    await panel.getByTestId('manager').filter({ hasText: '@lina-leader' }).waitFor();
    await panel.getByRole('button', { name: 'Apply retro-actions' }).click();
    await panel.getByTestId('outcome').filter({ hasText: 'GitLab now has' }).waitFor();
    const put = session.sandbox.apiRequests().find((request) => request.method === 'PUT');
    expect(JSON.parse(put!.body).assignee_ids).toEqual([104]);
    await page.close();
  });

  it('follows client-side navigation: one panel, showing the issue the URL now names (cases C1, C3)', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`https://gitlab.com/${EMERGENCIES_PATH}/-/issues`);
    const panelRef = () => retroPanel(page).getByTestId('panel-ref');
    await page.locator('a[data-sandbox-spa][href$="/-/issues/1"]').first().click();
    await expect.poll(() => panelRef().textContent()).toBe('emergencies#1');
    // GitLab replaced the whole sidebar: the panel is back in the new one, once.
    await page.getByTestId('sandbox-next-issue').click();
    await expect.poll(() => panelRef().textContent()).toBe('emergencies#2');
    // Two navigations in quick succession: the panel ends on the last one.
    await page.evaluate((project) => {
      history.pushState({}, '', `/${project}/-/issues/4`);
      history.pushState({}, '', `/${project}/-/issues/3#note_12`);
    }, EMERGENCIES_PATH);
    await expect.poll(() => panelRef().textContent()).toBe('emergencies#3');
    await retroPanel(page).getByTestId('status-assignees').waitFor();
    expect(await retroPanel(page).count()).toBe(1);
    expect(await page.locator('emergency-retro-panel').count()).toBe(1);
    // Leaving for a page that is not an issue removes the panel.
    await page.evaluate(() => history.pushState({}, '', '/'));
    await expect.poll(() => retroPanel(page).count()).toBe(0);
    await page.close();
  });
});
