import { describe, expect, it } from 'vitest';
import { focusedInPanel, retroPanel } from '../browser/configure';
import { EMERGENCIES_PATH } from '../sandbox/seed';
import { issueUrl, useSession } from './session';

const session = useSession();

describe('the panel over time', () => {
  it('follows GitLab light, dark (html and body classes) and system themes live (case C17)', async () => {
    const page = await session.browser.context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(issueUrl(EMERGENCIES_PATH, 'issues/1'));
    await retroPanel(page).getByTestId('status-assignees').waitFor();
    const theme = () => page.locator('emergency-retro-panel').getAttribute('data-theme');
    expect(await theme()).toBe('light');
    await page.evaluate(() => document.documentElement.classList.replace('gl-light', 'gl-dark'));
    await expect.poll(theme).toBe('dark');
    // The browser's own controls (a finding's checkbox, scrollbars) turn dark with the panel, Timeline section loaded or not.
    const scheme = () => page.evaluate(() => getComputedStyle(document.querySelector('emergency-retro-panel')!.shadowRoot!.querySelector('[data-testid="timeline-details"]')!).colorScheme);
    expect(await scheme()).toBe('dark');
    // The primary button reads at WCAG AA (4.5:1) on the panel's own dark colours too.
    expect(await retroPanel(page).getByRole('button', { name: 'Apply retro-actions' }).isEnabled()).toBe(true);
    const contrast = await retroPanel(page).getByRole('button', { name: 'Apply retro-actions' }).evaluate((button) => {
      const luminance = (color: string) => {
        const [r, g, b] = color.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((part) => Number(part) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const style = getComputedStyle(button);
      const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x);
      return (light! + 0.05) / (dark! + 0.05);
    });
    expect(contrast).toBeGreaterThanOrEqual(4.5);
    await page.evaluate(() => {
      document.documentElement.classList.remove('gl-dark');
      document.body.classList.add('gl-dark');
    });
    await expect.poll(theme).toBe('dark');
    await page.evaluate(() => {
      document.body.classList.remove('gl-dark');
      document.documentElement.classList.add('gl-system');
    });
    await expect.poll(theme).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(theme).toBe('light');
    await page.close();
  });

  it('after stepping through 10 issues there is one panel, on the last issue (case C4)', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(issueUrl(EMERGENCIES_PATH, 'issues/1'));
    await retroPanel(page).getByTestId('status-assignees').waitFor();
    for (let step = 0; step < 10; step += 1) {
      const iid = (step % 5) + 1;
      await page.evaluate(([project, target]) => history.pushState({}, '', `/${project}/-/issues/${target}`), [EMERGENCIES_PATH, iid] as const);
      await expect.poll(() => retroPanel(page).getByTestId('panel-ref').textContent()).toBe(`emergencies#${iid}`);
    }
    expect(await page.locator('emergency-retro-panel').count()).toBe(1);
    await page.close();
  });

  it('keeps the panel when GitLab re-renders the sidebar (case C3)', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(issueUrl(EMERGENCIES_PATH, 'issues/1'));
    await retroPanel(page).getByTestId('status-assignees').waitFor();
    await retroPanel(page).getByRole('button', { name: 'Apply retro-actions' }).focus();
    await page.evaluate(() => {
      const sidebar = document.querySelector('aside.js-right-sidebar')!;
      sidebar.replaceWith(sidebar.cloneNode(false) as Element);
    });
    await page.evaluate(() => {
      const aside = document.querySelector('aside.js-right-sidebar')!;
      const inner = document.createElement('div');
      inner.className = 'issuable-sidebar';
      aside.append(inner);
    });
    await expect.poll(() => page.locator('aside.js-right-sidebar emergency-retro-panel').count()).toBe(1);
    expect(await page.locator('emergency-retro-panel').count()).toBe(1);
    expect(await focusedInPanel(page)).toBe('button: Apply retro-actions'); // moving the panel kept the keyboard's place
    await page.close();
  });

  it('floats in the corner of the window when the page has no sidebar to hold it (case C16)', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(issueUrl(EMERGENCIES_PATH, 'issues/1'));
    await retroPanel(page).getByTestId('status-assignees').waitFor();
    await page.evaluate(() => document.querySelector('aside.js-right-sidebar')!.remove());
    const host = page.locator('emergency-retro-panel');
    await expect.poll(() => host.getAttribute('data-layout')).toBe('floating');
    const placed = await host.evaluate((element) => ({ position: getComputedStyle(element).position, box: element.getBoundingClientRect().toJSON() as DOMRect }));
    expect(placed.position).toBe('fixed');
    const viewport = page.viewportSize()!;
    // Inside the window, at its right edge, and narrower than the page.
    expect(placed.box.right).toBeLessThanOrEqual(viewport.width);
    expect(placed.box.right).toBeGreaterThan(viewport.width - 40);
    expect(placed.box.bottom).toBeLessThanOrEqual(viewport.height);
    expect(placed.box.width).toBeLessThan(viewport.width / 2);
    await retroPanel(page).getByRole('button', { name: 'Apply retro-actions' }).click({ trial: true });
    await page.close();
  });

  it('after the extension is reloaded, a click says to reload the page (case C5)', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(issueUrl(EMERGENCIES_PATH, 'issues/1'));
    const apply = retroPanel(page).getByRole('button', { name: 'Apply retro-actions' });
    await apply.waitFor();
    // Open the Timeline section (its own script) and let it arrive before the reload.
    const details = retroPanel(page).locator('[data-testid="timeline-details"][data-ready="yes"]');
    await details.waitFor();
    await details.locator('summary').click();
    await retroPanel(page).getByRole('region', { name: 'Timeline' }).getByRole('button', { name: 'Post timeline' }).waitFor();
    await session.browser.worker!.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    await page.waitForTimeout(1000);
    await apply.click();
    await expect.poll(() => retroPanel(page).getByRole('alert').textContent()).toMatch(/extension was updated or reloaded\. Reload this page/);
    await page.close();
  });
});
