/**
 * `npm start`: the product on demo data. Starts the sandbox GitLab, opens Chromium with the
 * production build signed in to it, on a seeded emergency issue. Without a display (or with
 * --headless) it runs a scripted tour instead and saves screenshots under demo-output/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { API_TOKEN, EMERGENCIES_PATH } from '../sandbox/seed';
import { launchBrowser } from '../browser/launch';
import { configureExtension, retroPanel } from '../browser/configure';
import { hideScrollbars, showTheme } from './page-look';

const OUTPUT = resolve(import.meta.dirname, '../../demo-output');
const ROSTER = 'sam-support: maria-manager\n';
const ISSUE = `https://gitlab.com/${EMERGENCIES_PATH}/-/issues/1`;

function printRequests(sandbox: Sandbox): void {
  console.log('\nRequests GitLab received from the extension:');
  for (const request of sandbox.apiRequests()) {
    console.log(`  ${request.method} ${request.path} → ${request.status}${request.body ? `  ${request.body}` : ''}`);
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  const path = resolve(OUTPUT, name);
  // The panel's host element: the whole card, borders included.
  await page.locator('emergency-retro-panel').screenshot({ path });
  console.log(`  saved ${path}`);
}

/** The panel, or the whole page, as it is now, in light then dark; the page is left light. */
async function shootBothThemes(page: Page, panelName: string | null, pageName?: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await showTheme(page, theme);
    if (panelName) await shoot(page, `${panelName}-${theme}.png`);
    if (!pageName) continue;
    const path = resolve(OUTPUT, `${pageName}-${theme}.png`);
    await page.screenshot({ path, fullPage: true });
    console.log(`  saved ${path}`);
  }
  await showTheme(page, 'light');
}

async function tour(sandbox: Sandbox): Promise<void> {
  mkdirSync(OUTPUT, { recursive: true });
  const browser = await launchBrowser({ sandboxPort: sandbox.port });
  try {
    console.log('Configuring the extension through its options page (token, roster)…');
    await configureExtension(browser.context, browser.extensionId!, { token: API_TOKEN, roster: ROSTER });
    sandbox.requests.length = 0;
    const page = await browser.context.newPage();
    console.log(`Opening ${ISSUE}`);
    await page.goto(ISSUE);
    await hideScrollbars(page);
    const panel = retroPanel(page);
    await panel.getByTestId('preview').waitFor();
    console.log(`Panel says: ${(await panel.getByTestId('preview').innerText()).replace(/\n+/g, '; ').replace(/:;/, ':')}`);
    await shootBothThemes(page, 'panel');
    console.log('Clicking "Add the retro label", then "Apply retro-actions"…');
    await panel.getByRole('button', { name: /^Add the .* label$/ }).click();
    await panel.getByTestId('retro-label-hint').waitFor({ state: 'detached' });
    await panel.getByRole('button', { name: 'Apply retro-actions' }).click();
    const outcome = panel.getByTestId('outcome').filter({ hasText: /GitLab now has|already/ });
    await outcome.waitFor();
    console.log(`Panel says: ${await outcome.innerText()}`);
    console.log(`Checklist: ${(await panel.getByTestId('checklist').locator('h3').innerText()).replace(/\s+/g, ' ')}`);
    await shootBothThemes(page, 'panel-applied');
    // GitLab's own sidebar shows the change after a reload, as the panel says.
    await page.reload();
    await panel.getByTestId('preview').waitFor();
    await hideScrollbars(page);
    await shootBothThemes(page, null, 'issue');
    printRequests(sandbox);
    console.log(`\nDone. The screenshots are in ${OUTPUT}/ (panel-*, issue-*).`);
  } finally {
    await browser.close();
  }
}

async function interactive(sandbox: Sandbox): Promise<void> {
  const browser = await launchBrowser({ sandboxPort: sandbox.port, headless: false }).catch((error: unknown) => {
    // DISPLAY set, but no X server answers it (an SSH session, say): the tour still shows the product.
    console.error(`Could not open a Chromium window on DISPLAY=${process.env.DISPLAY}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    console.error('Running the scripted tour instead (npm start -- --headless runs it directly).');
    return null;
  });
  if (!browser) return tour(sandbox);
  await configureExtension(browser.context, browser.extensionId!, { token: API_TOKEN, roster: ROSTER });
  const page = await browser.context.newPage();
  await page.goto(ISSUE);
  console.log(`Chromium is open on ${ISSUE} (the sandbox GitLab). Close the window or press Ctrl+C to stop.`);
  await new Promise<void>((done) => {
    browser.context.on('close', () => done());
    process.once('SIGINT', () => done());
  });
  printRequests(sandbox);
  await browser.close();
}

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
console.log(headless ? 'No display (or --headless): running the scripted tour.' : 'Opening Chromium on your display.');
const sandbox = await startSandbox();
console.log(`Sandbox GitLab on ${sandbox.url}, reached by Chromium as https://gitlab.com`);
try {
  await (headless ? tour(sandbox) : interactive(sandbox));
} catch (error) {
  // A newcomer needs the sentence (Chromium missing, say), not a stack trace.
  console.error(process.env.DEBUG || !(error instanceof Error) ? error : `${error.message}\n(DEBUG=1 npm start shows where it failed.)`);
  process.exitCode = 1;
} finally {
  await sandbox.close();
}
