import { describe, expect, it } from 'vitest';
import { openOptions } from '../browser/configure';
import { EMERGENCIES_PATH } from '../sandbox/seed';
import { openReview } from './extension-pages';
import { useSession } from './session';

const session = useSession();
const MISSING = 'gitlab-com/support/no-such-project';

describe('review page with an emergency project GitLab will not show', () => {
  it('shows the retros of the projects that work, and names the one that failed, with Try again', async () => {
    const options = await openOptions(session.browser.context, session.browser.extensionId!);
    await options.getByLabel('Emergency projects').fill(`${EMERGENCIES_PATH}\n${MISSING}`);
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByTestId('save-status').filter({ hasText: 'Saved.' }).waitFor();
    await options.close();

    const page = await openReview(session.browser.context, session.browser.extensionId!);
    const notice = page.getByTestId('failed-projects');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toMatch(new RegExp(`${MISSING}: GitLab says this project does not exist, or your account has no access to it`));
    expect(await notice.innerText()).not.toContain(EMERGENCIES_PATH);
    const open = session.sandbox.state.issues.filter((i) => i.projectId === 1001 && i.state === 'opened' && i.labels.includes('retro-actions'));
    expect(open.length).toBeGreaterThan(0);
    expect(await page.getByTestId('open-counts').textContent()).toMatch(new RegExp(`^${open.length} open, \\d+ stale$`));

    session.sandbox.reset();
    await notice.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => session.sandbox.apiRequests().some((r) => r.path.includes(encodeURIComponent(MISSING)))).toBe(true);
    await expect.poll(() => page.getByTestId('review-status').innerText()).toMatch(/^From GitLab at/);
    expect(await notice.count()).toBe(1);
    await page.close();
  });
});
