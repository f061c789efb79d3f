import { describe, expect, it } from 'vitest';
import { openOptions } from '../browser/configure';
import { API_TOKEN, ymd } from '../sandbox/seed';
import { openPopup } from './extension-pages';
import { useSession } from './session';

const session = useSession();
const DAY = 24 * 60 * 60 * 1000;
/** The saved token, as the sandbox GitLab keeps it: revoke it or move its expiry there. */
const savedToken = () => session.sandbox.state.tokens.find((t) => t.token === API_TOKEN)!;

async function openChecked() {
  const page = await openOptions(session.browser.context, session.browser.extensionId!);
  await page.getByTestId('token-status').waitFor();
  await expect.poll(() => page.getByTestId('token-checking').count()).toBe(0);
  return page;
}

describe('options page: the saved token is checked with GitLab each time the options open', () => {
  it('one request, and the status GitLab gives now', async () => {
    const page = await openChecked();
    expect(await page.getByTestId('token-status').innerText()).toMatch(/Signed in as @maria-manager[\s\S]*Scopes: api/);
    expect(session.sandbox.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v4/personal_access_tokens/self']);
    await page.close();
  });

  it('a token revoked on GitLab since it was saved is shown as no longer accepted, not as signed in', async () => {
    savedToken().revoked = true;
    const page = await openChecked();
    const status = await page.getByTestId('token-status').innerText();
    expect(status).toMatch(/Saved token of @maria-manager \(Maria Manager\): GitLab no longer accepts it/);
    expect(status).not.toMatch(/Signed in as/);
    expect(status).toMatch(/GitLab rejected the token: the token was revoked\. Create a new token/);
    await page.close();
  });

  it('a token that expired since says it expired', async () => {
    savedToken().expiresAt = ymd(new Date(Date.now() - 2 * DAY));
    const page = await openChecked();
    const status = await page.getByTestId('token-status').innerText();
    expect(status).toMatch(/the token has expired/);
    expect(status).not.toMatch(/revoked/);
    await page.close();
  });

  it('a token that now expires within a week warns, though it had a year left when saved', async () => {
    savedToken().expiresAt = ymd(new Date(Date.now() + 5 * DAY));
    const page = await openChecked();
    expect(await page.getByTestId('token-status').innerText()).toMatch(/This token expires on \d{4}-\d{2}-\d{2}, in [4-6] days\. Create a new one soon\./);
    await page.close();
  });

  it('"Remove token", confirmed from the keyboard, forgets it: the popup then asks to connect, and nothing goes to GitLab', async () => {
    const page = await openChecked();
    await page.getByRole('button', { name: 'Remove token' }).focus();
    await page.keyboard.press('Enter');
    // Focus is on the confirmation: Enter answers it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, remove the token');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('token-status').innerText()).toBe('No token saved: the extension sends nothing to GitLab.');
    await page.reload();
    await expect.poll(() => page.getByTestId('token-status').innerText()).toBe('No token saved: the extension sends nothing to GitLab.');
    session.sandbox.reset();
    const popup = await openPopup(session.browser.context, session.browser.extensionId!);
    await popup.getByTestId('not-configured').waitFor();
    await popup.waitForTimeout(300);
    expect(session.sandbox.apiRequests()).toEqual([]);
    await popup.close();
    await page.close();
  });
});
