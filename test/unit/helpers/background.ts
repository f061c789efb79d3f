/** Senders, router env and stored settings for background router tests (against WXT's fake browser). */
import type { Browser } from 'wxt/browser';
import { originOf, type RouterEnv } from '@/entrypoints/background/router';
import { DEFAULT_SETTINGS, settingsItem, tokenItem, type Settings } from '@/lib/settings';

type Sender = Browser.runtime.MessageSender;

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_BASE = `chrome-extension://${EXTENSION_ID}`;
/**
 * Built the way entrypoints/background/index.ts builds it: `new URL(getURL('/')).origin`.
 * Note: Node (like the WHATWG URL standard) gives the origin "null" for chrome-extension: URLs,
 * where Chrome gives `chrome-extension://<id>`; the router compares sender URLs the same way,
 * so both sides agree here as they do in the browser.
 */
export const ENV: RouterEnv = { extensionId: EXTENSION_ID, extensionOrigin: originOf(`${EXTENSION_BASE}/`)! };

export const EMERGENCY_PROJECT = 'gitlab-com/support/readiness/emergencies';
export const ISSUE_URL = `https://gitlab.com/${EMERGENCY_PROJECT}/-/issues/1`;
export const REF = { projectPath: EMERGENCY_PROJECT, iid: 1, view: 'issues' as const };

/** Just enough of a tab for the router, which reads only `id`. */
function tab(id: number, url: string): Browser.tabs.Tab {
  return { id, url, index: 0, windowId: 1, highlighted: true, active: true, pinned: false, incognito: false } as Browser.tabs.Tab;
}

/** A content script of this extension in a tab showing `url`. */
export function contentScript(url = ISSUE_URL, tabId = 7, frameId = 0): Sender {
  return { id: EXTENSION_ID, url, tab: tab(tabId, url), frameId, origin: new URL(url).origin };
}

/** The options page (or popup) of this extension. */
export function extensionPage(path = '/options.html'): Sender {
  return { id: EXTENSION_ID, url: `${EXTENSION_BASE}${path}`, origin: EXTENSION_BASE };
}

export const ROSTER = 'sam-support: maria-manager\n';

export async function storeSettings(overrides: Partial<Settings> = {}, token: string | null = 'glpat-test-token'): Promise<Settings> {
  const settings: Settings = { ...DEFAULT_SETTINGS, rosterText: ROSTER, ...overrides };
  await settingsItem.setValue(settings);
  if (token !== null) await tokenItem.setValue(token);
  return settings;
}
