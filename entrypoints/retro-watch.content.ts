/**
 * Runs on every gitlab.com page, so it stays tiny: when the URL may show an issue, it hands the
 * URL to the background, which parses it, checks the emergency projects and loads the panel.
 * It follows GitLab's client-side navigation through WXT's ctx listener (cases C1, C2).
 */
import { sendRequest } from '@/lib/messaging';
import { isPanelLoaded } from '@/lib/panel-presence';

/** Issue pages, work items and the issue drawer of list and board pages; nothing else is worth a message. */
const MAYBE_ISSUE = /\/-\/(?:issues|work_items|boards)\b/;

export default defineContentScript({
  matches: ['https://gitlab.com/*'],
  // After the page's own work: the watcher never delays GitLab's load.
  runAt: 'document_idle',
  main(ctx) {
    const visit = (url: URL) => {
      // Once loaded, the panel follows navigation itself.
      if (isPanelLoaded()) return;
      if (MAYBE_ISSUE.test(url.pathname)) void sendRequest({ type: 'page:visit', url: url.href });
    };
    visit(new URL(location.href));
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => visit(newUrl));
  },
});
