import { escapeHtml } from './escape.ts';

/**
 * The stylesheet and the one inline script every sandbox page carries. The CSS only aims to make
 * screenshots read like GitLab (its variable names, light and `gl-dark`, a 290px right sidebar).
 */

export const STYLE = `
:root {
  --gl-background-color-default: #fff; --gl-background-color-subtle: #fbfafd; --gl-background-color-strong: #ececef;
  --gl-text-color-default: #3a383f; --gl-text-color-subtle: #626168; --gl-text-color-heading: #18171d;
  --gl-border-color-default: #dcdcde; --gl-link-color: #1f75cb; --gl-focus-ring-color: #428fdc;
  --gl-button-confirm-background: #1f75cb; --gl-button-confirm-text: #fff;
  color-scheme: light;
}
html.gl-dark {
  --gl-background-color-default: #18171d; --gl-background-color-subtle: #1f1e24; --gl-background-color-strong: #333238;
  --gl-text-color-default: #ececef; --gl-text-color-subtle: #bfbfc3; --gl-text-color-heading: #fff;
  --gl-border-color-default: #3a383f; --gl-link-color: #63a6e9; --gl-focus-ring-color: #63a6e9;
  --gl-button-confirm-background: #428fdc; --gl-button-confirm-text: #fff;
  color-scheme: dark;
}
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 "GitLab Sans", -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif;
  background: var(--gl-background-color-default); color: var(--gl-text-color-default); }
a { color: var(--gl-link-color); text-decoration: none; }
a:hover { text-decoration: underline; }
h1, h2, h3 { color: var(--gl-text-color-heading); }
.gl-heading-1 { font-size: 1.75rem; font-weight: 600; line-height: 1.25; margin: 0; }
.gl-heading-5 { font-size: 0.875rem; font-weight: 600; margin: 0; }
.gl-hidden, .gl-sr-only { display: none !important; }
.gl-flex { display: flex; } .gl-items-center { align-items: center; } .gl-gap-3 { gap: 8px; } .gl-ml-auto { margin-left: auto; }
[data-testid="detail-wrapper"] > div:first-child { display: flex; align-items: flex-start; gap: 8px; padding-top: 12px; }
.layout-page { display: flex; min-height: 100vh; }
.super-sidebar { width: 240px; flex: none; padding: 12px; background: var(--gl-background-color-subtle);
  border-right: 1px solid var(--gl-border-color-default); }
.super-sidebar ul { list-style: none; margin: 8px 0; padding: 0; }
.super-sidebar li a { display: block; padding: 4px 8px; border-radius: 4px; color: var(--gl-text-color-default); }
.sandbox-logo { font-weight: 700; color: #e24329; padding: 4px 8px; }
.content-wrapper { flex: 1; min-width: 0; }
.top-bar-fixed { padding: 10px 16px; border-bottom: 1px solid var(--gl-border-color-default); }
.breadcrumb { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; margin: 0; padding: 0; font-size: 13px; }
.breadcrumb li + li::before { content: "/"; margin-right: 6px; color: var(--gl-text-color-subtle); }
#content-body { padding: 0 16px 48px; }
#content-body:has(> .js-right-sidebar) { display: grid; grid-template-columns: minmax(0, 1fr) 290px; column-gap: 24px; }
#content-body > .flash-container, #content-body > .sandbox-issue-nav { grid-column: 1 / -1; }
.sandbox-issue-nav { display: flex; justify-content: space-between; padding: 8px 0; font-size: 13px; }
.detail-page-description { padding-top: 12px; }
.description .md, .work-item-description .md { margin-top: 16px; }
.right-sidebar { background: var(--gl-background-color-subtle); border-left: 1px solid var(--gl-border-color-default);
  padding: 0 16px; min-height: calc(100vh - 60px); }
.issuable-sidebar-header { display: flex; justify-content: flex-end; border-bottom: 1px solid var(--gl-border-color-default); }
.block:empty { display: none; }
.block, .work-item-attributes-item { padding: 12px 0; border-bottom: 1px solid var(--gl-border-color-default); }
.sandbox-widget-head { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; font-weight: 600; }
.sandbox-widget-head .btn { margin-left: auto; }
.work-item-overview { display: grid; grid-template-columns: minmax(0, 1fr) 290px; column-gap: 24px; }
.work-item-overview-right-sidebar { border-left: 1px solid var(--gl-border-color-default); padding-left: 16px; }
.work-item-overview > .work-item-notes { grid-column: 1; }
.gl-label { display: inline-flex; border-radius: 12px; padding: 0 8px; margin: 2px 4px 2px 0; font-size: 12px;
  background: var(--label-bg, #6699cc); }
.gl-label a, .gl-label .gl-label-text { color: #fff; }
.gl-avatar { width: 24px; height: 24px; border-radius: 50%; vertical-align: middle; margin-right: 8px; }
.sandbox-assignee { display: flex; align-items: center; padding: 2px 0; }
.gl-text-subtle { color: var(--gl-text-color-subtle); }
.sandbox-assignee .gl-text-subtle { margin-left: 4px; }
.btn { font: inherit; font-size: 13px; padding: 2px 10px; border-radius: 4px; cursor: pointer;
  border: 1px solid var(--gl-border-color-default); background: var(--gl-background-color-default); color: var(--gl-text-color-default); }
.btn-confirm { background: var(--gl-button-confirm-background); color: var(--gl-button-confirm-text); border-color: transparent; }
.gl-tabs-nav { display: flex; gap: 16px; list-style: none; padding: 0; margin: 16px 0 0; border-bottom: 1px solid var(--gl-border-color-default); }
.gl-tab-nav-item { display: block; padding: 8px 2px; color: var(--gl-text-color-default); }
.gl-tab-nav-item-active { box-shadow: inset 0 -2px 0 var(--gl-focus-ring-color); font-weight: 600; }
.notes { list-style: none; padding: 0; }
.note { padding: 8px 0; border-bottom: 1px solid var(--gl-border-color-default); }
textarea { width: 100%; min-height: 80px; font: inherit; background: var(--gl-background-color-default);
  color: var(--gl-text-color-default); border: 1px solid var(--gl-border-color-default); border-radius: 4px; }
table.sandbox-table { border-collapse: collapse; } .sandbox-table td, .sandbox-table th { padding: 4px 12px 4px 0; text-align: left; }
`;

