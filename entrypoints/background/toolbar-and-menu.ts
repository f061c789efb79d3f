/**
 * Wires the toolbar badge, its alarm and the "Suggest retro" menu to the browser. Every listener
 * is registered synchronously when the worker starts, so the first click or alarm after an idle
 * stop is delivered (case C6).
 */
import { browser } from 'wxt/browser';
import type { Result } from '@/lib/messaging';
import { settingsItem } from '@/lib/settings';
import { myRetrosItem } from '@/lib/retro-cache';
import { refreshBadge, showBadge, type BadgeApi } from './badge';
import { clickTarget, installMenus, type MenuClick, type MenusApi } from './context-menu';
import type { BackgroundDeps } from './context';
import { suggestRetro } from './suggest-retro';
import { ISSUE_CHANGED, type IssueChanged } from '@/lib/issue-changed';

export const BADGE_ALARM = 'refresh-my-retros';
/** The issue's ceiling: GitLab is asked at most every 15 minutes for the badge. */
export const BADGE_PERIOD_MINUTES = 15;

/** Messages that change GitLab (or which token is used): the badge is refreshed after each. */
export const WRITE_TYPES: ReadonlySet<string> = new Set(['retro:apply', 'retro:undo', 'retro:add-label', 'settings:save', 'token:remove']);

const badge: BadgeApi = {
  async setText(text) {
    await browser.action.setBadgeBackgroundColor({ color: '#c91c00' });
    await browser.action.setBadgeText({ text });
  },
};

const menus: MenusApi = {
  removeAll: () => browser.contextMenus.removeAll(),
  create: (item) =>
    new Promise<void>((resolve, reject) => {
      browser.contextMenus.create(item as Parameters<typeof browser.contextMenus.create>[0], () => {
        const error = browser.runtime.lastError;
        if (error) reject(new Error(error.message));
        else resolve();
      });
    }),
};

async function ensureAlarm(): Promise<void> {
  // Re-creating an alarm restarts its period: only create it when it is missing.
  if (!(await browser.alarms.get(BADGE_ALARM))) {
    await browser.alarms.create(BADGE_ALARM, { periodInMinutes: BADGE_PERIOD_MINUTES, delayInMinutes: 1 });
  }
}

/** Open GitLab tabs hear that an issue changed; a tab without the panel has no listener, and that is fine. */
async function tellTabs({ projectPath, iid }: { projectPath: string; iid: number }): Promise<void> {
  const { gitlabUrl } = await settingsItem.getValue();
  const news: IssueChanged = { type: ISSUE_CHANGED, projectPath, iid };
  const tabs = await browser.tabs.query({ url: `${new URL(gitlabUrl).origin}/*` });
  await Promise.all(tabs.map((tab) => tab.id !== undefined && browser.tabs.sendMessage(tab.id, news).catch(() => undefined)));
}

/** The menu click: the same function the e2e test calls. Reports by notification either way. */
export function createMenuClickHandler(deps: BackgroundDeps, refresh: () => Promise<unknown>) {
  return async (click: MenuClick) => {
    const target = clickTarget(click);
    if (!target) return null;
    const outcome = await suggestRetro(deps, target.url, target.selection);
    await browser.notifications
      .create({ type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: outcome.title, message: outcome.message })
      .catch((error: unknown) => console.error('[emergency-retro] notification:', error));
    if (outcome.labelled) await tellTabs(outcome.labelled).catch((error: unknown) => console.error('[emergency-retro] tell tabs:', error));
    if (outcome.ok) await refresh();
    return outcome;
  };
}

/** Starts it all; returns what to run after each message reply (badge refresh after writes). */
export function startToolbarAndMenu(deps: BackgroundDeps) {
  const refresh = () => refreshBadge(deps, badge);
  const onMenuClick = createMenuClickHandler(deps, refresh);
  browser.contextMenus.onClicked.addListener((info) => void onMenuClick(info));
  // Reachable only inside this worker (DevTools, the e2e harness): no page or content script sees it.
  (globalThis as { emergencyRetroMenuClick?: typeof onMenuClick }).emergencyRetroMenuClick = onMenuClick;

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) void refresh();
  });
  const setUp = async () => {
    await installMenus(menus, (await settingsItem.getValue()).gitlabUrl);
    await ensureAlarm();
    await refresh();
  };
  browser.runtime.onInstalled.addListener(() => void setUp());
  browser.runtime.onStartup.addListener(() => void setUp());
  settingsItem.watch((next, previous) => {
    if (next.gitlabUrl !== previous?.gitlabUrl) void installMenus(menus, next.gitlabUrl);
  });
  // Whatever refreshed the cache (popup, "show more", alarm), the badge follows without a request.
  myRetrosItem.watch(() => void showBadge(deps, badge));
  void ensureAlarm();

  return (message: unknown, reply: Result<unknown>): void => {
    const type = (message as { type?: unknown } | null)?.type;
    if (reply.ok && typeof type === 'string' && WRITE_TYPES.has(type)) void refresh();
  };
}
