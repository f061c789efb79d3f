import { describe, expect, it } from 'vitest';
import { badgeText, openPopup } from './extension-pages';
import { useSession } from './session';

const session = useSession({ configured: false });

describe('popup and badge before a token is saved', () => {
  it('the popup links to the options, the badge is empty, and GitLab hears nothing', async () => {
    const page = await openPopup(session.browser.context, session.browser.extensionId!);
    await page.getByTestId('not-configured').waitFor();
    expect(await page.getByTestId('not-configured').textContent()).toContain('add a personal access token in the options');
    await page.waitForTimeout(500);
    expect(await badgeText(session.browser.worker!)).toBe('');
    const optionsOpened = session.browser.context.waitForEvent('page');
    await page.getByRole('button', { name: 'Open options' }).click();
    expect((await optionsOpened).url()).toContain('/options.html');
    expect(session.sandbox.apiRequests()).toEqual([]);
  });
});
