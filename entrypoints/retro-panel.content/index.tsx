/**
 * Loaded only into emergency issue pages (the background injects it when the watcher asks).
 * Mounts the panel in a shadow root, follows GitLab's navigation and theme, and tears down cleanly.
 */
import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { parseIssueUrl } from '@/lib/gitlab/issue-url';
import { sameIssue, type IssueRef } from '@/lib/gitlab/issue-ref';
import { markPanelLoaded, isPanelLoaded } from '@/lib/panel-presence';
import { RetroPanel } from '@/components/RetroPanel';
import { keepFocusInside } from '@/components/keep-focus';
import { createPanelClient } from './client';
import { keepMounted } from './keep-mounted';
import { followTheme } from './theme';
import styles from './panel.css?inline';

export default defineContentScript({
  matches: ['https://gitlab.com/*'],
  registration: 'runtime',
  async main(ctx) {
    if (isPanelLoaded()) return;
    markPanelLoaded();

    const ui = await createShadowRootUi(ctx, {
      name: 'emergency-retro-panel',
      position: 'inline',
      anchor: 'body',
      css: styles,
      onMount: (container) => container,
      onRemove: (container) => container && render(null, container),
    });
    let shown: IssueRef | null = null;
    let stopKeeping: (() => void) | null = null;

    const show = (url: URL) => {
      const parsed = parseIssueUrl(url, location.origin);
      const ref = parsed?.kind === 'project-issue' ? parsed.ref : null;
      if (sameIssue(ref, shown)) return;
      shown = ref;
      if (!ref) {
        stopKeeping?.();
        stopKeeping = null;
        ui.remove();
        return;
      }
      if (!ui.mounted) ui.mount();
      stopKeeping ??= keepMounted(ctx, ui.shadowHost);
      // A new key per issue: the old issue's state, timers and late replies go with it (case C4).
      render(
        <RetroPanel key={`${ref.projectPath}#${ref.iid}`} client={createPanelClient(ref)} issueLabel={`${ref.projectPath}#${ref.iid}`} />,
        ui.mounted as HTMLElement,
      );
    };

    followTheme(ctx, ui.shadowHost);
    ctx.onInvalidated(keepFocusInside(ui.shadow));
    show(new URL(location.href));
    // The URL carried by the event, never a stale location.href (case C1).
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => show(newUrl));
  },
});
