import { describe, expect, it } from 'vitest';
import { openOptions } from '../browser/configure';
import { API_TOKEN, EXPIRING_TOKEN, READONLY_TOKEN, REVOKED_TOKEN } from '../sandbox/seed';
import { useSession } from './session';

const session = useSession({ configured: false });

async function saveToken(token: string) {
  const page = await openOptions(session.browser.context, session.browser.extensionId!);
  await page.getByLabel('Personal access token').fill(token);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('save-status').filter({ hasText: /Saved|refused/ }).waitFor();
  return page;
}

describe('options page', () => {
  it('checks a token with GitLab and shows who it signs in as, its scopes and expiry', async () => {
    const page = await saveToken(API_TOKEN);
    await expect.poll(() => page.getByTestId('token-status').innerText()).toMatch(/Signed in as @maria-manager[\s\S]*Scopes: api/);
    const paths = session.sandbox.apiRequests().map((request) => request.path);
    expect(paths).toEqual(expect.arrayContaining(['/api/v4/user', '/api/v4/personal_access_tokens/self']));
    await page.close();
  });

  it.each([
    [READONLY_TOKEN, /lacks the api scope: the extension works read-only/],
    [EXPIRING_TOKEN, /expires on \d{4}-\d{2}-\d{2}, in 3 days/],
  ])('warns about %s', async (token, warning) => {
    const page = await saveToken(token);
    await expect.poll(() => page.getByTestId('token-status').innerText()).toMatch(warning);
    await page.close();
  });

  it('a revoked token is refused with what to do, and the typed token stays in the field', async () => {
    const page = await saveToken(REVOKED_TOKEN);
    await expect.poll(() => page.getByRole('alert').first().innerText()).toMatch(/GitLab rejected the token: the token was revoked/);
    expect(await page.getByLabel('Personal access token').inputValue()).toBe(REVOKED_TOKEN);
    await page.close();
  });

  it('a malformed roster names the line, saves nothing, and keeps the text through a reload and after the tab is closed', async () => {
    const page = await openOptions(session.browser.context, session.browser.extensionId!);
    const roster = 'sam-support: maria-manager\nthis line is wrong\n';
    await page.getByLabel('Manager roster').fill(roster);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('alert').first().innerText()).toMatch(/line 2/);
    await page.reload();
    await expect.poll(() => page.getByLabel('Manager roster').inputValue()).toBe(roster);
    await page.close();
    const reopened = await openOptions(session.browser.context, session.browser.extensionId!);
    await expect.poll(() => reopened.getByLabel('Manager roster').inputValue()).toBe(roster);
    await reopened.getByRole('button', { name: 'Discard them' }).click(); // the next tests start from what is saved
    await reopened.close();
  });

  it('the "Create a token" link opens the instance token page with the api scope', async () => {
    const page = await openOptions(session.browser.context, session.browser.extensionId!);
    const href = await page.getByRole('link', { name: 'Create a token' }).getAttribute('href');
    expect(href).toBe('https://gitlab.com/-/user_settings/personal_access_tokens?name=Emergency%20Retro&scopes=api');
    await page.close();
  });
});