/**
 * GitLab swaps page content client-side (Vue router, Turbo-like links). Links marked `data-sandbox-spa`
 * do the same: pushState first, then fetch the page and replace `main#content-body`'s children and
 * the body data attributes, so an extension sees fresh, replaced sidebar nodes on an unchanged document.
 */
export const SPA_SCRIPT = `(() => {
  async function swap(url) {
    const res = await fetch(url, { credentials: 'same-origin', headers: { 'X-Sandbox-Spa': '1' } });
    const next = new DOMParser().parseFromString(await res.text(), 'text/html');
    const main = document.querySelector('main#content-body');
    const nextMain = next.querySelector('main#content-body');
    if (!main || !nextMain) { location.reload(); return; }
    for (const key of Object.keys(document.body.dataset)) delete document.body.dataset[key];
    Object.assign(document.body.dataset, next.body.dataset);
    const crumbs = document.querySelector('[data-testid="breadcrumb-links"]');
    const nextCrumbs = next.querySelector('[data-testid="breadcrumb-links"]');
    if (crumbs && nextCrumbs) crumbs.replaceWith(document.importNode(nextCrumbs, true));
    main.replaceChildren(...Array.from(nextMain.childNodes, (n) => document.importNode(n, true)));
    document.title = next.title;
    window.scrollTo(0, 0);
  }
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-sandbox-spa]') : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    history.pushState({ sandboxSpa: true }, '', link.href);
    void swap(link.href);
  });
  window.addEventListener('popstate', () => void swap(location.href));
})();`;

/** A user's avatar: initials on a colour derived from the id, so screenshots have faces without the network. */
export function avatarSvg(id: number, initials: string): string {
  const hue = (id * 47) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" fill="hsl(${hue} 45% 55%)"/>` +
    `<text x="32" y="41" font-family="sans-serif" font-size="26" fill="#fff" text-anchor="middle">${escapeHtml(initials)}</text></svg>`;
}
