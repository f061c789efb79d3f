/**
 * Screenshots of the popup and the review page, light and dark, into demo-output/.
 * Run after a build: `npx tsx test/demo/retro-screens.ts`.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSandbox } from '../sandbox/server';
import { API_TOKEN } from '../sandbox/seed';
import { launchBrowser } from '../browser/launch';
import { configureExtension } from '../browser/configure';

const out = resolve(import.meta.dirname, '../../demo-output');
mkdirSync(out, { recursive: true });
const sandbox = await startSandbox({ largeRetros: 300 });
const browser = await launchBrowser({ sandboxPort: sandbox.port });
try {
  await configureExtension(browser.context, browser.extensionId!, { token: API_TOKEN });
  for (const scheme of ['light', 'dark'] as const) {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 560 });
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.waitForFunction(() => document.querySelector('[data-testid="popup-status"]')?.textContent?.startsWith('Updated'));
    // Chrome sizes a popup to its page, up to 600 px tall: so does the picture (no page scrollbar beside the list's).
    const height = await popup.evaluate(() => document.documentElement.scrollHeight);
    await popup.setViewportSize({ width: 400, height: Math.min(600, height) });
    await popup.screenshot({ path: resolve(out, `popup-${scheme}.png`) });
    await popup.close();
    const review = await browser.context.newPage();
    await review.setViewportSize({ width: 1100, height: 900 });
    await review.emulateMedia({ colorScheme: scheme });
    await review.goto(`chrome-extension://${browser.extensionId}/review.html`);
    await review.getByTestId('assignee-groups').waitFor({ timeout: 30_000 });
    await review.screenshot({ path: resolve(out, `review-${scheme}.png`) });
    await review.close();
  }
  console.log(`Screenshots in ${out}: popup-light.png, popup-dark.png, review-light.png, review-dark.png`);
} finally {
  await browser.close();
  await sandbox.close();
}
