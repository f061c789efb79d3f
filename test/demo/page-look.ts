/** How the demo pictures are taken: the same moment in both themes, and no scrollbar shifting the page between measure and shot. */
import type { Page } from 'playwright-core';

/** GitLab's own switch (html.gl-dark), live: the panel follows it without a reload, so nothing else changes. */
export async function showTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate((dark) => {
    document.documentElement.classList.toggle('gl-dark', dark);
    document.documentElement.classList.toggle('gl-light', !dark);
  }, theme === 'dark');
  await page.locator(`emergency-retro-panel[data-theme="${theme}"]`).waitFor();
}

/**
 * A picture taller than the window is taken with the window grown to fit, which drops the
 * scrollbar and moves the page sideways after the element was measured: no scrollbar at all.
 */
export async function hideScrollbars(page: Page): Promise<void> {
  await page.addStyleTag({ content: 'html { scrollbar-width: none; }' });
}
