import { describe, expect, it } from 'vitest';
import { retroPanel } from '../browser/configure';
import { EMERGENCIES_PATH } from '../sandbox/seed';
import { issueUrl, useSession } from './session';

const session = useSession({ configured: false });

describe('before a token is configured (case C14a)', () => {
  it('the panel guides to the options and sends nothing to GitLab', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(issueUrl(EMERGENCIES_PATH, 'issues/1'));
    const alert = retroPanel(page).getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/add a personal access token in the options/);
    expect(session.sandbox.apiRequests()).toHaveLength(0);
    const optionsPage = session.browser.context.waitForEvent('page');
    await retroPanel(page).getByRole('button', { name: 'Open options' }).click();
    await (await optionsPage).getByLabel('Personal access token').waitFor();
    await page.close();
  });
});
