import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { prefersDarkTheme } from '@/lib/gitlab/page-anchors';

/** Mirrors GitLab's light/dark theme onto the panel host, live (case C17). */
export function followTheme(ctx: ContentScriptContext, host: HTMLElement): void {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    host.dataset.theme = prefersDarkTheme(document, media.matches) ? 'dark' : 'light';
  };
  const observer = new MutationObserver(apply);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  ctx.addEventListener(media, 'change', apply);
  ctx.onInvalidated(() => observer.disconnect());
  apply();
}
