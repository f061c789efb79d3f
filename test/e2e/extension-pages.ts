/** The extension's own pages and its worker, as the popup/badge/menu tests drive them. */
import type { BrowserContext, Page, Worker } from 'playwright-core';

/** The popup is popup.html: opened in a tab, it runs the same code as under the toolbar button. */
export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  return page;
}

export async function openReview(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/review.html`);
  return page;
}

type Chrome = {
  action: { getBadgeText(details: object): Promise<string> };
  notifications: { getAll(): Promise<Record<string, unknown>>; clear(id: string): Promise<boolean> };
  contextMenus: { update(id: string, props: object): Promise<void> };
};

export const badgeText = (worker: Worker): Promise<string> =>
  worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({}));

/** The listener `contextMenus.onClicked` calls, exposed inside the worker only. */
export function clickMenu(worker: Worker, click: { menuItemId: string; pageUrl?: string; linkUrl?: string; selectionText?: string }) {
  return worker.evaluate(
    (info) => (globalThis as unknown as { emergencyRetroMenuClick(i: object): Promise<{ ok: boolean; title: string; message: string } | null> }).emergencyRetroMenuClick(info),
    click,
  );
}

/** Notification ids currently shown by the extension. */
export const notificationIds = (worker: Worker): Promise<string[]> =>
  worker.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll()));

/** True when a menu item with this id exists (update fails for an unknown id; Chrome has no getAll). */
export function menuItemExists(where: Worker | Page, id: string): Promise<boolean> {
  const probe = (menuId: string) => (globalThis as unknown as { chrome: Chrome }).chrome.contextMenus.update(menuId, {}).then(() => true, () => false);
  return 'goto' in where ? where.evaluate(probe, id) : where.evaluate(probe, id);
}

/**
 * Stops the extension's service worker the way Chrome does after 30 s idle, then wakes it with a
 * message from the popup. Playwright keeps the same Worker handle across the restart; a marker set
 * before the stop proves the code now runs in a fresh worker.
 */
export async function restartWorker(context: BrowserContext, extensionId: string, worker: Worker): Promise<void> {
  await worker.evaluate(() => ((globalThis as { restartMarker?: boolean }).restartMarker = true));
  const page = await context.newPage();
  await page.goto('about:blank');
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const fresh = async () => worker.evaluate(() => (globalThis as { restartMarker?: boolean }).restartMarker !== true).catch(() => false);
  for (let i = 0; i < 50 && !(await fresh()); i += 1) await page.waitForTimeout(100);
  await page.close();
  if (!(await fresh())) throw new Error('the service worker did not restart');
}
