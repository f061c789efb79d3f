import { describe, expect, it } from 'vitest';
import { retroPanel } from '../browser/configure';
import { EMERGENCIES_PATH } from '../sandbox/seed';
import { badgeText, openPopup } from './extension-pages';
import { issueUrl, useSession } from './session';

const session = useSession();
const rowKeys = (page: import('playwright-core').Page) => page.getByTestId('retro-row').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.key));
const ref = (iid: number) => `${EMERGENCIES_PATH}#${iid}`;

describe('popup: retros assigned to me', () => {
  it('lists my open retros, overdue first, including ones others created (C12), with two list requests', async () => {
    const page = await openPopup(session.browser.context, session.browser.extensionId!);
    await page.getByTestId('retro-list').waitFor();
    await expect.poll(() => page.getByTestId('popup-status').textContent()).toMatch(/^Updated/);
    // #8 overdue; #5 due in 14 days; #9 suggested, no due date. Not #10 (Maria created it, Lee is assigned), not #11 (closed).
    expect(await rowKeys(page)).toEqual([ref(8), ref(5), ref(9)]);
    expect(await page.getByTestId('retro-row').first().textContent()).toMatch(/Overdue: .*retro-actions applied 9 days ago/);
    const lists = session.sandbox.apiRequests().filter((r) => r.path.startsWith('/api/v4/issues?'));
    expect(lists.map((r) => new URL(r.path, 'https://x').searchParams.get('labels')).sort()).toEqual(['retro', 'retro-actions']);
    expect(lists.every((r) => r.path.includes('scope=assigned_to_me') && r.path.includes('state=opened'))).toBe(true);
    // Label events at most once per retro-actions issue (saving the token may already have fetched them for the badge).
    const events = session.sandbox.apiRequests().filter((r) => r.path.endsWith('/resource_label_events'));
    expect(events.length).toBeLessThanOrEqual(2);
    expect(new Set(events.map((r) => r.path)).size).toBe(events.length);
    expect(await page.getByRole('link', { name: 'Customer emergency: LFS objects missing after migration' }).getAttribute('href'))
      .toBe(`https://gitlab.com/${EMERGENCIES_PATH}/-/issues/8`);
    await page.close();
  });

  it('retro-actions removed and added back on GitLab: Refresh shows the new age, not the cached one', async () => {
    const page = await openPopup(session.browser.context, session.browser.extensionId!);
    await expect.poll(() => page.getByTestId('popup-status').textContent()).toMatch(/^Updated/);
    const row = page.locator(`[data-key="${ref(8)}"]`);
    expect(await row.getByTestId('applied').textContent()).toBe('retro-actions applied 9 days ago');
    // What GitLab keeps when someone takes the label off and puts it back: two label events, a new updated_at.
    const issue = session.sandbox.state.issues.find((i) => i.iid === 8 && i.projectId === 1001)!;
    const now = new Date().toISOString();
    const id = Math.max(1000, ...session.sandbox.state.labelEvents.map((e) => e.id));
    session.sandbox.state.labelEvents.push(
      { id: id + 1, issueId: issue.id, userId: 1, label: 'retro-actions', action: 'remove', createdAt: now },
      { id: id + 2, issueId: issue.id, userId: 1, label: 'retro-actions', action: 'add', createdAt: now },
    );
    issue.updatedAt = now;
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => row.getByTestId('applied').textContent()).toBe('retro-actions applied today');
    await page.close();
  });

  it('a title or label with no spaces (a URL) wraps inside the popup instead of widening it', async () => {
    const issue = session.sandbox.state.issues.find((i) => i.iid === 9 && i.projectId === 1001)!;
    issue.title = `See https://gitlab.com/g/p/-/issues/1/designs/${'screenshot_of_the_queue_'.repeat(6)}.png`;
    issue.labels = [...issue.labels, `scoped::${'x'.repeat(120)}`];
    const page = await openPopup(session.browser.context, session.browser.extensionId!);
    await expect.poll(() => page.getByTestId('popup-status').textContent()).toMatch(/^Updated/);
    await page.getByRole('link', { name: /^See https/ }).waitFor();
    // Nothing in the list is wider than the list, and the list is no wider than the popup's 400 px.
    const widths = await page.evaluate(() => {
      const list = document.querySelector('.retros')!;
      return { body: document.body.getBoundingClientRect().width, list: list.getBoundingClientRect().width, content: list.scrollWidth, box: list.clientWidth };
    });
    expect(widths.body).toBe(400);
    expect(widths.list).toBeLessThanOrEqual(400);
    expect(widths.content).toBeLessThanOrEqual(widths.box);
    await page.close();
  });

  it('opens at once from the cache while GitLab is slow, then shows the fresh list', async () => {
    const first = await openPopup(session.browser.context, session.browser.extensionId!);
    await expect.poll(() => first.getByTestId('popup-status').textContent()).toMatch(/^Updated/);
    await first.close();
    session.sandbox.requests.length = 0;
    session.sandbox.state.issues.find((i) => i.iid === 9 && i.projectId === 1001)!.title = 'Renamed meanwhile';
    session.sandbox.fail({ path: '/api/v4/issues', delayMs: 2500, times: 2 });
    const page = await openPopup(session.browser.context, session.browser.extensionId!);
    await page.getByTestId('retro-list').waitFor({ timeout: 1500 });
    expect(await page.getByTestId('popup-status').textContent()).toBe('Checking GitLab for changes…');
    await page.getByText('Renamed meanwhile').waitFor();
    // The second open asks for the two lists only: label-event dates are cached.
    expect(session.sandbox.apiRequests().map((r) => r.path.split('?')[0])).toEqual(['/api/v4/issues', '/api/v4/issues']);
    await page.close();
  });

  it('the badge counts my overdue retros', async () => {
    const page = await openPopup(session.browser.context, session.browser.extensionId!);
    await expect.poll(() => page.getByTestId('popup-status').textContent()).toMatch(/^Updated/);
    await expect.poll(() => badgeText(session.browser.worker!)).toBe('1');
    await page.close();
  });

  it('an alarm refreshes the badge at most every 15 minutes', async () => {
    const alarm = await session.browser.worker!.evaluate(() =>
      (globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> } } }).chrome.alarms.get('refresh-my-retros'));
    expect(alarm?.periodInMinutes).toBe(15);
  });

  it('the badge is refreshed after a write from the retro panel', async () => {
    session.sandbox.state.issues.find((i) => i.iid === 9 && i.projectId === 1001)!.dueDate = '2020-01-01';
    const page = await session.browser.context.newPage();
    await page.goto(issueUrl(EMERGENCIES_PATH, 'issues/1'));
    const panel = retroPanel(page);
    await panel.getByRole('button', { name: 'Apply retro-actions' }).click();
    await panel.getByTestId('outcome').filter({ hasText: 'GitLab now has' }).waitFor();
    await expect.poll(() => badgeText(session.browser.worker!)).toBe('2');
    await page.close();
  });

  it('a GitLab error shows the message with retry, and retry works', async () => {
    session.sandbox.fail({ path: '/api/v4/issues', status: 500, times: 2 });
    const page = await openPopup(session.browser.context, session.browser.extensionId!);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('GitLab answered with an error (500)');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.getByTestId('popup-status').textContent()).toMatch(/^Updated/);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it('keyboard: Enter on Refresh keeps focus on Refresh while it works and after', async () => {
    const page = await openPopup(session.browser.context, session.browser.extensionId!);
    await expect.poll(() => page.getByTestId('popup-status').textContent()).toMatch(/^Updated/);
    session.sandbox.fail({ path: '/api/v4/issues', delayMs: 500, times: 2 });
    await page.getByRole('button', { name: 'Refresh' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: 'Refresh' }).isDisabled()).toBe(true);
    // Disabled while it works: Chromium drops focus to the page, which hands it to the list's <main>.
    await expect.poll(() => page.evaluate(() => document.activeElement?.localName)).toBe('main');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Refresh');
    await page.close();
  });

  it('links to the review page, keyboard first', async () => {
    const page = await openPopup(session.browser.context, session.browser.extensionId!);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Review page');
    expect(await page.getByRole('link', { name: 'Review page' }).getAttribute('href')).toBe(`chrome-extension://${session.browser.extensionId}/review.html`);
    await page.close();
  });
});
