import { browser } from 'wxt/browser';
import { createGateway } from '@/lib/gitlab/gateway';
import { createRouter, originOf } from './router';
import type { BackgroundDeps } from './context';
import { pruneDrafts } from './draft-store';
import { startToolbarAndMenu } from './toolbar-and-menu';

/** Built by WXT from entrypoints/retro-panel.content; injected only into emergency issue tabs. */
const PANEL_SCRIPT = '/content-scripts/retro-panel.js' as const;
/** Built from entrypoints/retro-timeline.content; injected when a panel shows its Timeline section. */
const TIMELINE_SCRIPT = '/content-scripts/retro-timeline.js' as const;

/** Loads one of our runtime-registered content scripts into the frame that asked. */
const injectInto = (file: typeof PANEL_SCRIPT | typeof TIMELINE_SCRIPT) => async (tabId: number, frameId: number) => {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
};

const deps: BackgroundDeps = {
  createGateway,
  now: () => new Date(),
  injectPanel: injectInto(PANEL_SCRIPT),
  injectTimeline: injectInto(TIMELINE_SCRIPT),
  openOptions: () => browser.runtime.openOptionsPage(),
};

export default defineBackground(() => {
  // Chrome exposes storage.local to content scripts unless told otherwise; the token lives there.
  (globalThis as { chrome?: { storage?: { local?: { setAccessLevel?: (o: object) => Promise<void> } } } }).chrome?.storage?.local
    ?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    .catch(() => undefined);

  const route = createRouter(deps, {
    extensionId: browser.runtime.id,
    extensionOrigin: originOf(browser.runtime.getURL('/'))!,
  });
  const afterReply = startToolbarAndMenu(deps);
  const prune = () => void pruneDrafts(deps.now()).catch(() => undefined);
  browser.runtime.onStartup.addListener(prune);
  browser.runtime.onInstalled.addListener(prune);
  // Registered synchronously at start-up so the first message after an idle stop is not lost.
  browser.runtime.onMessage.addListener((message, sender) =>
    route(message, sender).then((reply) => {
      afterReply(message, reply);
      return reply;
    }));
});
