/**
 * What axe-core can find on every surface, in light and dark: missing names and labels, roles, and
 * text contrast (the panel's own fallback colours included). Run in the page, shadow root and all.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { retroPanel } from '../browser/configure';
import { EMERGENCIES_PATH } from '../sandbox/seed';
import { issueUrl, useSession } from './session';
import { openPopup, openReview } from './extension-pages';

const session = useSession();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation { id: string; help: string; nodes: string[] }

/** axe's violations in `selector` (the whole page when null), each with where it is, so a failure reads as a to-do list. */
async function violations(page: Page, selector: string | null): Promise<Violation[]> {
  await page.evaluate(AXE); // evaluated, not a <script>: the extension's own pages allow no inline script
  return page.evaluate(async (within) => {
    type Result = { violations: { id: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] };
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<Result> } }).axe;
    const { violations: found } = await axe.run(within ? { include: [[within]] } : document);
    return found.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`) }));
  }, selector);
}

describe('accessibility (axe-core)', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`the panel, with its Timeline, findings and retro notes open, in the ${theme} theme`, async () => {
      const page = await session.browser.context.newPage();
      await page.goto(issueUrl(EMERGENCIES_PATH, 'issues/4'));
      const panel = retroPanel(page);
      await panel.getByTestId('status-assignees').waitFor();
      if (theme === 'dark') await page.evaluate(() => document.documentElement.classList.replace('gl-light', 'gl-dark'));
      await expect.poll(() => page.locator('emergency-retro-panel').getAttribute('data-theme')).toBe(theme);
      await panel.locator('[data-testid="timeline-details"][data-ready="yes"] summary').click();
      await panel.getByRole('region', { name: 'Timeline' }).waitFor();
      await panel.getByRole('button', { name: 'Add entry' }).click();
      await panel.getByRole('button', { name: 'Add to “Suggestions”' }).click();
      await panel.getByLabel('Follow-up for Suggestions 1').selectOption({ label: 'New bug issue' });
      await panel.getByTestId('retro-notes').locator('summary').click();
      expect(await violations(page, 'emergency-retro-panel')).toEqual([]);
      await page.close();
    });
  }

  it('the popup, the review page and the options page', async () => {
    const { context, extensionId } = session.browser;
    const popup = await openPopup(context, extensionId!);
    await popup.getByTestId('retro-list').or(popup.getByTestId('empty')).waitFor();
    const review = await openReview(context, extensionId!);
    await review.getByTestId('open-counts').waitFor();
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByRole('button', { name: /^Save/ }).first().waitFor();
    for (const page of [popup, review, options]) {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect({ page: page.url(), scheme, violations: await violations(page, null) }).toEqual({ page: page.url(), scheme, violations: [] });
      }
      await page.close();
    }
  });
});
