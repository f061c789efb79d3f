import { describe, expect, it } from 'vitest';
import { EMERGENCIES_PATH } from '../sandbox/seed';
import { openPopup, openReview } from './extension-pages';
import { useSession } from './session';

const RETROS = 1200;
const session = useSession({ sandbox: { largeRetros: RETROS } });

describe('review page with a large data set', () => {
  it('is opened from the popup', async () => {
    const popup = await openPopup(session.browser.context, session.browser.extensionId!);
    const opened = session.browser.context.waitForEvent('page');
    await popup.getByRole('link', { name: 'Review page' }).click();
    const review = await opened;
    await review.waitForLoadState();
    expect(review.url()).toBe(`chrome-extension://${session.browser.extensionId}/review.html`);
    await review.close();
    await popup.close();
  });

  it(`lists every open retro with actions out of ${RETROS}, stale first per assignee, with paged requests`, async () => {
    const page = await openReview(session.browser.context, session.browser.extensionId!);
    await page.getByTestId('assignee-groups').waitFor({ timeout: 30_000 });
    const open = session.sandbox.state.issues.filter((i) => i.projectId === 1001 && i.state === 'opened' && i.labels.includes('retro-actions'));
    expect(await page.getByTestId('open-counts').textContent()).toMatch(new RegExp(`^${open.length} open, \\d+ stale$`));
    // Rendered incrementally: the first 100 rows, then more on request.
    expect(await page.getByTestId('review-row').count()).toBe(100);
    await page.getByTestId('more-rows').click();
    expect(await page.getByTestId('review-row').count()).toBe(200);
    // Within a group, stale rows come first.
    const firstGroup = page.getByRole('region', { name: /^Assigned to/ }).first();
    const marks = await firstGroup.getByTestId('review-row').evaluateAll((rows) => rows.map((row) => row.classList.contains('stale')));
    expect(marks.indexOf(false) === -1 || marks.slice(marks.indexOf(false)).every((stale) => !stale)).toBe(true);
    // Every list request asks 100 at a time; none asks scope=created_by_me.
    const lists = session.sandbox.apiRequests().filter((r) => r.method === 'GET' && /\/issues\?/.test(r.path));
    expect(lists.every((r) => r.path.includes('per_page=100'))).toBe(true);
    expect(lists.length).toBeLessThan(40);
    expect(await page.getByTestId('suggested-count').textContent()).toMatch(/^\d+$/);
    expect(await page.getByTestId('bar-chart').locator('rect').count()).toBe(6);
    await page.close();
  });

  it('a second visit shows the cached data with no request at all', async () => {
    const page = await openReview(session.browser.context, session.browser.extensionId!);
    await page.getByTestId('assignee-groups').waitFor();
    await page.waitForTimeout(300);
    expect(session.sandbox.apiRequests()).toEqual([]);
    await page.close();
  });

  it('exports a CSV with one row per open retro', async () => {
    const page = await openReview(session.browser.context, session.browser.extensionId!);
    await page.getByTestId('assignee-groups').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(text.startsWith('\uFEFF')).toBe(true); // so Excel reads it as UTF-8
    const rows = text.slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe('reference,title,assignees,due date,stale,updated at,labels,url');
    const open = session.sandbox.state.issues.filter((i) => i.projectId === 1001 && i.state === 'opened' && i.labels.includes('retro-actions'));
    expect(rows).toHaveLength(open.length + 1);
    expect(rows.slice(1).every((row) => row.startsWith(`${EMERGENCIES_PATH}#`))).toBe(true);
    await page.close();
  });
});
