/** Drives the extension as a person would: the options page, by its visible labels. */
import type { BrowserContext, Page } from 'playwright-core';

export interface ExtensionSetup {
  token?: string;
  roster?: string;
  emergencyProjects?: string[];
}

export async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('GitLab URL').waitFor();
  return page;
}

/** Fills the options form and saves; resolves once GitLab accepted the token (when one is given). */
export async function configureExtension(context: BrowserContext, extensionId: string, setup: ExtensionSetup): Promise<void> {
  const page = await openOptions(context, extensionId);
  await page.getByLabel('GitLab URL').fill('https://gitlab.com');
  if (setup.emergencyProjects) await page.getByLabel('Emergency projects').fill(setup.emergencyProjects.join('\n'));
  if (setup.roster !== undefined) await page.getByLabel('Manager roster').fill(setup.roster);
  if (setup.token) await page.getByLabel('Personal access token').fill(setup.token);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('save-status').filter({ hasText: /Saved|refused/ }).waitFor();
  if (setup.token) await page.getByText(/Signed in as @/).waitFor();
  await page.close();
}

/** The retro panel (Playwright locators pierce its open shadow root). */
export const retroPanel = (page: Page) => page.getByRole('region', { name: 'Retro' });

/** What has keyboard focus inside the panel's shadow root ("" when focus fell out to the page). */
export const focusedInPanel = (page: Page) => page.evaluate(() => {
  const active = document.querySelector('emergency-retro-panel')?.shadowRoot?.activeElement;
  return active ? `${active.localName}: ${active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 40)}` : '';
});
