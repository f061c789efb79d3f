import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { retroPanel } from '../browser/configure';
import type { FaultRule } from '../sandbox/server';
import { EMERGENCIES_PATH } from '../sandbox/seed';
import { issueUrl, useSession } from './session';

const session = useSession();

/** Opens issue 1, types an engineer, then lets GitLab fail the write in the given way. */
async function applyWith(fault: FaultRule): Promise<{ page: Page; alert: string }> {
  const page = await session.browser.context.newPage();
  await page.goto(issueUrl(EMERGENCIES_PATH, 'issues/1'));
  const panel = retroPanel(page);
  await panel.getByTestId('preview').waitFor();
  await panel.getByLabel('Responding support engineer').fill('@sam-support');
  session.sandbox.fail(fault);
  await panel.getByRole('button', { name: 'Apply retro-actions' }).click();
  const alert = await panel.getByRole('alert').innerText();
  return { page, alert };
}

const WRITE = { method: 'PUT', path: '/api/v4/projects' };

describe('GitLab failures show what to do, and lose nothing typed', () => {
  it.each<[string, FaultRule, RegExp]>([
    ['401', { ...WRITE, status: 401, body: '{"message":"401 Unauthorized"}', contentType: 'application/json' }, /token: it is invalid, expired or revoked/],
    ['403 insufficient_scope', { ...WRITE, status: 403, body: '{"error":"insufficient_scope","scope":"api"}', contentType: 'application/json' }, /needs the api scope/],
    ['404', { ...WRITE, status: 404, body: '{"message":"404 Project Not Found"}', contentType: 'application/json' }, /not found, or you have no access/],
    ['500', { ...WRITE, status: 500, body: '{"message":"500 Internal Server Error"}', contentType: 'application/json' }, /answered with an error \(500\)/],
    ['an HTML page with status 200', { ...WRITE, html: true }, /web page instead of data/],
    ['a dropped connection', { ...WRITE, drop: true }, /Could not reach GitLab/],
  ])('%s', async (_name, fault, message) => {
    const { page, alert } = await applyWith(fault);
    expect(alert).toMatch(message);
    // What the user typed is still there, and exactly one write was attempted.
    expect(await retroPanel(page).getByLabel('Responding support engineer').inputValue()).toBe('@sam-support');
    expect(session.sandbox.apiRequests().filter((request) => request.method === 'PUT')).toHaveLength(1);
    await page.close();
  });

  it('a 502 after GitLab stored the change: trying again sends no second write (case C10)', async () => {
    const { page, alert } = await applyWith({ ...WRITE, status: 502, afterApply: true });
    expect(alert).toMatch(/\(502\)/);
    await retroPanel(page).getByRole('button', { name: 'Try again' }).click();
    await retroPanel(page).getByTestId('outcome').filter({ hasText: 'already applied' }).waitFor();
    expect(session.sandbox.apiRequests().filter((request) => request.method === 'PUT')).toHaveLength(1);
    await page.close();
  });

  it('a 429 names the wait, sends nothing until Retry-After has passed, then works (case C10)', async () => {
    const { page, alert } = await applyWith({ ...WRITE, status: 429, headers: { 'Retry-After': '2' }, body: 'Retry later', contentType: 'text/plain' });
    expect(alert).toMatch(/rate limiting your requests\. Try again in [12] s/);
    const retry = retroPanel(page).getByRole('button', { name: 'Try again' });
    expect(await retry.isDisabled()).toBe(true);
    const before = session.sandbox.apiRequests().length;
    await page.reload();
    await expect.poll(() => retroPanel(page).getByRole('alert').textContent()).toMatch(/rate limiting/);
    expect(session.sandbox.apiRequests()).toHaveLength(before);
    await page.waitForTimeout(2100);
    await page.reload();
    await retroPanel(page).getByRole('button', { name: 'Apply retro-actions' }).click();
    await retroPanel(page).getByTestId('outcome').filter({ hasText: 'GitLab now has' }).waitFor();
    await page.close();
  });

  it('a 404 on load says not found, or no access (case C14c)', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(issueUrl(EMERGENCIES_PATH, 'issues/999'));
    await expect.poll(() => retroPanel(page).getByRole('alert').textContent()).toMatch(/not found, or you have no access/);
    await page.close();
  });
});
