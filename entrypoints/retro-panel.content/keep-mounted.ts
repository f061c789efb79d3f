import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { findPanelAnchor } from '@/lib/gitlab/page-anchors';

/**
 * Puts the panel at the top of the right sidebar, and puts it back when GitLab's Vue code
 * re-renders or replaces the sidebar (case C3). No sidebar: the panel floats (case C16).
 */
export function keepMounted(ctx: ContentScriptContext, host: HTMLElement): () => void {
  let scheduled = false;
  const place = () => {
    scheduled = false;
    const anchor = findPanelAnchor(document);
    const parent = anchor?.element ?? document.body;
    host.dataset.layout = anchor?.layout ?? 'floating';
    if (host.parentElement !== parent) {
      if (anchor?.after) anchor.after.after(host);
      else parent.prepend(host);
    }
  };
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(place);
  });
  place();
  observer.observe(document.body, { childList: true, subtree: true });
  const stop = () => observer.disconnect();
  ctx.onInvalidated(stop);
  return stop;
}
