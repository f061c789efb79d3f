import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { findPanelAnchor } from '@/lib/gitlab/page-anchors';

/**
 * Puts the panel at the top of the right sidebar, and puts it back when GitLab's Vue code
 * re-renders or replaces the sidebar (case C3). No sidebar: the panel floats (case C16).
 */
export function keepMounted(ctx: ContentScriptContext, host: HTMLElement): () => void {
  let scheduled = false;
  // Moving or removing the host takes focus out of the panel; the control that had it gets it back.
  // Focus leaves just before GitLab removes the node, so whether it went with the host is known a microtask later.
  let lostWithHost: Element | null = null;
  const noteFocusLoss = (event: Event) => {
    const control = event.target as Element;
    if (!(event as FocusEvent).relatedTarget) queueMicrotask(() => (lostWithHost = host.isConnected ? null : control));
  };
  host.shadowRoot?.addEventListener('focusout', noteFocusLoss);
  const place = () => {
    scheduled = false;
    const anchor = findPanelAnchor(document);
    const parent = anchor?.element ?? document.body;
    host.dataset.layout = anchor?.layout ?? 'floating';
    if (host.parentElement !== parent) {
      const focused = host.shadowRoot?.activeElement ?? lostWithHost;
      if (anchor?.after) anchor.after.after(host);
      else parent.prepend(host);
      if (focused instanceof HTMLElement) focused.focus();
    }
    lostWithHost = null;
  };
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(place);
  });
  place();
  observer.observe(document.body, { childList: true, subtree: true });
  const stop = () => {
    observer.disconnect();
    host.shadowRoot?.removeEventListener('focusout', noteFocusLoss);
  };
  ctx.onInvalidated(stop);
  return stop;
}
